/**
 * Build benchmark on synthetic corpora: for each N, a clean `npm run build` (content check, Astro
 * build, search index), then a rebuild after one source changed (content-layer cache kept), and
 * optionally Starlight sites built from the same MDX bodies (scripts/lib/starlight-site.ts), in
 * rounds (--repeat) whose medians are reported.
 *
 * Usage: npm run bench:build -- --sources 1000,4000 [--starlight minimal,fixed-sidebar] [--seed 1] [--work .bench]
 * Figures go to stdout as a Markdown table and to <work>/results.json; build logs to <work>/logs/.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/content/load-content';
import { bundleDirs } from '../src/features/dist-files-fs';
import { buildPhases, type BuildPhases } from './lib/build-phases';
import { dirStats, runMeasured, type DirStats, type Measured } from './lib/measure';
import { starlightPages } from './lib/starlight-corpus';
import { cleanStarlightBuild, prepareStarlightSite, starlightVariants, writeStarlightPages, type StarlightVariant } from './lib/starlight-site';
import { writeCorpus } from './lib/synth-corpus';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '1000,4000' },
    seed: { type: 'string', default: '1' },
    starlight: { type: 'string', default: '' },
    rebuild: { type: 'boolean', default: true },
    repeat: { type: 'string', default: '1' },
    work: { type: 'string', default: '.bench' },
  },
  allowNegative: true,
});
const sizes = values.sources.split(',').map(Number);
const seed = Number(values.seed);
const repeat = Number(values.repeat);
const variants = values.starlight ? values.starlight.split(',') : [];
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed) || !(repeat >= 1)
  || variants.some((v) => !(starlightVariants as readonly string[]).includes(v))) {
  console.error(`usage: npm run bench:build -- --sources 1000,4000 [--starlight ${starlightVariants.join(',')}] [--no-rebuild] [--repeat R] [--seed S] [--work DIR]`);
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
  /** Seconds per phase, from the build log (Starlight's build has no search step of ours). */
  phases: BuildPhases;
}

interface Row {
  sources: number;
  ours: BuildFigures;
  rebuild?: BuildFigures;
  starlight: Partial<Record<StarlightVariant, BuildFigures>>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const perPage = (f: BuildFigures) => f.wallMs / Math.max(1, f.pages);
const phaseNames: Record<keyof BuildPhases, string> = { contentLayer: 'content layer', vite: 'Vite', pages: 'pages', search: 'search step' };
const phaseText = (phases: BuildPhases) =>
  (Object.keys(phaseNames) as (keyof BuildPhases)[]).filter((k) => phases[k] !== undefined).map((k) => `${phaseNames[k]} ${seconds(phases[k]! * 1000)}`).join(', ');
const cpu = (f: Measured) => `${f.cpuSeconds.toFixed(1)} s`;

/** One build to time: how to prepare for it (clean, or change a file), run it, and where it writes. */
interface Job {
  label: string;
  prepare: () => void;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  outDir: string;
}

async function runOnce(job: Job, run: number): Promise<BuildFigures> {
  job.prepare();
  const log = join(logs, `${job.label}${repeat > 1 ? `-${run}` : ''}.log`);
  process.stdout.write(`  ${job.label}${repeat > 1 ? ` (${run}/${repeat})` : ''} … `);
  const measured = await runMeasured(job.command, job.args, { cwd: job.cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...job.env }, log });
  if (measured.code !== 0) {
    console.error(`failed (exit ${measured.code}); the end of ${log}:\n${readFileSync(log, 'utf8').split('\n').slice(-30).join('\n')}`);
    process.exit(1);
  }
  const dist = dirStats(job.outDir);
  const figures = { ...measured, pages: dist.htmlPages, dist, searchIndex: searchIndexStats(job.outDir), phases: buildPhases(readFileSync(log, 'utf8')) };
  console.log(`${seconds(figures.wallMs)} (${cpu(figures)} CPU), ${figures.pages} pages, ${perPage(figures).toFixed(1)} ms/page, peak ${mb(figures.peakRssBytes)} (load ${figures.loadBefore.toFixed(1)})`);
  console.log(`    ${phaseText(figures.phases)}`);
  return figures;
}

/** Our index's bundles, the core and the archive's parts (src/features/search/scope.ts); Starlight's one. */
function searchIndexStats(outDir: string): DirStats {
  const bundles = bundleDirs(outDir).map((bundle) => dirStats(join(outDir, bundle)));
  return { bytes: bundles.reduce((n, b) => n + b.bytes, 0), files: bundles.reduce((n, b) => n + b.files, 0), htmlPages: 0 };
}

/**
 * Runs the jobs in turn, `repeat` rounds of all of them, so that a slower spell of a shared machine
 * falls on every kind of build alike; keeps each job's run with the median wall time (peak memory
 * is the highest of its runs).
 */
async function runRounds(jobs: Job[]): Promise<BuildFigures[]> {
  const runs = jobs.map((): BuildFigures[] => []);
  for (let round = 1; round <= repeat; round++) {
    for (const [i, job] of jobs.entries()) runs[i]!.push(await runOnce(job, round));
  }
  return runs.map((list) => {
    const median = [...list].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((list.length - 1) / 2)]!;
    return { ...median, peakRssBytes: Math.max(...list.map((r) => r.peakRssBytes)) };
  });
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
  const ours = { command: 'npm', args: ['run', 'build', '--silent'], cwd: root, env: { CONTENT_DIR: corpus, OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir }, outDir };
  const jobs: Job[] = [{ label: `ours-${n}-clean`, prepare: clean, ...ours }];
  // Astro empties the output directory first; that costs the same with or without the content
  // cache (and varies with the file system), so each timed build starts without old output.
  // Each rebuild follows a clean build of the same round, whose cache it uses.
  const changeOne = () => {
    rmSync(outDir, { recursive: true, force: true });
    changeOneSource(corpus);
  };
  if (values.rebuild) jobs.push({ label: `ours-${n}-rebuild`, prepare: changeOne, ...ours });
  if (variants.length) {
    const { entries, errors } = loadContent(corpus, root);
    if (errors.length) throw new Error(`corpus does not validate:\n${errors.slice(0, 10).join('\n')}`);
    const pages = starlightPages(entries);
    for (const variant of variants as StarlightVariant[]) {
      // Outside this project, so that nothing resolves to our own node_modules; one site for each
      // configuration, so that switching does not make Vite optimize its dependencies again.
      const site = join(tmpdir(), `mte-starlight-bench-${variant}`);
      prepareStarlightSite(site, astroVersion, variant);
      writeStarlightPages(site, pages);
      jobs.push({
        label: `starlight-${variant}-${n}`, prepare: () => cleanStarlightBuild(site),
        command: process.execPath, args: [join(site, 'node_modules/astro/bin/astro.mjs'), 'build'], cwd: site, env: {}, outDir: join(site, 'dist'),
      });
    }
  }
  const figures = await runRounds(jobs);
  const row: Row = { sources: n, ours: figures[0]!, starlight: {} };
  if (values.rebuild) row.rebuild = figures[1]!;
  for (const [i, variant] of (variants as StarlightVariant[]).entries()) row.starlight[variant] = figures[(values.rebuild ? 2 : 1) + i]!;
  rows.push(row);
}

const header = ['sources', 'pages', 'clean build', 'CPU time', 'ms/page', 'peak memory', 'output', 'search index', 'of which'];
if (values.rebuild) header.push('rebuild, 1 source changed');
header.push('load avg');
const table = [header, header.map(() => '---')];
for (const r of rows) {
  const cells = [String(r.sources), String(r.ours.pages), seconds(r.ours.wallMs), cpu(r.ours), perPage(r.ours).toFixed(1),
    mb(r.ours.peakRssBytes), mb(r.ours.dist.bytes), mb(r.ours.searchIndex.bytes), phaseText(r.ours.phases)];
  if (r.rebuild) cells.push(`${seconds(r.rebuild.wallMs)}, ${cpu(r.rebuild)} CPU (${((r.rebuild.wallMs / r.ours.wallMs) * 100).toFixed(0)} % of clean): ${phaseText(r.rebuild.phases)}`);
  cells.push([r.ours, r.rebuild].filter(Boolean).map((f) => f!.loadBefore.toFixed(1)).join(' / '));
  table.push(cells);
}
if (variants.length) {
  const compared = ['sources', 'Starlight', 'pages', 'build', 'CPU time', 'ms/page', 'peak memory', 'ms/page ours ÷ Starlight', 'load avg'];
  table.push([], compared, compared.map(() => '---'));
  for (const r of rows) {
    for (const [variant, f] of Object.entries(r.starlight)) {
      table.push([String(r.sources), variant, String(f.pages), seconds(f.wallMs), cpu(f), perPage(f).toFixed(1), mb(f.peakRssBytes),
        (perPage(r.ours) / perPage(f)).toFixed(2), f.loadBefore.toFixed(1)]);
    }
  }
}
console.log(`\n${table.map((cells) => (cells.length ? `| ${cells.join(' | ')} |` : '')).join('\n')}`);
for (const a of rows) {
  for (const b of rows) {
    if (b.sources > a.sources) {
      const cpuRatio = (b.ours.cpuSeconds / a.ours.cpuSeconds).toFixed(2);
      console.log(`time(${b.sources}) / time(${a.sources}) = ${(b.ours.wallMs / a.ours.wallMs).toFixed(2)}, CPU time ${cpuRatio}, for ×${(b.sources / a.sources).toFixed(1)} sources`);
    }
  }
}

const resultsFile = join(work, 'results.json');
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as unknown[]) : [];
previous.push({ at: new Date().toISOString(), cores: cpus().length, memory: totalmem(), node: nodeVersion, astro: astroVersion, seed, repeat, rows });
writeFileSync(resultsFile, JSON.stringify(previous, null, 2));
