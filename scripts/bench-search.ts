/**
 * Search benchmark: `npm run bench:search`.
 *
 * For the real site and for a synthetic 5,000-page site, prints: the index size, the bytes the
 * browser fetches for the first query, and the time from the last keystroke to the first results
 * (first query, then later ones) in Chromium, on this machine and on a throttled phone profile.
 * BENCH_RUNS sets how many times each desktop measure is repeated (the median is printed).
 *
 * The real site is built into a temporary directory. The synthetic site is made from that build:
 * its layout, scripts and vocabulary, with 5,000 generated pages (text drawn from the real
 * pages' words at their real frequencies, one word in a hundred a name of a real actor or place,
 * with facets; types in a grown archive's proportions, or BENCH_MIX=even), indexed by the same
 * code as the build (buildSearchIndex): it measures Pagefind
 * and this interface at scale. BENCH_PAGES changes the page count; BENCH_VERBOSE lists requests.
 * Pages are served gzip-compressed, as a static host would (scripts/lib/serve-compressed.ts). Record the figures in docs/benchmarks.md.
 *
 * Then relevance: success@3, MRR and recall@6 (scripts/lib/relevance.ts), with every query that
 * misses, for the judged queries on the real site (scripts/lib/relevance-queries.ts) and for
 * queries generated from the names of a synthetic archive: a content tree from
 * scripts/lib/synth-corpus.ts (BENCH_RELEVANCE_SOURCES sources, 1,000 by default, seed 1) built
 * like the real one. Both run in Chromium through the site's own search page. BENCH_ONLY=relevance
 * skips the speed measures; BENCH_ONLY=speed skips relevance.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { namesOf, wordsOf } from '../src/features/search/aliases';
import { indexedText } from '../src/features/search/annotate';
import { recordsPath, searchTypes, type SearchRecord, type SearchType } from '../src/features/search/record';
import type { SearchVocabulary } from '../src/features/search/vocabulary';
import { buildSearchIndex } from '../src/features/search/build-index';
import { coreBundle } from '../src/features/search/scope';
import { bundleDirs } from '../src/features/dist-files-fs';
import { relevanceReport, runRelevance } from './lib/relevance';
import { relevanceQueries, syntheticQueries } from './lib/relevance-queries';
import { serveCompressed } from './lib/serve-compressed';
import { corpusShape, writeCorpus } from './lib/synth-corpus';
import { writeServiceWorker } from '../src/features/offline/write-service-worker';

const root = resolve(import.meta.dirname, '..');
const PAGES = Number(process.env.BENCH_PAGES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const QUERIES = ['Minsk', 'Lukashenka', 'neutrality', 'Zelensky Trump', 'OSCE', 'Kiev', 'peacekeepers', 'Byelorussia'];
const RELEVANCE_SOURCES = Number(process.env.BENCH_RELEVANCE_SOURCES ?? 1000);
const ONLY = process.env.BENCH_ONLY;

// ---------------------------------------------------------------- sites

function buildRealSite(work: string): string {
  const outDir = join(work, 'real');
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root, encoding: 'utf8',
    env: { ...process.env, OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** A synthetic archive (scripts/lib/synth-corpus.ts), built as the real site is: for relevance on names of its own. */
function buildSynthArchive(work: string): string {
  const content = join(work, 'synth-content');
  writeCorpus(content, { sources: RELEVANCE_SOURCES, seed: 1 });
  const outDir = join(work, 'synth-archive');
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root, encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'synth-cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`synthetic archive build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** The relevance report for the site in `dir`: its queries typed into its search page. */
async function relevance(browser: Browser, name: string, dir: string, queries: Parameters<typeof runRelevance>[2]): Promise<string[]> {
  const { url, close } = await serveCompressed(dir);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    return relevanceReport(name, await runRelevance(await context.newPage(), url, queries), { misses: 20 });
  } finally {
    await context.close();
    await close();
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** A small seeded generator, so every run builds the same synthetic site. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * How many synthetic pages of each type, relatively: by default those of a grown archive, as the
 * build benchmark's corpus has them (corpusShape in scripts/lib/synth-corpus.ts; 3,000 sources
 * make about 5,000 pages, 5 % of them explainers and pages about actors, places and terms).
 * BENCH_MIX=even gives the mix used up to 1 December 2026, a quarter of the pages about things.
 */
const typeWeights: Record<SearchType, number> = (() => {
  if (process.env.BENCH_MIX === 'even') return { source: 50, event: 25, actor: 5, glossary: 5, place: 5, document: 5, explainer: 2, outlet: 3 };
  const shape = corpusShape(3000);
  return {
    source: shape.sources, event: shape.events, actor: shape.actors, glossary: shape.glossary,
    place: shape.places, document: shape.references, explainer: shape.explainers, outlet: shape.outlets,
  };
})();

async function buildSyntheticSite(real: string, work: string): Promise<{ dir: string; indexSeconds: number }> {
  const dir = join(work, 'synthetic');
  cpSync(real, dir, { recursive: true });
  const pages = files(real).filter((f) => f.endsWith('index.html') && f.split('/').length === 3);
  // Keep the shell (home, lists, search, 404, assets, vocabulary); replace every entry page.
  for (const file of pages) rmSync(join(dir, file.replace(/index\.html$/, '')), { recursive: true, force: true });
  for (const bundle of bundleDirs(dir)) rmSync(join(dir, bundle), { recursive: true, force: true });

  const template = readFileSync(join(real, pages.find((p) => p.startsWith('sources/'))!), 'utf8');
  const [head, rest] = template.split(/<main[^>]*>/) as [string, string];
  const tail = rest.slice(rest.indexOf('</main>') + '</main>'.length);
  // Every word of the real pages, repeats kept, so words turn up about as often as they do there.
  const words = pages.flatMap((f) => wordsOf(indexedText(readFileSync(join(real, f), 'utf8')) ?? ''));
  const vocabulary = JSON.parse(readFileSync(join(real, 'search-vocabulary.json'), 'utf8')) as SearchVocabulary;
  const actors = vocabulary.entities.filter((e) => e.kind === 'actor');
  const named = vocabulary.entities.filter((e) => e.kind !== 'term');
  const outlets = Array.from({ length: 40 }, (_, i) => `Synthetic Outlet ${i + 1}`);
  const rand = random(2025);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 14);
    const parts = Array.from({ length: n }, () => (rand() < 0.01 ? pick(namesOf(pick(named))) : pick(words)));
    return `${parts.join(' ')}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence).join(' ');
  const typeBag = searchTypes.flatMap((t) => Array<SearchType>(typeWeights[t]).fill(t));
  // The facets of each page, published for the indexer as the build does (src/pages/search-records.json.ts).
  const records: Record<string, SearchRecord> = {};

  for (let i = 1; i <= PAGES; i++) {
    const type = pick(typeBag);
    const title = `${Array.from({ length: 3 + Math.floor(rand() * 5) }, () => pick(words)).join(' ')} (${i})`;
    const year = 2014 + Math.floor(rand() * 12);
    const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const record: SearchRecord = { filters: { type: [type], outlet: [], actor: [], year: [] } };
    if (type === 'source' || type === 'outlet') record.filters.outlet.push(pick(outlets));
    if (['source', 'event', 'explainer'].includes(type)) {
      record.filters.actor.push(...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(actors).name)));
    }
    if (['source', 'event', 'document'].includes(type)) Object.assign(record, { date, dateLabel: date, filters: { ...record.filters, year: [String(year)] } });
    records[`synthetic/${i}/`] = record;
    const sections = Array.from({ length: 2 + Math.floor(rand() * 3) }, (_, s) => {
      const heading = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(words)).join(' ');
      return `<h2 id="section-${s + 1}">${escapeHtml(heading)}</h2><p>${escapeHtml(paragraph())}</p><p>${escapeHtml(paragraph())}</p>`;
    }).join('');
    const main = `<main id="main" tabindex="-1" data-pagefind-body><article class="prose"><p class="meta">${type}</p><h1>${escapeHtml(title)}</h1><p class="lede">${escapeHtml(sentence())}</p>${sections}</article></main>`;
    const page = `${head.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)}${main}${tail}`;
    mkdirSync(join(dir, `synthetic/${i}`), { recursive: true });
    writeFileSync(join(dir, `synthetic/${i}/index.html`), page);
  }
  writeFileSync(join(dir, recordsPath), JSON.stringify(records));
  const start = performance.now();
  await buildSearchIndex(dir);
  const indexSeconds = (performance.now() - start) / 1000;
  await writeServiceWorker(dir, { base: '/' });
  return { dir, indexSeconds };
}

// ---------------------------------------------------------------- measuring

interface Run {
  /** From the last keystroke to the first results on screen (from the core bundle). */
  firstMs: number;
  /** Bytes fetched from opening search to the first results. */
  firstBytes: number;
  /** From the last keystroke until the archive too is searched and the facets counted. */
  completeMs: number;
  /** Bytes fetched from opening search until then. */
  completeBytes: number;
  laterMs: number[];
}

/** When a query's results were first shown and when complete (epoch ms), and how long after the last keystroke. */
interface Shown {
  shownAt: number;
  readyAt: number;
  shownMs: number;
  readyMs: number;
}

/**
 * Watches the search panel for `query`: resolves, in the page, with when its first results were
 * shown and when it was complete (data-state "ready", src/features/search/client/panel.ts), timed
 * from `window.benchClock.last` (the last keystroke). A string, so tsx adds no helper the page lacks.
 */
const watchScript = (query: string) => `(() => {
  const root = document.querySelector('[data-search-root]');
  const clock = window.benchClock = { last: performance.now(), shown: 0, ready: 0 };
  document.addEventListener('input', () => (clock.last = performance.now()), true);
  window.benchDone = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (root.dataset.query !== ${JSON.stringify(query)}) return;
      if (!clock.shown && root.dataset.state !== 'searching') clock.shown = performance.now();
      if (root.dataset.state === 'ready') {
        observer.disconnect();
        const epoch = (t) => performance.timeOrigin + t;
        resolve({ shownAt: epoch(clock.shown), readyAt: epoch(clock.ready = performance.now()), shownMs: clock.shown - clock.last, readyMs: clock.ready - clock.last });
      }
    });
    observer.observe(root, { attributes: true });
  });
})()`;

/** Sets `query` in the open search box at once (as if pasted); times until its results show and are complete. */
async function timePasted(page: Page, query: string): Promise<Shown> {
  await page.evaluate(watchScript(query));
  await page.evaluate((q) => {
    const input = document.querySelector<HTMLInputElement>('[data-search-root] input[type="search"]')!;
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, query);
  return page.evaluate('window.benchDone') as Promise<Shown>;
}

/** Types `query` at 10 keys a second, searching as it goes; times from the last key. */
async function timeTyped(page: Page, query: string): Promise<Shown> {
  await page.evaluate(watchScript(query));
  await page.keyboard.type(query, { delay: 100 });
  return page.evaluate('window.benchDone') as Promise<Shown>;
}

/**
 * Opens a page, opens search with `/` and runs the first query (typed, or pasted at once), then
 * the later queries; counts the bytes fetched from opening search to the first results, and to
 * complete results (the archive merged in, facets counted).
 */
async function measure(browser: Browser, siteUrl: string, pagePath: string, options: { phone: boolean; typed: boolean }): Promise<Run> {
  // No service worker: it would fetch the whole bundle in the background and blur the figures.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (options.phone) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  }
  await page.goto(siteUrl + pagePath, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  // Each response's size and when it ended, by the browser's clock (epoch ms).
  const sizes: Promise<{ endedAt: number; bytes: number }>[] = [];
  const onRequest = (request: Request) => sizes.push(request.sizes().then((s) => {
    const timing = request.timing();
    const endedAt = timing.startTime + timing.responseEnd;
    if (process.env.BENCH_VERBOSE) console.log(`  ${String(s.responseBodySize).padStart(7)} B ${request.url().replace(siteUrl, '/')}`);
    return { endedAt, bytes: s.responseBodySize + s.responseHeadersSize };
  }));
  page.on('requestfinished', onRequest);
  await page.keyboard.press('/');
  await page.waitForSelector('dialog.search-dialog[open]');
  const first = options.typed ? await timeTyped(page, QUERIES[0]!) : await timePasted(page, QUERIES[0]!);
  page.off('requestfinished', onRequest);
  const fetched = await Promise.all(sizes);
  const bytesBy = (t: number) => fetched.filter((f) => f.endedAt <= t).reduce((a, f) => a + f.bytes, 0);
  const laterMs: number[] = [];
  for (const query of QUERIES.slice(1)) laterMs.push((await timePasted(page, query)).shownMs);
  await context.close();
  return { firstMs: first.shownMs, firstBytes: bytesBy(first.shownAt), completeMs: first.readyMs, completeBytes: bytesBy(first.readyAt), laterMs };
}

/** Every bundle's index files (as stored) and the engine's scripts and wasm (gzipped, as sent). */
function indexSize(dir: string): { index: number; engine: number; files: number; archivePages: number } {
  const bundle = bundleDirs(dir).flatMap((b) => files(join(dir, b)).map((f) => b + f))
    .filter((f) => !/pagefind-(component-|modular-)?ui|wasm\.unknown/.test(f));
  const size = (f: string) => statSync(join(dir, f)).size;
  const engine = bundle.filter((f) => /\.js$|wasm\./.test(f));
  return {
    index: bundle.filter((f) => !engine.includes(f)).reduce((n, f) => n + size(f), 0),
    engine: engine.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0),
    files: bundle.length,
    archivePages: bundleDirs(dir).filter((b) => b !== coreBundle).reduce((n, b) => n + pageCount(dir, b), 0),
  };
}

/** How many pages a bundle indexes (0 when the site has no such bundle). */
function pageCount(dir: string, bundle: string): number {
  const entry = join(dir, bundle, 'pagefind-entry.json');
  if (!existsSync(entry)) return 0;
  const { languages } = JSON.parse(readFileSync(entry, 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(languages).reduce((n, l) => n + l.page_count, 0);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const percentile = (ns: number[], p: number) => [...ns].sort((a, b) => a - b)[Math.min(ns.length - 1, Math.floor(ns.length * p))]!;
const median = (ns: number[]) => percentile(ns, 0.5);

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'mte-bench-search-'));
  console.log(`Building the real site into ${work} …`);
  const real = buildRealSite(work);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const browserVersion = browser.version();
  const relevanceLines: string[] = [];
  if (ONLY !== 'speed') {
    console.log(`Generating and building a synthetic archive of ${RELEVANCE_SOURCES} sources for relevance …`);
    const archive = buildSynthArchive(work);
    const vocabulary = JSON.parse(readFileSync(join(archive, 'search-vocabulary.json'), 'utf8')) as SearchVocabulary;
    relevanceLines.push(...(await relevance(browser, 'real site', real, relevanceQueries)));
    relevanceLines.push(...(await relevance(browser, `synthetic archive (${RELEVANCE_SOURCES} sources)`, archive, syntheticQueries(vocabulary, 100))));
  }
  if (ONLY === 'relevance') {
    await browser.close();
    printRelevance(relevanceLines);
    finish(work);
    return;
  }
  console.log(`Generating and indexing ${PAGES} synthetic pages …`);
  const synthetic = await buildSyntheticSite(real, work);
  const rows: string[] = [];
  const sites = [
    { name: 'real site', dir: real, pages: bundleDirs(real).reduce((n, b) => n + pageCount(real, b), 0), page: files(real).find((f) => f.startsWith('sources/') && f.split('/').length === 3)!.replace('index.html', '') },
    { name: `synthetic (${PAGES} pages)`, dir: synthetic.dir, pages: PAGES, page: 'synthetic/1/' },
  ];
  for (const site of sites) {
    const { url, close } = await serveCompressed(site.dir);
    const size = indexSize(site.dir);
    // Desktop measures are repeated (BENCH_RUNS, 3 by default) and the median kept: other work on the machine shows as noise.
    const repeat = async (typed: boolean) => {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, url, site.page, { phone: false, typed }));
      const of = (key: 'firstMs' | 'firstBytes' | 'completeMs' | 'completeBytes') => median(runs.map((r) => r[key]));
      return { firstMs: of('firstMs'), firstBytes: of('firstBytes'), completeMs: of('completeMs'), completeBytes: of('completeBytes'), laterMs: runs.flatMap((r) => r.laterMs) };
    };
    const typed = await repeat(true);
    const pasted = await repeat(false);
    const phone = await measure(browser, url, site.page, { phone: true, typed: true });
    await close();
    const later = [...typed.laterMs, ...pasted.laterMs];
    rows.push(`| ${site.name} | ${site.pages} (${size.archivePages} in the archive) | ${kB(size.index)} in ${size.files} files (+ ${kB(size.engine)} gzipped JS/wasm) | ${kB(typed.firstBytes)} / ${kB(pasted.firstBytes)} | ${ms(typed.firstMs)} / ${ms(pasted.firstMs)} | ${kB(typed.completeBytes)} / ${kB(pasted.completeBytes)} in ${ms(typed.completeMs)} / ${ms(pasted.completeMs)} | ${ms(median(later))} (${ms(percentile(later, 0.9))}) | ${ms(phone.firstMs)} / ${ms(phone.completeMs)} / ${ms(median(phone.laterMs))} |`);
  }
  await browser.close();
  console.log(`\nChromium ${browserVersion}; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at the end.`);
  console.log(`Synthetic index built in ${synthetic.indexSeconds.toFixed(1)} s (aliases + Pagefind).`);
  console.log(`First query "${QUERIES[0]}"; later queries: ${QUERIES.slice(1).map((q) => `"${q}"`).join(', ')}.\n`);
  console.log('| site | pages indexed | index size | fetched for the first results: typed / pasted | first results: typed / pasted | complete (archive, facets): fetched, typed / pasted | later queries: median (90th percentile) | phone profile, typed: first / complete / later |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log('\nTimes run from the last keystroke to the results on screen (first: from the core bundle; complete: the archive merged in and the facets counted, once the reader pauses for 300 ms). Typed: 10 keys a second after opening search with /, searching as you type; pasted: the whole query at once, right after opening. Phone profile: 4× CPU slowdown, 150 ms round trip, 1.6 Mbit/s down.');
  printRelevance(relevanceLines);
  finish(work);
}

function printRelevance(lines: string[]): void {
  if (lines.length === 0) return;
  console.log('\nRelevance: the first expected page in the top 3 (success@3), 1 / its rank (MRR), the share of expected pages on the first screen of 6 (recall@6); ✗ a query whose first expected page is not in the top 3, ~ one with an expected page off the first screen.');
  for (const line of lines) console.log(line);
}

function finish(work: string): void {
  if (process.env.BENCH_KEEP) console.log(`Sites kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

await main();
