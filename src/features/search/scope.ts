import type { SearchType } from './record';

/**
 * What the index leaves out of a page's main content (data-pagefind-body): navigation, asides
 * (contents, "read next", a source's metadata panel) and citation markers with their hover tips,
 * which would otherwise fill excerpts with "[1]" and source titles. The highlighter skips them too.
 */
export const excludedFromIndex = ['nav', 'aside', '.cite', '[data-pagefind-ignore]'] as const;

/** The same parts as selectors that also match everything inside them (mark.js needs both). */
export const excludedFromHighlight = excludedFromIndex.flatMap((s) => [s, `${s} *`]);

/**
 * The index is written as Pagefind bundles. The core holds the explainers and the pages about
 * the actors, places and terms they name: it is all a first search loads. The archive holds what
 * grows with every report added (sources and their outlets, primary documents, timeline events);
 * the browser merges it in once the first results are on screen (client/engine.ts), so a first
 * search on a large archive does not fetch a list of every page in it. A site with nothing of one
 * kind gets one bundle.
 */
export const archiveTypes: ReadonlySet<string> = new Set<SearchType>(['source', 'outlet', 'document', 'event']);

/**
 * The archive is written in parts of at most this many pages, each a bundle of its own that the
 * browser merges in with the others. Pagefind writes an index in a time that grows faster than its
 * pages, holding all of it in memory meanwhile: 10,000 source pages took 62 s and 4.3 GB as one
 * index, 2,500 of them 9.6 s and 1.3 GB (docs/benchmarks.md, "Build at scale"). A rebuild after an
 * edit writes again only the parts whose pages changed (bundle-cache-fs.ts), so a smaller part is a
 * faster rebuild. A query then fetches a chunk from each part, each smaller.
 */
export const ARCHIVE_PART_PAGES = 1000;

/** Where the core bundle is written, relative to the deploy base. */
export const coreBundle = 'pagefind/';

/** Where part `n` (from 0) of the archive is written: pagefind-archive/, pagefind-archive-2/, … */
export const archiveBundle = (n: number): string => (n === 0 ? 'pagefind-archive/' : `pagefind-archive-${n + 1}/`);

/** The bundle a built file is in ("pagefind-archive-2/index/en_1.pf_index" → "pagefind-archive-2/"), if any. */
export const bundleOfPath = (path: string): string | undefined => /^pagefind(-archive(-\d+)?)?\//.exec(path)?.[0];
