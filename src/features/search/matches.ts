import { wordsOf } from './aliases';

/**
 * Whether a result truly has the words of a query, or only a prefix of them: Pagefind matches an
 * unknown word by its longest indexed prefix. Run on every search; the "did you mean" code, needed
 * only when a query finds nothing, is in suggest.ts and loaded then.
 */

/** Length of the common start of two words. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Whether a word Pagefind matched really answers a query term. Pagefind matches an unknown
 * word by its longest indexed prefix ("Bystander" finds "by", "Byelorusia" finds "by"); a
 * match that shares only a short start with the term is not what the reader typed. Stems and
 * extensions ("negotiating"/"negotiations", "Belarusian"/"Belarus") share most of it.
 */
export function isCloseMatch(term: string, word: string): boolean {
  const t = wordsOf(term).join('').toLowerCase();
  const w = wordsOf(word).join('').toLowerCase();
  return commonPrefix(t, w) >= Math.min(t.length, Math.max(3, Math.ceil(t.length * 0.6)));
}

/**
 * Whether a result answers every word of the query of four or more letters (shorter words
 * may be dropped or prefix-matched by Pagefind), given the words Pagefind matched in its text
 * and the words of its metadata (where the aliases are). Metadata is matched as Pagefind does,
 * by prefix: "Byelorusia" is not answered by the alias "Byelorussia".
 */
export function answersQuery(query: string, matchedWords: readonly string[], metaText: string): boolean {
  const meta = wordsOf(metaText).map((w) => w.toLowerCase());
  return wordsOf(query)
    .filter((term) => term.length >= 4)
    .every((term) => {
      const t = term.toLowerCase();
      return matchedWords.some((word) => isCloseMatch(term, word))
        || meta.some((word) => word.startsWith(t) || (t.startsWith(word) && isCloseMatch(t, word)));
    });
}
