/**
 * What the service worker saves when it installs: the site shell (home, search page, 404,
 * styles, scripts, icon, the search vocabulary) and the whole Pagefind bundle search needs.
 * Other pages are saved as the reader visits them.
 */

/** Pagefind's ready-made interfaces and its worker (search runs on the page), which this site does not use. */
const unusedPagefindFiles = /^pagefind\/pagefind-((component-ui|modular-ui|ui)\.(js|css)|worker\.js)$/;
const pagefindWasm = /^pagefind\/wasm\.(.+)\.pagefind$/;

/** The part of pagefind/pagefind-entry.json that says which language indexes (and wasm) exist. */
export interface PagefindEntry {
  languages: Record<string, { wasm?: string; page_count?: number }>;
}

/**
 * The URLs (relative to the deploy base) to precache, from the built files (paths relative to
 * dist/ with "/" separators) and Pagefind's entry file. `version` is the per-build tag: Pagefind
 * asks for its entry file with "?ts=<metaCacheTag>", and for the vocabulary we add "?v=<version>".
 */
export function precacheList(files: readonly string[], version: string, entry: PagefindEntry): string[] {
  const wasm = new Set(Object.values(entry.languages).map((l) => l.wasm));
  const urls = new Set<string>();
  for (const file of files) {
    if (file === 'index.html') urls.add('');
    else if (file === 'search/index.html') urls.add('search/');
    else if (file === '404.html' || file === 'favicon.svg' || file.startsWith('_astro/')) urls.add(file);
    else if (file === 'search-vocabulary.json') urls.add(`${file}?v=${version}`);
    else if (file === 'pagefind/pagefind-entry.json') urls.add(`${file}?ts=${version}`);
    else if (file.startsWith('pagefind/') && !unusedPagefindFiles.test(file) && !unusedWasm(file)) urls.add(file);
  }
  return [...urls].sort();

  /** Pagefind writes a search engine per language; only those of the site's indexes are used. */
  function unusedWasm(file: string): boolean {
    const language = pagefindWasm.exec(file)?.[1];
    return language !== undefined && !wasm.has(language);
  }
}

/** Cache names carry the deploy base, so two sites on one origin never delete each other's caches. */
export const cachePrefix = (base: string) => `mte:${base}:`;
