import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { entityDetector } from './aliases';
import { htmlFiles } from '../dist-files-fs';
import { inSlices } from '../../utils/in-slices';
import { bundleKey, keepBundle, restoreBundle } from './bundle-cache-fs';
import { cachedMentions } from './mention-cache';
import { mentionsBy, prepareForIndex } from './annotate';
import { recordMarkup, recordsPath, type SearchRecord } from './record';
import { ARCHIVE_PART_PAGES, archiveBundle, archiveTypes, coreBundle, excludedFromIndex } from './scope';
import { vocabularyPath, type SearchVocabulary } from './vocabulary';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

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
 * Which bundle each page goes to: the archive only when the site has pages for both (scope.ts),
 * and within it the part a hash of the page's path picks, so a page stays in its part from one
 * build to the next while the archive has as many parts.
 */
function bundleOf(records: Record<string, SearchRecord>, partPages: number): (path: string, record: SearchRecord | undefined) => string {
  const inArchive = (record: SearchRecord | undefined) => record?.filters.type.some((t) => archiveTypes.has(t)) ?? false;
  const all = Object.values(records);
  const archived = all.filter(inArchive).length;
  const split = archived > 0 && archived < all.length;
  const parts = Math.max(1, Math.ceil(archived / partPages));
  const partOf = (path: string) => (parts === 1 ? 0 : createHash('sha256').update(path).digest().readUInt32BE(0) % parts);
  return (path, record) => (split && inArchive(record) ? archiveBundle(partOf(path)) : coreBundle);
}

/**
 * Pagefind cuts its word index into chunks of about 20,000 word positions, and a query fetches
 * the chunk of each of its words: on a first search that chunk was a fifth of the bytes (23–27 of
 * 122–126 kB at 5,000 pages, docs/benchmarks.md "Search"). At 8,000 it is 11 kB, for 0.3 kB more
 * in the bundle's list of chunks. Pagefind 1.6 reads the size only from its service's environment
 * (its "unstable" setting): should a later version drop it, chunks are as before, and
 * tests/search/built-index.test.ts says so. A size set by whoever runs the build is kept.
 */
const INDEX_CHUNK_POSITIONS = '8000';
const indexChunkSize = () => (process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_POSITIONS);

/** The pages are English; Cyrillic aliases are just more words. */
const indexOptions = { excludeSelectors: [...excludedFromIndex], forceLanguage: 'en' };

/** What shapes every bundle besides its pages, for the bundle cache. */
const indexSettings = () => [JSON.stringify(indexOptions), `chunk size ${indexChunkSize()}`];

/** A new index, the same for every bundle. */
async function newIndex(): Promise<PagefindIndex> {
  indexChunkSize(); // read when the service starts, on the first index
  return check('creating the index', await pagefind.createIndex(indexOptions)).index!;
}

/**
 * The built files by the bundle their page would go to (pages not indexed with the core), the
 * core first, then the archive's parts in order.
 */
function filesByBundle(files: readonly string[], bundleFor: (path: string) => string): Map<string, string[]> {
  const byBundle = new Map<string, string[]>([[coreBundle, []]]);
  for (const file of files) {
    const bundle = bundleFor(file.replace(/index\.html$/, ''));
    if (!byBundle.has(bundle)) byBundle.set(bundle, []);
    byBundle.get(bundle)!.push(file);
  }
  const order = [coreBundle, ...Array.from({ length: byBundle.size }, (_, n) => archiveBundle(n))];
  return new Map(order.filter((bundle) => byBundle.has(bundle)).map((bundle) => [bundle, byBundle.get(bundle)!]));
}

/** Pagefind's files an archive part does not need: the browser uses the core bundle's engine. */
const engineFiles = /\.(js|css)$|^wasm\./;

/**
 * Writes one bundle and lets its index go: Pagefind holds each index in memory until then. The
 * archive's parts keep only their index: the browser runs the core's engine for all.
 */
async function writeBundle(root: string, bundle: string, index: PagefindIndex): Promise<void> {
  // Pagefind adds to a directory: the files of an older index would stay beside the new one's.
  await rm(join(root, bundle), { recursive: true, force: true });
  check('writing', await index.writeFiles({ outputPath: join(root, bundle) }));
  await index.deleteIndex();
  if (bundle === coreBundle) return;
  for (const file of await readdir(join(root, bundle))) if (engineFiles.test(file)) await rm(join(root, bundle, file));
}

/**
 * Indexes a built site into <root>/pagefind/ and, when it has sources or events besides other
 * pages, <root>/pagefind-archive/ (and pagefind-archive-2/ … for a large archive; scope.ts says
 * why). Pagefind reads a copy of each indexed page (one with data-pagefind-body) to which are
 * added its facets, date and names (the records the build published, src/features/search/record.ts)
 * and the aliases of the actors, places and terms it mentions (src/features/search/aliases.ts,
 * from the published vocabulary). The pages readers download stay as they are; the records file
 * is deleted once read, and the vocabulary says where the archive is.
 *
 * With `cacheDir`, what the last build found is kept there: which pages mention what
 * (mention-cache.ts), so a rebuild reads only changed pages, and each bundle by the copies it was
 * written from (bundle-cache-fs.ts), so a bundle none of whose copies changed is copied, not
 * indexed again.
 */
export async function buildSearchIndex(
  root: string,
  { cacheDir, archivePartPages = ARCHIVE_PART_PAGES }: {
    cacheDir?: string | undefined;
    /** The most pages in one part of the archive (scope.ts). */
    archivePartPages?: number;
  } = {},
): Promise<{ pages: number; archivePages: number; archiveParts: number; withAliases: number; reused: number; reusedBundles: number }> {
  if (!Number.isInteger(archivePartPages) || archivePartPages < 1) throw new Error(`Search index: archivePartPages must be a whole number of at least 1, not ${archivePartPages}`);
  const vocabulary = await readBuildJson<SearchVocabulary>(root, vocabularyPath, 'src/pages/search-vocabulary.json.ts');
  const records = await readBuildJson<Record<string, SearchRecord>>(root, recordsPath, 'src/pages/search-records.json.ts');
  const cacheFile = cacheDir ? join(cacheDir, 'search-mentions.json') : undefined;
  const stored: unknown = cacheFile ? await readFile(cacheFile, 'utf8').then(JSON.parse, () => undefined) : undefined;
  const mentions = cachedMentions(vocabulary.entities, mentionsBy(entityDetector(vocabulary.entities)), stored);
  const bundleFor = bundleOf(records, archivePartPages);
  // Pagefind parses a directory of pages in parallel (pages sent one by one go in turn, slower),
  // in its own process: so each bundle's copies are written to a scratch directory, and Pagefind
  // indexes one bundle while the next one's copies are prepared (docs/benchmarks.md, "Build at scale").
  const copies = await mkdtemp(join(tmpdir(), 'mte-search-'));
  // The bundle Pagefind is writing, held as its error, if any, while the next one is prepared
  // (an unawaited rejection would end the build). Pagefind holds one bundle's pages at a time.
  let writing: Promise<unknown> = Promise.resolve();
  try {
    const counts = { core: 0, archive: 0, withAliases: 0, indexed: 0, reusedBundles: 0 };
    /** The copy Pagefind reads of a built file, or undefined for a page not indexed. */
    const prepare = async (file: string): Promise<{ file: string; copy: string } | undefined> => {
      const html = await readFile(join(root, file), 'utf8');
      if (!html.includes('data-pagefind-body')) return undefined; // lists, home, search, 404: not indexed
      const path = file.replace(/index\.html$/, '');
      const record = records[path];
      const { html: copy, mentioned } = prepareForIndex(html, mentions.find, record ? recordMarkup(record) : '');
      if (mentioned.length > 0) counts.withAliases++;
      return { file, copy };
    };
    /** Indexes one bundle's copies, written to `dir`, and writes the bundle; keeps it for the next build. */
    const indexGroup = async (group: string, dir: string, pages: number, key: string): Promise<void> => {
      const index = await newIndex();
      // Read, then added: `counts.indexed += await …` would add to the count as it was before the wait.
      const indexed = pages > 0 ? check('indexing', await index.addDirectory({ path: dir })).page_count : 0;
      counts.indexed += indexed;
      await writeBundle(root, group, index);
      await rm(dir, { recursive: true, force: true });
      if (cacheDir) await keepBundle(cacheDir, group, key, root);
    };
    const written = async () => {
      const error = await writing;
      if (error) throw error;
    };
    const groups = filesByBundle(htmlFiles(root), (path) => bundleFor(path, records[path]));
    const archives: string[] = [];
    for (const [group, files] of groups) {
      // The copies are held in memory until it is known that Pagefind needs them.
      const pages = (await inSlices(files, 16, prepare)).filter((page) => page !== undefined);
      counts[group === coreBundle ? 'core' : 'archive'] += pages.length;
      // The core is written even with no page in it: it holds the engine the browser runs.
      if (pages.length === 0 && group !== coreBundle) continue;
      if (group !== coreBundle) archives.push(group);
      const key = bundleKey([group, ...indexSettings()]);
      for (const { file, copy } of pages) key.add(file, copy);
      const digest = key.digest();
      if (cacheDir && await restoreBundle(cacheDir, group, digest, root)) {
        counts.reusedBundles++;
        counts.indexed += pages.length;
        continue;
      }
      const dir = join(copies, group);
      await inSlices(pages, 16, async ({ file, copy }) => {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await writeFile(join(dir, file), copy);
      });
      await written();
      writing = indexGroup(group, dir, pages.length, digest).then(() => undefined, (error: unknown) => error);
    }
    await written();
    if (counts.indexed !== counts.core + counts.archive) throw new Error(`Search index: ${counts.core + counts.archive} pages prepared but Pagefind indexed ${counts.indexed}`);
    if (archives.length > 0) await writeFile(join(root, vocabularyPath), JSON.stringify({ ...vocabulary, archives } satisfies SearchVocabulary));
    await rm(join(root, recordsPath));
    if (cacheFile) await writeFile(cacheFile, JSON.stringify(mentions));
    return { pages: counts.core + counts.archive, archivePages: counts.archive, archiveParts: archives.length, withAliases: counts.withAliases, reused: mentions.reused, reusedBundles: counts.reusedBundles };
  } finally {
    await writing; // a bundle still being written when another step failed: its copies stay until it is done
    await pagefind.close();
    await rm(copies, { recursive: true, force: true });
  }
}
