import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesOf } from '../../src/features/search/aliases';
import { loadContent } from '../../src/content/load-content';
import { entryAtPath } from '../../src/features/search/record';
import type { SearchVocabulary } from '../../src/features/search/vocabulary';
import { root } from '../helpers/build';
import { htmlFiles, page } from '../helpers/dist';

/** What `npm run build` leaves in dist/ for search: marked-up pages, the index, the vocabulary, sw.js. */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const sitePath = (file: string) => file.replace(/index\.html$/, '');
const entryIds = new Set(entries.map((e) => `${e.collection}/${e.id}`));
// An entry's page; the old address of a renamed entry ("moved" page) is not one.
const entryPage = (file: string) => {
  const at = entryAtPath(sitePath(file));
  return at !== undefined && entryIds.has(`${at.collection}/${at.id}`);
};

describe('indexed pages', () => {
  const files = htmlFiles(dist).filter((f) => !f.startsWith('pagefind/'));

  it('mark the main content of every entry page for indexing, and of no other page', () => {
    for (const file of files) {
      const $ = page(dist, file);
      const isEntry = entryPage(file);
      expect($('[data-pagefind-body]').length, file).toBe(isEntry ? 1 : 0);
      if (isEntry) {
        expect($('main[data-pagefind-body]').length, file).toBe(1);
        expect($('header [data-pagefind-body], footer [data-pagefind-body]').length).toBe(0);
      }
    }
    expect(files.filter(entryPage).length).toBe(entries.length);
  });

  it('carry no search data for readers to download: facets and aliases go only into the index', () => {
    for (const file of files) {
      expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(/data-search-record|data-pagefind-(filter|meta|sort)=/);
    }
    expect(existsSync(join(dist, 'search-records.json'))).toBe(false);
  });

  it('publish the vocabulary from the content data, so an editor\'s alias needs no code change', () => {
    const vocabulary = JSON.parse(readFileSync(join(dist, 'search-vocabulary.json'), 'utf8')) as SearchVocabulary;
    for (const entry of entries.filter((e) => ['actors', 'places', 'glossary'].includes(e.collection))) {
      const d = entry.data as { name?: string; term?: string; aliases: string[] };
      const kind = ({ actors: 'actor', places: 'place', glossary: 'term' } as Record<string, string>)[entry.collection];
      const published = vocabulary.entities.find((e) => e.id === entry.id && e.kind === kind);
      expect(published && namesOf(published), `${entry.collection}/${entry.id}`).toEqual([...new Set([d.name ?? d.term!, ...d.aliases])]);
    }
  });
});

describe('the search bundle and the service worker', () => {
  it('are written by the build', () => {
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/pagefind-highlight.js', 'sw.js']) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
  });

  it('cut the word index into small chunks, since a first search fetches the chunk of each word', () => {
    // Pagefind's own chunks were 27–29 kB here, most of a first search after its engine (build-index.ts).
    for (const bundle of ['pagefind', 'pagefind-archive']) {
      const chunks = readdirSync(join(dist, bundle, 'index')).map((f) => statSync(join(dist, bundle, 'index', f)).size);
      expect(chunks.length, bundle).toBeGreaterThan(2);
      expect(Math.max(...chunks), bundle).toBeLessThan(16 * 1024);
    }
  });

  it('the worker saves every file search loads, each under a hash of its bytes, and pages carry no build version', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const config = JSON.parse(/^const CONFIG = (.*);$/m.exec(sw)![1]!) as { core: [string, string][]; rest: [string, string][]; saveAllUnasked: boolean };
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toMatch(/data-search-version/);
    const bundle = readdirSync(join(dist, 'pagefind'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${join(e.parentPath, e.name).slice(dist.length + 1)}`)
      .filter((f) => /\.pf_(meta|index|fragment|filter)$|wasm\.en\.pagefind$|pagefind(-highlight)?\.js$/.test(f));
    expect(bundle.length).toBeGreaterThan(5);
    // The real site's index is small: saved on a first visit, with the shell.
    expect(config.saveAllUnasked).toBe(true);
    const saved = new Map([...config.core, ...config.rest]);
    expect([...saved.keys()]).toEqual(expect.arrayContaining([...bundle, 'pagefind/pagefind-entry.json', '', 'search/']));
    for (const [url, revision] of saved) expect(revision, url).toMatch(/^[\w-]{12}$/);
  });
});
