import { distance } from 'fastest-levenshtein';
import { namesOf, wordsOf } from './aliases';
import type { SearchVocabulary } from './vocabulary';

/**
 * "Did you mean": Pagefind has no typo tolerance, so when a query finds nothing we compare its
 * words with the names, aliases and glossary terms the site knows and offer the closest.
 */

/** How far (in single-letter edits) a word of this length may be from a known word. */
function editsAllowed(length: number): number {
  return length < 4 ? 0 : length < 6 ? 1 : length < 9 ? 2 : 3;
}

/** Every word of every known name, keyed by its lowercase form; the first spelling seen is shown. */
export function knownWords(vocabulary: SearchVocabulary): Map<string, string> {
  const known = new Map<string, string>();
  for (const phrase of [...vocabulary.entities.flatMap(namesOf), ...vocabulary.names]) {
    for (const word of wordsOf(phrase)) {
      const key = word.toLowerCase();
      if (word.length >= 3 && !known.has(key)) known.set(key, word);
    }
  }
  return known;
}

/**
 * Up to `limit` corrected queries, closest first: each unknown word of the query replaced by a
 * known word within a few edits ("Lukashonko talks" → "Lukashenko talks"). Empty when no word
 * of the query is close to a known one.
 */
export function suggestQueries(query: string, vocabulary: SearchVocabulary, limit = 3): string[] {
  const known = knownWords(vocabulary);
  const queryWords = wordsOf(query);
  const choices = queryWords.map((word) => {
    const key = word.toLowerCase();
    if (known.has(key)) return [word];
    const allowed = editsAllowed(key.length);
    const close = [...known]
      .map(([candidate, shown]) => ({ shown, edits: distance(key, candidate) }))
      .filter((c) => c.edits > 0 && c.edits <= allowed)
      .sort((a, b) => a.edits - b.edits || a.shown.localeCompare(b.shown));
    return close.length > 0 ? close.map((c) => c.shown) : [word];
  });
  // The first corrected word varies over its candidates; any later one takes its closest.
  const first = choices.findIndex((options, i) => options[0] !== queryWords[i]);
  if (first < 0) return [];
  const best = choices.map((options) => options[0]!);
  const queries = choices[first]!.slice(0, limit).map((option) => best.map((w, i) => (i === first ? option : w)).join(' '));
  return [...new Set(queries)];
}
