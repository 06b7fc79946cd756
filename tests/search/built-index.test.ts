import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasText, entityDetector, namesOf } from '../../src/lib/aliases';
import { loadContent } from '../../src/lib/load-content';
import { indexedText } from '../../src/lib/search-annotate';
import { entryAtPath } from '../../src/lib/search-record';
import type { SearchVocabulary } from '../../src/lib/search-vocabulary';
import { root } from '../helpers/build';
import { htmlFiles, page } from '../helpers/dist';

/** What `npm run build` leaves in dist/ for search: marked-up pages, the index, the vocabulary, sw.js. */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const sitePath = (file: string) => file.replace(/index\.html$/, '');

describe('indexed pages', () => {
  const files = htmlFiles(dist).filter((f) => !f.startsWith('pagefind/'));

  it('mark the main content of every entry page for indexing, and of no other page', () => {
    for (const file of files) {
      const $ = page(dist, file);
      const isEntry = entryAtPath(sitePath(file)) !== undefined;
      expect($('[data-pagefind-body]').length, file).toBe(isEntry ? 1 : 0);
      if (isEntry) {
        expect($('main[data-pagefind-body]').length, file).toBe(1);
        expect($('header [data-pagefind-body], footer [data-pagefind-body]').length).toBe(0);
      }
    }
    expect(files.filter((f) => entryAtPath(sitePath(f))).length).toBe(entries.length);
  });

  it('carry their facets: every source its type, outlet and year', () => {
    for (const source of entries.filter((e) => e.collection === 'sources')) {
      const $ = page(dist, `sources/${source.id}/index.html`);
      const filters = (name: string) => $(`[data-pagefind-filter="${name}[data-value]"]`).map((_, el) => $(el).attr('data-value')).get();
      const data = source.data as { outlet: { id: string }; date: string };
      const outlet = entries.find((e) => e.collection === 'outlets' && e.id === data.outlet.id)!.data as { name: string };
      expect(filters('type')).toEqual(['source']);
      expect(filters('outlet')).toEqual([outlet.name]);
      expect(filters('year')).toEqual([data.date.slice(0, 4)]);
      expect($('[data-pagefind-sort="date[data-value]"]').attr('data-value')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('carry, as hidden metadata, every name of each actor, place and term their text mentions', () => {
    const vocabulary = JSON.parse(readFileSync(join(dist, 'search-vocabulary.json'), 'utf8')) as SearchVocabulary;
    const detect = entityDetector(vocabulary.entities);
    let withAliases = 0;
    for (const file of files.filter((f) => entryAtPath(sitePath(f)))) {
      const html = readFileSync(join(dist, file), 'utf8');
      const expected = aliasText(detect(indexedText(html)!));
      const $ = page(dist, file);
      const meta = $('[data-pagefind-body] > [data-pagefind-meta="aliases[data-value]"]');
      expect(meta.attr('data-value') ?? '', file).toBe(expected);
      if (expected) {
        withAliases++;
        expect(meta.attr('hidden'), file).toBeDefined();
        expect(meta.text()).toBe('');
      }
    }
    expect(withAliases).toBeGreaterThan(0);
  });

  it('publish the vocabulary from the content data, so an editor\'s alias needs no code change', () => {
    const vocabulary = JSON.parse(readFileSync(join(dist, 'search-vocabulary.json'), 'utf8')) as SearchVocabulary;
    for (const entry of entries.filter((e) => ['actors', 'places', 'glossary'].includes(e.collection))) {
      const d = entry.data as { name?: string; term?: string; aliases: string[] };
      const published = vocabulary.entities.find((e) => e.id === entry.id && e.kind === { actors: 'actor', places: 'place', glossary: 'term' }[entry.collection]);
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

  it('agree on the build version, and the worker precaches every file search loads', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const config = JSON.parse(/^const CONFIG = (.*);$/m.exec(sw)![1]!) as { version: string; base: string; precache: string[] };
    expect(page(dist, 'index.html')('[data-search-trigger]').attr('data-search-version')).toBe(config.version);
    const bundle = readdirSync(join(dist, 'pagefind'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${join(e.parentPath, e.name).slice(dist.length + 1)}`)
      .filter((f) => /\.pf_(meta|index|fragment|filter)$|wasm\.en\.pagefind$|pagefind(-worker|-highlight)?\.js$/.test(f));
    expect(bundle.length).toBeGreaterThan(5);
    expect(config.precache).toEqual(expect.arrayContaining([...bundle, `pagefind/pagefind-entry.json?ts=${config.version}`, '', 'search/']));
  });
});
