import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { NamedEntity } from '../../src/features/search/aliases';
import { buildSearchIndex } from '../../src/features/search/build-index';
import { recordsPath, type SearchRecord } from '../../src/features/search/record';
import { vocabularyPath, type SearchVocabulary } from '../../src/features/search/vocabulary';

const kyiv: NamedEntity = { kind: 'place', id: 'kyiv', name: 'Kyiv', aliases: ['Kiev'] };

/**
 * A built site in miniature: `count` source pages (every third names Kyiv), `explainers`
 * explainer pages, four pages not indexed, and what the build publishes for the indexer.
 */
function miniSite(count: number, { explainers = 0 } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'mte-index-bundles-'));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  const records: Record<string, SearchRecord> = {};
  for (let i = 0; i < count; i++) {
    const body = `<h1>Source ${i}</h1><p>Report number ${i}${i % 3 === 0 ? ' from Kyiv' : ''}.</p>`;
    write(`sources/s${i}/index.html`, `<!doctype html><html lang="en"><head><title>Source ${i}</title></head><body><main data-pagefind-body>${body}</main></body></html>`);
    records[`sources/s${i}/`] = { filters: { type: ['source'], outlet: [], actor: [], year: ['2025'] } };
  }
  for (let i = 0; i < explainers; i++) {
    write(`explainers/e${i}/index.html`, `<!doctype html><html lang="en"><head><title>Explainer ${i}</title></head><body><main data-pagefind-body><h1>Explainer ${i}</h1><p>Why Minsk.</p></main></body></html>`);
    records[`explainers/e${i}/`] = { filters: { type: ['explainer'], outlet: [], actor: [], year: [] } };
  }
  for (const list of ['about/index.html', 'index.html', 'search/index.html', 'sources/index.html']) {
    write(list, `<!doctype html><html lang="en"><head><title>${list}</title></head><body><main>A list</main></body></html>`);
  }
  write(recordsPath, JSON.stringify(records));
  write(vocabularyPath, JSON.stringify({ entities: [kyiv], names: [] } satisfies SearchVocabulary));
  return root;
}

/**
 * Pagefind's fragment of each indexed page, by URL: gzip, a "pagefind_dcd" signature, then JSON.
 * That is Pagefind 1.x's own file format, not an API: a new major version may need this changed.
 */
function fragments(root: string, bundle = 'pagefind/'): Map<string, { meta: Record<string, string>; filters: Record<string, string[]> }> {
  const dir = join(root, bundle, 'fragment');
  const byUrl = new Map();
  for (const file of readdirSync(dir)) {
    const json = JSON.parse(gunzipSync(readFileSync(join(dir, file))).toString('utf8').replace(/^pagefind_dcd/, ''));
    byUrl.set(json.url, json);
  }
  return byUrl;
}

describe('the search index, prepared bundle by bundle', () => {
  const sites: string[] = [];
  afterAll(() => sites.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('indexes every page once, with its facets and aliases, and nothing else', async () => {
    const root = miniSite(11);
    sites.push(root);
    const result = await buildSearchIndex(root);
    expect(result).toMatchObject({ pages: 11, withAliases: 4, reusedBundles: 0 });
    const entry = JSON.parse(readFileSync(join(root, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.en?.page_count).toBe(11);
    const indexed = fragments(root);
    expect([...indexed.keys()].sort()).toEqual(Array.from({ length: 11 }, (_, i) => `/sources/s${i}/`).sort());
    for (const [url, fragment] of indexed) {
      const i = Number(/s(\d+)/.exec(url)![1]);
      expect(fragment.filters.type, url).toEqual(['source']);
      expect(fragment.meta.aliases, url).toBe(i % 3 === 0 ? 'Kyiv Kiev' : undefined);
    }
  });

  it('writes sources to an archive bundle, without an engine of its own, when there are other pages too; the vocabulary says where', async () => {
    const root = miniSite(5, { explainers: 2 });
    sites.push(root);
    const result = await buildSearchIndex(root);
    expect(result).toMatchObject({ pages: 7, archivePages: 5 });
    expect([...fragments(root).keys()].sort()).toEqual(['/explainers/e0/', '/explainers/e1/']);
    expect([...fragments(root, 'pagefind-archive/').keys()].sort()).toEqual(['/sources/s0/', '/sources/s1/', '/sources/s2/', '/sources/s3/', '/sources/s4/']);
    // The browser runs the core bundle's engine for both: the archive carries only its index.
    expect(readdirSync(join(root, 'pagefind-archive')).filter((f) => /\.(js|css)$|^wasm\./.test(f))).toEqual([]);
    expect(readdirSync(join(root, 'pagefind'))).toContain('pagefind.js');
    const vocabulary = JSON.parse(readFileSync(join(root, vocabularyPath), 'utf8')) as SearchVocabulary;
    expect(vocabulary).toMatchObject({ entities: [kyiv], archives: ['pagefind-archive/'] });
  });

  it('writes a large archive in parts, each page in one part and the same part in the next build', async () => {
    const root = miniSite(9, { explainers: 1 });
    sites.push(root);
    const records = readFileSync(join(root, recordsPath), 'utf8');
    const result = await buildSearchIndex(root, { archivePartPages: 4 });
    expect(result).toMatchObject({ pages: 10, archivePages: 9, archiveParts: 3 });
    const parts = ['pagefind-archive/', 'pagefind-archive-2/', 'pagefind-archive-3/'];
    const vocabulary = JSON.parse(readFileSync(join(root, vocabularyPath), 'utf8')) as SearchVocabulary;
    expect(vocabulary.archives).toEqual(parts);
    const where = new Map(parts.flatMap((part) => [...fragments(root, part).keys()].map((url) => [url, part] as const)));
    expect([...where.keys()].sort()).toEqual(Array.from({ length: 9 }, (_, i) => `/sources/s${i}/`).sort());
    expect(new Set(where.values()).size).toBe(3);
    for (const part of parts) expect(readdirSync(join(root, part)).filter((f) => /\.(js|css)$|^wasm\./.test(f)), part).toEqual([]);
    expect([...fragments(root).keys()]).toEqual(['/explainers/e0/']);

    // Built again from the same pages: every page lands in the part it was in.
    writeFileSync(join(root, recordsPath), records);
    await buildSearchIndex(root, { archivePartPages: 4 });
    for (const part of parts) for (const url of fragments(root, part).keys()) expect(where.get(url), url).toBe(part);
  });

  it('writes one bundle when every page is of one kind', async () => {
    const root = miniSite(3);
    sites.push(root);
    expect(await buildSearchIndex(root)).toMatchObject({ pages: 3, archivePages: 0 });
    expect(existsSync(join(root, 'pagefind-archive'))).toBe(false);
    expect(JSON.parse(readFileSync(join(root, vocabularyPath), 'utf8'))).not.toHaveProperty('archives');
  });

  it('refuses a part size that could never finish', async () => {
    const root = miniSite(1);
    sites.push(root);
    await expect(buildSearchIndex(root, { archivePartPages: 0 })).rejects.toThrow('archivePartPages must be a whole number of at least 1, not 0');
  });

  it('with a cache, writes again only the bundle whose pages changed, and the same files as a build without one', async () => {
    const root = miniSite(9, { explainers: 1 });
    const fresh = miniSite(9, { explainers: 1 });
    const cacheDir = mkdtempSync(join(tmpdir(), 'mte-index-cache-'));
    sites.push(root, fresh, cacheDir);
    const records = readFileSync(join(root, recordsPath), 'utf8');
    const vocabulary = readFileSync(join(root, vocabularyPath), 'utf8');
    const again = async () => {
      writeFileSync(join(root, recordsPath), records);
      writeFileSync(join(root, vocabularyPath), vocabulary);
      return buildSearchIndex(root, { cacheDir, archivePartPages: 4 });
    };
    expect(await buildSearchIndex(root, { cacheDir, archivePartPages: 4 })).toMatchObject({ pages: 10, archiveParts: 3, reusedBundles: 0 });
    expect(await again()).toMatchObject({ pages: 10, archiveParts: 3, reusedBundles: 4 });

    // One source's text changes: its part is indexed again, and finds the new word; the core and two parts are copied.
    const part = [...fragments(root, 'pagefind-archive-2/').keys()][0]!;
    const file = `${part.slice(1)}index.html`;
    for (const site of [root, fresh]) writeFileSync(join(site, file), readFileSync(join(site, file), 'utf8').replace('Report number', 'Revised report number'));
    expect(await again()).toMatchObject({ pages: 10, archiveParts: 3, reusedBundles: 3 });
    const revised = fragments(root, 'pagefind-archive-2/').get(part) as unknown as { content: string };
    expect(revised.content).toContain('Revised report number');

    // What the cache gave is what indexing the same pages afresh writes.
    await buildSearchIndex(fresh, { archivePartPages: 4 });
    for (const bundle of ['pagefind/', 'pagefind-archive/', 'pagefind-archive-2/', 'pagefind-archive-3/']) {
      const files = readdirSync(join(fresh, bundle), { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name).slice(join(fresh, bundle).length)).sort();
      const kept = readdirSync(join(root, bundle), { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name).slice(join(root, bundle).length)).sort();
      expect(kept, bundle).toEqual(files);
      for (const name of files) expect(readFileSync(join(root, bundle, name)).equals(readFileSync(join(fresh, bundle, name))), `${bundle}${name}`).toBe(true);
    }
  });
});
