import { bundleOfPath } from '../search/scope';
import { vocabularyPath } from '../search/vocabulary';

/**
 * What the service worker saves, and when. Every file is saved under its revision (a hash of its
 * bytes), so a returning reader's browser fetches only the files whose bytes changed. The core —
 * the site shell (home, search page, 404, styles, scripts, icon, the search vocabulary) and what
 * Pagefind needs to start — is saved in the background on a first visit; the rest of the search
 * index too when the whole set is small (AUTO_SAVE_BYTES), otherwise only when the reader asks
 * ("Save for offline"). Other pages are saved as the reader visits them.
 */

/** Pagefind's ready-made interfaces and its worker (search runs on the page), which this site does not use. */
const unusedPagefindFiles = /^pagefind\/pagefind-((component-ui|modular-ui|ui)\.(js|css)|worker\.js)$/;
const pagefindWasm = /^pagefind\/wasm\.(.+)\.pagefind$/;
/** Pagefind's chunks, in any bundle: loaded as searches need them; the bulk of a large index. */
const isChunk = (path: string) => {
  const bundle = bundleOfPath(path);
  return bundle !== undefined && /^(index|fragment|filter)\//.test(path.slice(bundle.length));
};

/** The index's bundles among the built files: the core, and the archive's parts merged into it (src/features/search/scope.ts). */
export const bundlesIn = (files: readonly BuiltFile[]): string[] =>
  [...new Set(files.map((file) => bundleOfPath(file.path)).filter((bundle) => bundle !== undefined))].sort();

/**
 * Files the service worker asks the network for first: they change with the content and have no
 * revision in their name (each bundle's entry file, the vocabulary).
 */
export const networkFirstFiles = (bundles: readonly string[]): string[] => [...bundles.map((bundle) => `${bundle}pagefind-entry.json`), vocabularyPath];
/** Where files are kept once used, even when not saved ahead: search chunks, scripts and styles. */
export const keptOnceUsed = (bundles: readonly string[]): string[] => [...bundles, '_astro/'];

/**
 * Above this many bytes in all, the search index is saved only when the reader asks. A deploy may
 * set OFFLINE_AUTO_SAVE_BYTES (the tests use it to try the large-archive path on a small site).
 */
export const AUTO_SAVE_BYTES = Number(process.env.OFFLINE_AUTO_SAVE_BYTES ?? 2 * 1024 * 1024);

/** The part of pagefind/pagefind-entry.json that says which language indexes (and wasm) exist. */
export interface PagefindEntry {
  languages: Record<string, { wasm?: string; page_count?: number }>;
}

/** A built file: its path under dist/ ("/" separators), size and revision. */
export interface BuiltFile {
  path: string;
  bytes: number;
  revision: string;
}

/** A URL (relative to the deploy base) to save, with its revision. */
export type PrecacheEntry = [url: string, revision: string];

export interface OfflinePlan {
  /** Saved on a first visit. */
  core: PrecacheEntry[];
  /** The rest of the search index. */
  rest: PrecacheEntry[];
  coreBytes: number;
  restBytes: number;
  /** Whether the rest is saved with the core, unasked. */
  saveAllUnasked: boolean;
}

/** Splits the built files into what to save at once and what on request. */
export function offlinePlan(files: readonly BuiltFile[], entry: PagefindEntry): OfflinePlan {
  const wasm = new Set(Object.values(entry.languages).map((l) => l.wasm));
  const core: PrecacheEntry[] = [];
  const rest: PrecacheEntry[] = [];
  let coreBytes = 0;
  let restBytes = 0;
  for (const file of files) {
    const url = urlOf(file.path);
    if (url === undefined) continue;
    if (isChunk(file.path)) {
      rest.push([url, file.revision]);
      restBytes += file.bytes;
    } else {
      core.push([url, file.revision]);
      coreBytes += file.bytes;
    }
  }
  const byUrl = (a: PrecacheEntry, b: PrecacheEntry) => (a[0] < b[0] ? -1 : 1);
  return { core: core.sort(byUrl), rest: rest.sort(byUrl), coreBytes, restBytes, saveAllUnasked: coreBytes + restBytes <= AUTO_SAVE_BYTES };

  /** The URL a file is requested by, or undefined when the worker does not save it ahead. */
  function urlOf(path: string): string | undefined {
    if (path === 'index.html') return '';
    if (path === 'search/index.html') return 'search/';
    if (path === '404.html' || path === 'favicon.svg' || path === vocabularyPath || path.startsWith('_astro/')) return path;
    if (bundleOfPath(path) === undefined || unusedPagefindFiles.test(path)) return undefined;
    const language = pagefindWasm.exec(path)?.[1];
    return language !== undefined && !wasm.has(language) ? undefined : path;
  }
}

/** Cache names carry the deploy base, so two sites on one origin never delete each other's caches. */
export const cachePrefix = (base: string) => `mte:${base}:`;
