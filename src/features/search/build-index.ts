import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { entityDetector } from './aliases';
import { htmlFiles } from '../dist-files-fs';
import { cachedMentions } from './mention-cache';
import { mentionsBy, prepareForIndex } from './annotate';
import { recordMarkup, recordsPath, type SearchRecord } from './record';
import { excludedFromIndex } from './scope';
import { vocabularyPath, type SearchVocabulary } from './vocabulary';

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Search index: ${step} failed:\n${response.errors.join('\n')}`);
  return response;
}

async function readBuildJson<T>(root: string, path: string, publishedBy: string): Promise<T> {
  try {
    return JSON.parse(await readFile(join(root, path), 'utf8')) as T;
  } catch (error) {
    throw new Error(`Search index: cannot read ${join(root, path)} (published by ${publishedBy}): ${(error as Error).message}`);
  }
}

/**
 * Indexes a built site into <root>/pagefind/. Pagefind reads a copy of each indexed page (one
 * with data-pagefind-body) to which are added its facets, date and names (the records the build
 * published, src/features/search/record.ts) and the aliases of the actors, places and terms it
 * mentions (src/features/search/aliases.ts, from the published vocabulary). The pages readers download stay
 * as they are; the records file is deleted once read. With `cacheDir`, which pages mention what is
 * kept there for the next build (src/features/search/mention-cache.ts), so a rebuild reads only changed pages.
 */
export async function buildSearchIndex(
  root: string,
  { cacheDir, batchSize = 1000 }: { cacheDir?: string | undefined; /** Built HTML files per batch of copies handed to Pagefind. */ batchSize?: number } = {},
): Promise<{ pages: number; withAliases: number; reused: number; batches: number }> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`Search index: batchSize must be a whole number of at least 1, not ${batchSize}`);
  const vocabulary = await readBuildJson<SearchVocabulary>(root, vocabularyPath, 'src/pages/search-vocabulary.json.ts');
  const records = await readBuildJson<Record<string, SearchRecord>>(root, recordsPath, 'src/pages/search-records.json.ts');
  const cacheFile = cacheDir ? join(cacheDir, 'search-mentions.json') : undefined;
  const stored: unknown = cacheFile ? await readFile(cacheFile, 'utf8').then(JSON.parse, () => undefined) : undefined;
  const mentions = cachedMentions(vocabulary.entities, mentionsBy(entityDetector(vocabulary.entities)), stored);
  const { index } = check('creating the index', await pagefind.createIndex({
    excludeSelectors: [...excludedFromIndex],
    // One index for the whole site: the pages are English; Cyrillic aliases are just more words.
    forceLanguage: 'en',
  }));
  // Pagefind parses a directory of pages in parallel (pages sent one by one go in turn, slower),
  // in its own process: so the copies are written to a scratch directory in batches, and Pagefind
  // reads one batch while the next is prepared (docs/benchmarks.md, "Build at scale").
  const copies = await mkdtemp(join(tmpdir(), 'mte-search-'));
  try {
    let pages = 0;
    let withAliases = 0;
    let indexed = 0;
    let batches = 0;
    const prepare = async (file: string, into: string): Promise<void> => {
      const html = await readFile(join(root, file), 'utf8');
      if (!html.includes('data-pagefind-body')) return; // lists, home, search, 404: not indexed
      const record = records[file.replace(/index\.html$/, '')];
      const { html: copy, mentioned } = prepareForIndex(html, mentions.find, record ? recordMarkup(record) : '');
      const target = join(into, file);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, copy);
      pages++;
      if (mentioned.length > 0) withAliases++;
    };
    const files = htmlFiles(root);
    // The batch Pagefind is reading, held as a result, not a rejection, while the next is prepared
    // (an unawaited rejection would end the build); its copies are deleted once read.
    let reading: { dir: string; response: Promise<{ errors: string[]; page_count: number }> } | undefined;
    const readBatch = async () => {
      if (!reading) return;
      indexed += check('indexing', await reading.response).page_count;
      await rm(reading.dir, { recursive: true, force: true });
    };
    for (let start = 0; start < files.length; start += batchSize) {
      const into = join(copies, String(start));
      const batch = files.slice(start, start + batchSize);
      const before = pages;
      for (let i = 0; i < batch.length; i += 16) await Promise.all(batch.slice(i, i + 16).map((file) => prepare(file, into)));
      await readBatch();
      reading = undefined;
      if (pages === before) continue; // nothing to index in this batch
      batches++;
      reading = {
        dir: into,
        response: index!.addDirectory({ path: into }).catch((error: unknown) => ({ errors: [String(error)], page_count: 0 })),
      };
    }
    await readBatch();
    if (indexed !== pages) throw new Error(`Search index: ${pages} pages prepared but Pagefind indexed ${indexed}`);
    check('writing', await index!.writeFiles({ outputPath: join(root, 'pagefind') }));
    await rm(join(root, recordsPath));
    if (cacheFile) await writeFile(cacheFile, JSON.stringify(mentions));
    return { pages, withAliases, reused: mentions.reused, batches };
  } finally {
    await pagefind.close();
    await rm(copies, { recursive: true, force: true });
  }
}
