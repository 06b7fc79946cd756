/**
 * Search in the browser: loads Pagefind and the vocabulary, runs a query with its facets, and
 * works out facet counts, weak matches, suggestions and the words to highlight. No DOM here.
 */
import { aliasesFor, wordsOf } from '../lib/aliases';
import { searchFacets, type SearchFacet } from '../lib/search-record';
import { answersQuery, suggestQueries } from '../lib/search-suggest';
import { vocabularyPath, type SearchVocabulary } from '../lib/search-vocabulary';

/** The parts of Pagefind's browser API this site uses (pagefind.js, 1.6). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  locations: number[];
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, string> }) => Promise<PagefindResponse>;
}

export const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
export const highlightParam = 'pagefind-highlight';

let pagefind: Promise<Pagefind> | undefined;
/**
 * The facet data (Pagefind's filter chunks). Requested after the first search, since Pagefind
 * fetches in order and these would otherwise hold up the index chunk the first results need.
 */
let facetData: Promise<unknown> | undefined;
let facetsReady = false;
const requestFacets = (pf: Pagefind) => (facetData ??= pf.filters().then(() => (facetsReady = true)));

export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({
      baseUrl: base, excerptLength: 24, excerptEllipsis: '…',
      // The index is small: searching on the page saves fetching and starting a worker first.
      noWorker: true,
      // A title, or a name on its own page (an actor's, a place's, a term's), outranks a mere
      // mention; long pages (the explainers) are not pushed below short ones that name a term once.
      // Tuned on the site's content: every entity's name and alias, and every title, ranks its page top 3.
      ranking: { metaWeights: { title: 10, names: 10 }, pageLength: 0.3 },
    });
    await pf.init();
    return pf;
  });
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** Resolves once facet counts can be given (see `search`). */
export async function facetsLoaded(): Promise<void> {
  await requestFacets(await loadPagefind());
}

const noVocabulary: SearchVocabulary = { entities: [], names: [] };
let vocabulary: Promise<SearchVocabulary> | undefined;
export function loadVocabulary(): Promise<SearchVocabulary> {
  // Revalidated, not versioned: pages carry nothing per build (the service worker keeps a copy offline).
  vocabulary ??= fetch(`${base}${vocabularyPath}`, { cache: 'no-cache' })
    .then((r) => (r.ok ? (r.json() as Promise<SearchVocabulary>) : noVocabulary))
    .catch(() => noVocabulary);
  return vocabulary;
}

export type SortOrder = '' | 'desc' | 'asc';
export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFacet, string>>;
  sort: SortOrder;
}

export interface SearchAnswer {
  state: SearchState;
  results: PagefindResult[];
  /** Results for the query with no facet applied. */
  unfiltered: number;
  /**
   * For each facet, the results each value would give with the other facets as they are.
   * Undefined while the facet data is still loading (only ever for the very first query).
   */
  counts?: Record<SearchFacet, Record<string, number>>;
}

const activeFilters = (state: SearchState, except?: SearchFacet): Record<string, string> =>
  Object.fromEntries(Object.entries(state.filters).filter(([facet, value]) => value && facet !== except)) as Record<string, string>;

/**
 * Runs a search; null when there is nothing to search for yet. A single letter would match
 * most of the site by prefix and fetch excerpts for nothing, so a query needs two.
 */
export async function search(state: SearchState): Promise<SearchAnswer | null> {
  const query = state.query.trim();
  const filtered = Object.keys(activeFilters(state)).length > 0;
  if ([...query].length < 2 && !filtered) return null;
  const pf = await loadPagefind();
  // Filtering needs the facet data; a plain first query goes ahead and is counted when it arrives.
  if (filtered) await requestFacets(pf);
  const term = [...query].length >= 2 ? query : null;
  const sort = state.sort ? { date: state.sort } : undefined;
  const main = await pf.search(term, { filters: activeFilters(state), ...(sort && { sort }) });
  if (!facetsReady) return { state, results: main.results, unfiltered: main.unfilteredResultCount };
  const counts = {} as NonNullable<SearchAnswer['counts']>;
  for (const facet of searchFacets) {
    // A chosen facet is counted as if it were not chosen, so its other values show what they would give.
    const source = state.filters[facet] ? await pf.search(term, { filters: activeFilters(state, facet), ...(sort && { sort }) }) : main;
    counts[facet] = source.filters[facet] ?? {};
  }
  return { state, results: main.results, unfiltered: main.unfilteredResultCount, counts };
}

/** The page words Pagefind matched, punctuation stripped: the content split on spaces, at `locations`. */
export function matchedWords(data: PagefindResultData): string[] {
  const words = data.content.split(/\s+/);
  return [...new Set(data.locations.map((i) => wordsOf(words[i] ?? '').join('')).filter(Boolean))];
}

/** False when a result matched only through Pagefind's longest-prefix fallback ("Byelorusia" → "by"). */
export function answers(query: string, data: PagefindResultData): boolean {
  return answersQuery(query, matchedWords(data), Object.values(data.meta).join(' '));
}

/** "Did you mean" queries, from the names, aliases and terms the site knows. */
export async function suggestionsFor(query: string): Promise<string[]> {
  return suggestQueries(query, await loadVocabulary());
}

/** The other names of whatever the query names: the whole query, or any one word of it. */
export function aliasesInQuery(query: string, vocab: SearchVocabulary): string[] {
  const names = [query, ...wordsOf(query)].flatMap((text) => aliasesFor(text, vocab.entities));
  return [...new Set(names)];
}

/**
 * The link to a result, asking the page to highlight what was searched: the query's words, the
 * words Pagefind matched (stems, prefixes) and every other spelling of a name in the query.
 */
export function resultLink(url: string, query: string, matched: readonly string[], aliases: readonly string[]): string {
  const terms = [...new Set([...wordsOf(query), ...matched, ...aliases])].slice(0, 16);
  const link = new URL(url, location.href);
  for (const term of terms) link.searchParams.append(highlightParam, term);
  return link.pathname + link.search + link.hash;
}

/** Whether the search index is saved on this device (by the service worker). */
export async function savedOffline(): Promise<boolean> {
  if (!('caches' in window)) return false;
  try {
    // The service worker marks the whole index saved (src/integrations/service-worker-runtime.js).
    return Boolean(await caches.match(new URL(`${base}__offline/search-saved`, location.href).href));
  } catch {
    return false;
  }
}
