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
 * The index is written as two Pagefind bundles. The core holds the explainers and the pages about
 * the actors, places and terms they name: it is all a first search loads. The archive holds what
 * grows with every report added (sources and their outlets, primary documents, timeline events);
 * the browser merges it in once the first results are on screen (client/engine.ts), so a first
 * search on a large archive does not fetch a list of every page in it. A site with nothing of one
 * kind gets one bundle.
 */
export const archiveTypes: ReadonlySet<string> = new Set<SearchType>(['source', 'outlet', 'document', 'event']);

/** Where each bundle is written, relative to the deploy base. */
export const indexBundles = { core: 'pagefind/', archive: 'pagefind-archive/' } as const;
export type IndexBundle = keyof typeof indexBundles;
