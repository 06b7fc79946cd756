/**
 * `npm run build`: the content check (scripts/check-content.ts) and `astro build`, side by side.
 * Run one after the other, the check's seconds came on top of every build (2.6 s at 1,000
 * sources, 4.6 s at 4,000); run together, they cost one core for those seconds instead.
 * Astro's output is held until the check has passed, so an editor reads the check's message
 * (file, field, fix) first and alone: when the check fails, Astro is stopped and stays silent,
 * and the build fails with the check's exit code. Arguments go to `astro build`.
 *
 * Plain Node (type stripping), no tsx: this file starts before anything else of the build.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
// Astro writes to a pipe here, where it would drop its colours; keep them for a person watching.
const astroEnv = process.stdout.isTTY && !('NO_COLOR' in process.env) ? { ...process.env, FORCE_COLOR: '1' } : process.env;

const check = spawn(bin('tsx'), ['scripts/check-content.ts'], { cwd: root, stdio: 'inherit' });
// Its own process group, so stopping it stops whatever it started.
const astro = spawn(bin('astro'), ['build', ...process.argv.slice(2)], {
  cwd: root,
  env: astroEnv,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
const astroClosed = once(astro, 'close') as Promise<[number | null, NodeJS.Signals | null]>;

let checked = false;
const held: Array<[NodeJS.WriteStream, Buffer]> = [];
for (const [from, to] of [[astro.stdout, process.stdout], [astro.stderr, process.stderr]] as const) {
  from.on('data', (chunk: Buffer) => (checked ? to.write(chunk) : held.push([to, chunk])));
}

function stopAstro(signal: NodeJS.Signals): void {
  if (astro.exitCode === null && astro.signalCode === null) process.kill(-astro.pid!, signal);
}
// Ctrl-C reaches the check (same process group) but not Astro (its own): pass it on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAstro(signal);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

const [checkCode] = (await once(check, 'close')) as [number | null];
if (checkCode !== 0) {
  // Astro writes its content store atomically, so stopping it mid-build leaves no half-written cache.
  stopAstro('SIGTERM');
  await astroClosed;
  process.exitCode = checkCode ?? 1;
} else {
  checked = true;
  for (const [to, chunk] of held.splice(0)) to.write(chunk);
  const [code] = await astroClosed;
  process.exitCode = code ?? 1;
}
