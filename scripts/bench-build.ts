/**
 * Build benchmark on synthetic corpora: for each N, a clean `npm run build` (content check, Astro
 * build, search index), then a rebuild after one source changed (content-layer cache kept), and
 * optionally a Starlight site built from the same MDX bodies.
 *
 * Usage: npm run bench:build -- --sources 1000,4000 [--starlight] [--seed 1] [--work .bench]
 * Figures go to stdout as a Markdown table and to <work>/results.json; build logs to <work>/logs/.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/load-content';
import { dirStats, runMeasured, type DirStats, type Measured } from './lib/measure';
import { starlightPages } from './lib/starlight-corpus';
import { cleanStarlightBuild, prepareStarlightSite, writeStarlightPages } from './lib/starlight-site';
import { writeCorpus } from './lib/synth-corpus';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '1000,4000' },
    seed: { type: 'string', default: '1' },
    starlight: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: true },
    repeat: { type: 'string', default: '1' },
    work: { type: 'string', default: '.bench' },
  },
  allowNegative: true,
});
const sizes = values.sources.split(',').map(Number);
const seed = Number(values.seed);
const repeat = Number(values.repeat);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed) || !(repeat >= 1)) {
  console.error('usage: npm run bench:build -- --sources 1000,4000 [--starlight] [--no-rebuild] [--repeat R] [--seed S] [--work DIR]');
  process.exit(2);
}

const root = resolve(import.meta.dirname, '..');
const work = resolve(values.work);
const logs = join(work, 'logs');
mkdirSync(logs, { recursive: true });
const astroVersion = JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')).version as string;
const nodeVersion = process.version;

interface BuildFigures extends Measured {
  pages: number;
  dist: DirStats;
  searchIndex: DirStats;
}

interface Row {
  sources: number;
  ours: BuildFigures;
  rebuild?: BuildFigures;
  starlight?: BuildFigures;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const perPage = (f: BuildFigures) => f.wallMs / Math.max(1, f.pages);
const cpu = (f: Measured) => (f.cpuSeconds === undefined ? '?' : `${f.cpuSeconds.toFixed(1)} s`);

/**
 * Runs a build `repeat` times, each after `prepare` (clean, or change a file), and keeps the run
 * with the median wall time; peak memory is the highest of all runs.
 */
async function build(label: string, prepare: () => void, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, outDir: string): Promise<BuildFigures> {
  const runs: BuildFigures[] = [];
  for (let i = 1; i <= repeat; i++) {
    prepare();
    const log = join(logs, `${label}${repeat > 1 ? `-${i}` : ''}.log`);
    process.stdout.write(`  ${label}${repeat > 1 ? ` (${i}/${repeat})` : ''} … `);
    const measured = await runMeasured(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, log });
    if (measured.code !== 0) {
      console.error(`failed (exit ${measured.code}); the end of ${log}:\n${readFileSync(log, 'utf8').split('\n').slice(-30).join('\n')}`);
      process.exit(1);
    }
    const dist = dirStats(outDir);
    const figures = { ...measured, pages: dist.htmlPages, dist, searchIndex: dirStats(join(outDir, 'pagefind')) };
    console.log(`${seconds(figures.wallMs)} (${cpu(figures)} CPU), ${figures.pages} pages, ${perPage(figures).toFixed(1)} ms/page, peak ${mb(figures.peakRssBytes)} (load ${figures.loadBefore.toFixed(1)})`);
    runs.push(figures);
  }
  const median = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((runs.length - 1) / 2)]!;
  return { ...median, peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)) };
}

/** Appends a paragraph to one source's body: the edit an editor makes most often. */
function changeOneSource(corpus: string): void {
  const dir = join(corpus, 'sources');
  const files = readdirSync(dir).sort();
  appendFileSync(join(dir, files[Math.floor(files.length / 2)]!), '\nA paragraph added to measure a rebuild after one change.\n');
}

const rows: Row[] = [];
console.log(`Build benchmark: ${cpus().length} cores, ${mb(totalmem())} memory, Node ${nodeVersion}, Astro ${astroVersion}, seed ${seed}`);
for (const n of sizes) {
  console.log(`\n${n} sources`);
  const corpus = join(work, `corpus-${n}-seed${seed}`);
  const counts = writeCorpus(corpus, { sources: n, seed });
  console.log(`  corpus: ${Object.entries(counts).map(([c, k]) => `${k} ${c}`).join(', ')}`);
  const outDir = join(work, `out-${n}`);
  const cacheDir = join(work, `cache-${n}`);
  const clean = () => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  };
  const npmBuild: [string, string[], string, NodeJS.ProcessEnv, string] =
    ['npm', ['run', 'build', '--silent'], root, { CONTENT_DIR: corpus, OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir }, outDir];
  const row: Row = { sources: n, ours: await build(`ours-${n}-clean`, clean, ...npmBuild) };
  // Astro empties the output directory first; that costs the same with or without the content
  // cache (and varies with the file system), so each timed build starts without old output.
  const changeOne = () => {
    rmSync(outDir, { recursive: true, force: true });
    changeOneSource(corpus);
  };
  if (values.rebuild) row.rebuild = await build(`ours-${n}-rebuild`, changeOne, ...npmBuild);
  if (values.starlight) {
    // Outside this project, so that nothing resolves to our own node_modules.
    const site = join(tmpdir(), 'mte-starlight-bench');
    prepareStarlightSite(site, astroVersion);
    const { entries, errors } = loadContent(corpus, root);
    if (errors.length) throw new Error(`corpus does not validate:\n${errors.slice(0, 10).join('\n')}`);
    writeStarlightPages(site, starlightPages(entries));
    const astro = join(site, 'node_modules/astro/bin/astro.mjs');
    row.starlight = await build(`starlight-${n}`, () => cleanStarlightBuild(site), process.execPath, [astro, 'build'], site, {}, join(site, 'dist'));
  }
  rows.push(row);
}

const header = ['sources', 'pages', 'clean build', 'CPU time', 'ms/page', 'peak memory', 'output', 'search index'];
if (values.rebuild) header.push('rebuild, 1 source changed');
if (values.starlight) header.push('Starlight pages', 'Starlight build', 'Starlight CPU', 'Starlight ms/page', 'Starlight peak', 'ms/page ours ÷ Starlight');
header.push('load avg');
const table = [header, header.map(() => '---')];
for (const r of rows) {
  const cells = [String(r.sources), String(r.ours.pages), seconds(r.ours.wallMs), cpu(r.ours), perPage(r.ours).toFixed(1),
    mb(r.ours.peakRssBytes), mb(r.ours.dist.bytes), mb(r.ours.searchIndex.bytes)];
  if (r.rebuild) cells.push(`${seconds(r.rebuild.wallMs)}, ${cpu(r.rebuild)} CPU (${((r.rebuild.wallMs / r.ours.wallMs) * 100).toFixed(0)} % of clean)`);
  if (r.starlight) {
    cells.push(String(r.starlight.pages), seconds(r.starlight.wallMs), cpu(r.starlight), perPage(r.starlight).toFixed(1),
      mb(r.starlight.peakRssBytes), (perPage(r.ours) / perPage(r.starlight)).toFixed(2));
  }
  cells.push([r.ours, r.rebuild, r.starlight].filter(Boolean).map((f) => f!.loadBefore.toFixed(1)).join(' / '));
  table.push(cells);
}
console.log(`\n${table.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}`);
for (const a of rows) {
  for (const b of rows) {
    if (b.sources > a.sources) {
      const cpuRatio = a.ours.cpuSeconds && b.ours.cpuSeconds ? `, CPU time ${(b.ours.cpuSeconds / a.ours.cpuSeconds).toFixed(2)}` : '';
      console.log(`time(${b.sources}) / time(${a.sources}) = ${(b.ours.wallMs / a.ours.wallMs).toFixed(2)}${cpuRatio}, for ×${(b.sources / a.sources).toFixed(1)} sources`);
    }
  }
}

const resultsFile = join(work, 'results.json');
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as unknown[]) : [];
previous.push({ at: new Date().toISOString(), cores: cpus().length, memory: totalmem(), node: nodeVersion, astro: astroVersion, seed, repeat, rows });
writeFileSync(resultsFile, JSON.stringify(previous, null, 2));
