/**
 * Search in the browser: loads Pagefind and the vocabulary, runs a query with its facets and
 * ranks it (src/features/search/rank.ts), and works out facet counts, weak matches, suggestions and
 * result links. No DOM here.
 */
import { wordsOf } from '../aliases';
import { searchFacets, type SearchFacet } from '../record';
import { FEW_RESULTS, rankedSearch } from '../rank';
import { answersQuery } from '../matches';
import { vocabularyPath, type SearchVocabulary } from '../vocabulary';

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
  score: number;
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
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, string> }) => Promise<PagefindResponse>;
}

export const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
export const highlightParam = 'pagefind-highlight';

/** How results are scored, the same for every bundle (src/features/search/scope.ts). */
const indexOptions = {
  baseUrl: base, excerptLength: 24, excerptEllipsis: '…',
  // A title, a name on its own page (an actor's, a place's, a term's), an actor an explainer is
  // about (src/features/search/record.ts) and a source's author outrank a mere mention; long pages
  // (the explainers) are not pushed below short ones that name a term once. Chosen with the
  // relevance benchmark (npm run bench:search; docs/benchmarks.md, "Relevance"), where every
  // entity's name and alias, and every title, still ranks its page top 3.
  ranking: { metaWeights: { title: 10, names: 10, about: 10, authors: 10 }, pageLength: 0.3 },
};

let pagefind: Promise<Pagefind> | undefined;
/** Loads Pagefind with the core bundle: explainers and the pages about things (scope.ts). */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
    // The index is small: searching on the page saves fetching and starting a worker first.
    await pf.options({ ...indexOptions, noWorker: true });
    await pf.init();
    return pf;
  });
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/**
 * The archive's bundles merged in (sources, outlets, documents, events) and the facet data loaded. Requested once the
 * first results are on screen (panel.ts): Pagefind fetches in order, so these would otherwise hold
 * up the index chunk the first results need, and a first search on a large archive would fetch a
 * list of all its pages. Never rejects: should the archive fail to load, Pagefind's searches fail
 * and say so.
 */
let completion: Promise<void> | undefined;
/**
 * The archive's scores count for a little less than the core's: where a report and our page about
 * a thing score alike (each bundle weighs its words by its own pages), our page comes first.
 * Chosen with the relevance benchmark (docs/benchmarks.md, "Relevance").
 */
const ARCHIVE_WEIGHT = 0.9;
let indexState: 'core' | 'complete' | 'failed' = 'core';
function completeIndex(pf: Pagefind, vocab: SearchVocabulary): Promise<void> {
  completion ??= (async () => {
    await Promise.all((vocab.archives ?? []).map((bundle) => pf.mergeIndex(`${base}${bundle}`, { ...indexOptions, indexWeight: ARCHIVE_WEIGHT })));
    await pf.filters();
    indexState = 'complete';
  })().catch(() => void (indexState = 'failed'));
  return completion;
}

/** Resolves once searches cover the archive and facet counts can be given (see `search`). */
export async function searchComplete(): Promise<void> {
  const [pf, vocab] = await Promise.all([loadPagefind(), loadVocabulary()]);
  await completeIndex(pf, vocab);
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
  /** Ranked (src/features/search/rank.ts): pages with every word of the query, then any with all but one. */
  results: PagefindResult[];
  /** How many of `results`, from the start, have every word of the query. */
  complete: number;
  /** Results for the query with no facet applied. */
  unfiltered: number;
  /** The archive (scope.ts) is still loading: `results` are from the core bundle alone. */
  archivePending: boolean;
  /**
   * For each facet, the results each value would give with the other facets as they are.
   * Undefined while the archive and the facet data are still loading (only ever for the very first
   * query): then `results` are from the core bundle alone.
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
  // The vocabulary is fetched alongside Pagefind: ranking needs the other spellings of names.
  const [pf, vocab] = await Promise.all([loadPagefind(), loadVocabulary()]);
  // Filtering needs the facet data and the whole index; a plain first query goes ahead with the
  // core bundle, and is searched again when the archive arrives.
  if (filtered) await completeIndex(pf, vocab);
  const searched = indexState;
  const term = [...query].length >= 2 ? query : null;
  const sort = state.sort ? { date: state.sort } : undefined;
  const searchFor = (text: string | null, extra?: Record<string, unknown>) =>
    pf.search(text, { filters: { ...activeFilters(state), ...extra }, ...(sort && { sort }) });
  // By date, or facets alone, the order is Pagefind's; otherwise ranked by every spelling of a name.
  const { response: main, results, complete } = term && !sort
    ? await rankedSearch(searchFor, term, vocab.entities, {
      // A screenful, of which at least one page has the words, not just a prefix of one (the
      // first screen's excerpts are fetched to tell; they are shown next anyway).
      enough: async (found) => found.length >= FEW_RESULTS && (await Promise.all(found.slice(0, FEW_RESULTS).map((r) => r.data()))).some((d) => answers(term, d)),
    })
    : await searchFor(term).then((response) => ({ response, results: response.results, complete: response.results.length }));
  if (searched !== 'complete') return { state, results, complete, unfiltered: main.unfilteredResultCount, archivePending: searched === 'core' && Boolean(vocab.archives?.length) };
  const counts = {} as NonNullable<SearchAnswer['counts']>;
  for (const facet of searchFacets) {
    // A chosen facet is counted as if it were not chosen, so its other values show what they would give.
    const source = state.filters[facet] ? await pf.search(term, { filters: activeFilters(state, facet), ...(sort && { sort }) }) : main;
    counts[facet] = source.filters[facet] ?? {};
  }
  return { state, results, complete, unfiltered: main.unfilteredResultCount, archivePending: false, counts };
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
  // Loaded only when a query finds nothing, or too little: most searches never need it.
  const [{ suggestQueries }, vocabulary] = await Promise.all([import('../suggest'), loadVocabulary()]);
  return suggestQueries(query, vocabulary);
}

/** The longest a result link may be: one a reader can share. */
export const maxLinkLength = 200;

/**
 * The link to a result, asking the page to highlight what was searched: the page's address and
 * the words the reader typed, as many as fit in `maxLinkLength` characters. The page marks the
 * other spellings of a name itself, from the vocabulary (highlight.ts).
 */
export function resultLink(url: string, query: string): string {
  const link = new URL(url, location.href);
  const hash = link.hash;
  link.hash = '';
  const params = new URLSearchParams(link.search);
  let href = link.pathname + link.search + hash;
  for (const word of new Set(wordsOf(query).filter((w) => w.length > 1))) {
    params.append(highlightParam, word);
    const longer = `${link.pathname}?${params}${hash}`;
    if (longer.length > maxLinkLength) break;
    href = longer;
  }
  return href;
}

/** Whether the search index is saved on this device (by the service worker). */
export async function savedOffline(): Promise<boolean> {
  if (!('caches' in window)) return false;
  try {
    // The service worker marks the whole index saved (src/features/offline/service-worker-runtime.js).
    return Boolean(await caches.match(new URL(`${base}__offline/search-saved`, location.href).href));
  } catch {
    return false;
  }
}
