import { entitiesCalled, namesOf, wordsOf, type NamedEntity } from './aliases';
import { dayInQuery } from '../../content/dates';

/**
 * Ranking on top of Pagefind, without a DOM (the browser's src/features/search/client/engine.ts runs it against
 * Pagefind; the relevance benchmark measures it). Pagefind scores a page by the words of the
 * query as typed: a page that says "Lukashenko" thirty times is found for "Lukashenka" only
 * through the hidden alias metadata, which is the same on every page that names him once. So a
 * query that names an actor, place or term is also searched with each of its other spellings
 * in the site's script, and every page is ranked by its best score under any of them: an alias
 * ranks a page as its canonical name would. The result set stays the one the typed query gives
 * (the metadata already finds every spelling), so facet counts stay Pagefind's own.
 */

/** A name in a query: the words it spans, what it names and every other way of writing it. */
interface NameInQuery {
  start: number;
  end: number;
  named: NamedEntity[];
  forms: string[][];
}

const scriptOf = (text: string): string => {
  for (const script of ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Han']) {
    if (new RegExp(`\\p{Script=${script}}`, 'u').test(text)) return script;
  }
  return '';
};

const key = (words: readonly string[]) => words.join(' ').toLowerCase();

/** The most words a form of a name may have to be searched as a variant. */
const MAX_FORM_WORDS = 4;

/**
 * The names in a query's words, longest first where they overlap ("Alyaksandr Lukashenka" is one
 * name, not two words), each with the other forms of every entity it names that are written in
 * the script of that entity's canonical name: the forms a page's text uses. "Лукашенко" gets
 * "Lukashenko", "Lukashenka", …; "Lukashenka" gets no Cyrillic form, which no page's text has.
 */
function namesIn(words: readonly string[], entities: readonly NamedEntity[], longest = 6): NameInQuery[] {
  const names: NameInQuery[] = [];
  for (let start = 0; start < words.length; ) {
    let found: NameInQuery | undefined;
    for (let end = Math.min(words.length, start + longest); end > start && !found; end--) {
      const text = words.slice(start, end).join(' ');
      const named = entitiesCalled(text, entities);
      if (named.length === 0) continue;
      const typed = text.toLowerCase();
      const forms = new Map<string, string[]>();
      for (const entity of named) {
        const script = scriptOf(entity.name);
        // The canonical name first (what an explainer is `about`, and the site's spelling), then
        // one-word forms, the canonical name's own words before others (pages mostly name people
        // by surname), then the rest.
        const [canonical, ...aliases] = namesOf(entity);
        const own = new Set(wordsOf(canonical!).map((w) => w.toLowerCase()));
        const single = aliases.filter((a) => wordsOf(a).length === 1);
        const ordered = [
          canonical!, ...single.filter((a) => own.has(a.toLowerCase())), ...single.filter((a) => !own.has(a.toLowerCase())),
          ...aliases.filter((a) => wordsOf(a).length > 1),
        ];
        for (const name of ordered) {
          const formWords = wordsOf(name);
          // A long form ("Organization for Security and Co-operation in Europe") costs a search
          // per word, common ones among them, and is rarely what a page writes: left out.
          if (formWords.length === 0 || formWords.length > MAX_FORM_WORDS || key(formWords) === typed || scriptOf(name) !== script) continue;
          if (!forms.has(key(formWords))) forms.set(key(formWords), formWords);
        }
      }
      found = { start, end, named, forms: [...forms.values()] };
    }
    if (found) {
      names.push(found);
      start = found.end;
    } else {
      start++;
    }
  }
  return names;
}

/** A variant of a query: its text, and the forms of names put in it. */
export interface QueryVariant {
  query: string;
  forms: string[];
}

/**
 * The other ways of writing a query: each name in it replaced by each of its other forms, one
 * name at a time, in the order namesIn gives them ("Lukashenka" → "Alexander Lukashenko",
 * "Lukashenko", …). When the query has several names, all of them in their first other form comes
 * first. At most `limit` variants: each is one more search, and may fetch another index chunk.
 */
export function queryVariants(query: string, entities: readonly NamedEntity[], limit = 4): QueryVariant[] {
  return variantsOf(wordsOf(query), namesIn(wordsOf(query), entities), limit);
}

function variantsOf(words: readonly string[], names: readonly NameInQuery[], limit: number): QueryVariant[] {
  const replace = (choices: Map<NameInQuery, string[]>): QueryVariant => {
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const name = names.find((n) => n.start === i && choices.has(n));
      if (name) {
        out.push(...choices.get(name)!);
        i = name.end;
      } else {
        out.push(words[i]!);
        i++;
      }
    }
    return { query: out.join(' '), forms: [...choices.values()].map((form) => form.join(' ')) };
  };
  const variants: QueryVariant[] = [];
  const named = names.filter((n) => n.forms.length > 0);
  if (named.length > 1) variants.push(replace(new Map(named.map((n) => [n, n.forms[0]!]))));
  for (const name of named) for (const form of name.forms) variants.push(replace(new Map([[name, form]])));
  const seen = new Set([key(words)]);
  return variants.filter((v) => !seen.has(v.query.toLowerCase()) && seen.add(v.query.toLowerCase())).slice(0, limit);
}

/**
 * The value of the search filter `entity` on the page of an actor, place or term (record.ts):
 * a filter matches its value exactly, so it finds the page named "Minsk" and
 * not the one named "Minsk Dialogue Council", nor "Karoich" for "Karo", as words would.
 */
export const entityFilter = (entity: Pick<NamedEntity, 'kind' | 'id'>): string => `${entity.kind}:${entity.id}`;

export interface Scored {
  id: string;
  score: number;
  /** Where in the page Pagefind found the query's words (word positions), when it says. */
  words?: readonly number[];
}

/** The most positions in a row in `positions`: [3, 4, 5, 9] → 3. */
export function longestRun(positions: readonly number[]): number {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (const [i, p] of sorted.entries()) {
    run = i > 0 && p === sorted[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** The fewest words of a query read as a phrase (see phraseFirst): fewer can be in a row by chance. */
export const PHRASE_WORDS = 4;

/**
 * How many word positions a query takes in a page: Pagefind counts what lies between spaces, so
 * "Belarus's" is one word to it, though two to wordsOf.
 */
export const positionsIn = (query: string): number => query.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;

/**
 * For a query of PHRASE_WORDS words or more (as Pagefind counts them, positionsIn), the pages that
 * have all of them in a row come first, each group in its order: such a query is most often a
 * quotation half remembered ("Minsk is the best place for negotiations"). Pagefind scores words
 * one by one, so a long report that prints the quotation once ranked below short pages that use
 * its words more often.
 */
export function phraseFirst<R extends Scored>(results: readonly R[], query: string): R[] {
  const length = positionsIn(query);
  if (length < PHRASE_WORDS) return [...results];
  const inRow = results.map((r) => longestRun(r.words ?? []) >= length);
  return [...results.filter((_, i) => inRow[i]), ...results.filter((_, i) => !inRow[i])];
}

/**
 * `results` (Pagefind's for the typed query) reordered by each page's best score under the
 * typed query or any variant; pages only a variant found are left out, so the set is unchanged.
 * Ties keep Pagefind's order.
 */
export function bestOf<R extends Scored>(results: readonly R[], variants: readonly (readonly Scored[])[]): R[] {
  const best = new Map(results.map((r) => [r.id, r.score]));
  for (const list of variants) {
    for (const r of list) {
      const score = best.get(r.id);
      if (score !== undefined && r.score > score) best.set(r.id, r.score);
    }
  }
  return results.map((r, i) => ({ r, i })).sort((a, b) => best.get(b.r.id)! - best.get(a.r.id)! || a.i - b.i).map(({ r }) => r);
}

/** Fewer results than this (a screenful) and a query of several words is also searched by parts (see `enough`). */
export const FEW_RESULTS = 6;

export interface RankedResults<Response extends { results: Scored[] }> {
  /** Pagefind's response to the query as typed: its result set and facet counts. */
  response: Response;
  /** Its results in ranked order, then (when it had few) pages that have all but one of the words. */
  results: Response['results'];
  /** How many of `results`, from the start, have every word of the query. */
  complete: number;
}

/**
 * Searches `query` with `search` (Pagefind's, with the reader's facets applied) and ranks the
 * results: each page by its best score under the query and its first `variants` variants
 * (queryVariants: the canonical name, then a one-word form), the pages that have a long query's
 * words in a row first (phraseFirst); and when the query is just a name,
 * the page of what it names first (found by its entityFilter), when it is just a day, the pages
 * dated that day first (the record's `day` filter). When a query of two to six words
 * finds fewer than a screenful (or, with `enough`, too few pages that truly have its words), pages that have all of its words but one follow, ranked the same
 * way (Pagefind needs every word; a reader's wording often has one that no page uses:
 * "recognition" where the pages say "recognises"). Each variant is one more search, as is the
 * filter: three more for a name, one for a day, none for other words (docs/benchmarks.md, "Relevance").
 */
export async function rankedSearch<Response extends { results: Scored[] }>(
  search: (term: string | null, filters?: Record<string, unknown>) => Promise<Response>,
  query: string,
  entities: readonly NamedEntity[],
  {
    variants = 2,
    enough = async (results) => results.length >= FEW_RESULTS,
  }: {
    variants?: number;
    /**
     * Whether the results of the query as typed are enough, so no page with all but one of its
     * words need follow: by default, a screenful. The browser also looks at what matched, since
     * Pagefind may match an unknown word by a prefix of it ("recognition" by "re"); a screenful
     * found not enough is dropped for the pages with all words but one.
     */
    enough?: (results: Response['results']) => Promise<boolean>;
  } = {},
): Promise<RankedResults<Response>> {
  type R = Response['results'][number];
  const rank = async (term: string, limit: number) => {
    const response = await search(term);
    const ownFirst = async (results: R[], filters: Record<string, unknown>) => {
      const own = new Set((await search(null, filters)).results.map((r) => r.id));
      return [...results.filter((r) => own.has(r.id)), ...results.filter((r) => !own.has(r.id))];
    };
    // A query that is just a day: the pages dated that day come first ("4 March 2025" is the event
    // of that day, not the pages that mention it most). A page dated to a span has no day.
    const day = dayInQuery(term);
    if (day) return { response, results: await ownFirst(response.results, { day: { any: [day] } }) };
    const words = wordsOf(term);
    const names = namesIn(words, entities);
    if (names.length === 0) return { response, results: phraseFirst(response.results, term) };
    const others = await Promise.all(variantsOf(words, names, limit).map(async (v) => (await search(v.query)).results));
    let results = phraseFirst(bestOf<R>(response.results, others), term);
    // A query that is just a name: the page of what it names comes first (found by its filter).
    if (names.length === 1 && names[0]!.start === 0 && names[0]!.end === words.length) {
      results = await ownFirst(results, { entity: { any: names[0]!.named.map(entityFilter) } });
    }
    return { response, results };
  };
  const { response, results } = await rank(query, variants);
  // Words of one letter are left out: they match most pages by prefix, and say little.
  const words = wordsOf(query).filter((w) => [...w].length > 1);
  if (words.length < 2 || words.length > 6 || (await enough(results))) return { response, results, complete: results.length };
  // A screenful that is not enough matched by prefixes only: it gives way to the pages found by parts.
  const kept = results.length >= FEW_RESULTS ? [] : results;
  // All but one word, each way; a page keeps its best score. The canonical name only, to keep it quick.
  const seen = new Set(kept.map((r) => r.id));
  const best = new Map<string, R>();
  for (let i = 0; i < words.length; i++) {
    const part = await rank(words.filter((_, j) => j !== i).join(' '), 1);
    for (const r of part.results) {
      if (seen.has(r.id)) continue;
      const held = best.get(r.id);
      if (!held || r.score > held.score) best.set(r.id, r);
    }
  }
  const partial = [...best.values()].sort((a, b) => b.score - a.score);
  return { response, results: [...kept, ...partial], complete: kept.length };
}
