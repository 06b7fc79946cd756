/**
 * What offline use costs a reader, from the service workers two builds write (src/features/offline/precache.ts):
 * the background download on a first visit, the search index saved on request, and what a
 * returning reader's browser fetches after one source changed (only files whose bytes changed).
 *
 * Usage: npm run bench:offline [-- --content content]
 * Builds the content, then a copy with one source's summary edited, each into .bench/offline/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const content = resolve(args[args.indexOf('--content') + 1] && args.includes('--content') ? args[args.indexOf('--content') + 1]! : 'content');
const work = resolve('.bench/offline');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

interface Plan { core: [string, string][]; rest: [string, string][]; coreBytes: number; restBytes: number; saveAllUnasked: boolean }

function build(contentDir: string, name: string): { dist: string; plan: Plan } {
  const dist = join(work, name);
  const run = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: dist, ASTRO_CACHE_DIR: join(work, `${name}-cache`), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0) throw new Error(`build of ${contentDir} failed:\n${run.stdout}\n${run.stderr}`);
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const plan = JSON.parse(/^const CONFIG = (.*);$/m.exec(sw)![1]!) as Plan;
  return { dist, plan };
}

/** Bytes a browser transfers for a file: gzip where a host would compress it. */
function transferred(dist: string, url: string): number {
  const path = join(dist, url === '' ? 'index.html' : url.endsWith('/') ? `${url}index.html` : url);
  const bytes = readFileSync(path);
  return /\.(html|js|css|json|svg)$/.test(path) ? gzipSync(bytes).length : bytes.length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sum = (dist: string, entries: [string, string][]) => entries.reduce((n, [url]) => n + transferred(dist, url), 0);

const before = build(content, 'before');
// The same content with one source's summary changed.
const edited = join(work, 'content-edited');
cpSync(content, edited, { recursive: true });
const sources = join(edited, 'sources');
const first = readdirSync(sources).filter((f) => f.endsWith('.mdx') && statSync(join(sources, f)).isFile()).sort()[0]!;
const text = readFileSync(join(sources, first), 'utf8');
writeFileSync(join(sources, first), text.replace(/^summary: (.*)$/m, (_, s: string) => `summary: ${s.startsWith("'") || s.startsWith('"') ? s.slice(0, -1) + ' Edited.' + s.slice(-1) : `${s} Edited.`}`));
const after = build(edited, 'after');

const all = (plan: Plan) => (plan.saveAllUnasked ? [...plan.core, ...plan.rest] : plan.core);
const old = new Map([...before.plan.core, ...before.plan.rest]);
const changed = all(after.plan).filter(([url, revision]) => old.get(url) !== revision);
const unchanged = all(after.plan).length - changed.length;

console.log(`content: ${content}`);
console.log(`first visit, saved in the background: ${all(before.plan).length} files, ${kb(sum(before.dist, all(before.plan)))} transferred${before.plan.saveAllUnasked ? ' (the whole search index)' : ''}`);
if (!before.plan.saveAllUnasked) console.log(`search index saved on request ("Save search for offline use"): ${before.plan.rest.length} files, ${kb(sum(before.dist, before.plan.rest))}`);
console.log(`after one source changed (${first}): ${changed.length} files refetched, ${kb(sum(after.dist, changed) + gzipSync(readFileSync(join(after.dist, 'sw.js'))).length)} with sw.js; ${unchanged} unchanged files kept`);
for (const [url] of changed) console.log(`  changed: ${url}`);
