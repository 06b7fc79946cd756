/**
 * `npm run build`: the content check (scripts/check-content.ts) and `astro build`, side by side.
 * Run one after the other, the check's seconds came on top of every build (docs/benchmarks.md,
 * "Build at scale"); run together, they cost one core for those seconds instead.
 * Astro's output is held until the check has passed, so an editor reads the check's message
 * (file, field, fix) first and alone: when the check fails, Astro is stopped, its output dropped,
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
// Its own process group, so stopping it stops whatever it started (Pagefind's service, say).
const astro = spawn(bin('astro'), ['build', ...process.argv.slice(2)], {
  cwd: root,
  env: astroEnv,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
const astroClosed = once(astro, 'close') as Promise<[number | null, NodeJS.Signals | null]>;

let checkPassed = false;
const held: Array<[NodeJS.WriteStream, Buffer]> = [];
for (const [from, to] of [[astro.stdout, process.stdout], [astro.stderr, process.stderr]] as const) {
  from.on('data', (chunk: Buffer) => (checkPassed ? to.write(chunk) : held.push([to, chunk])));
}

function stopAstro(signal: NodeJS.Signals): void {
  if (astro.pid === undefined) return; // never started
  try {
    process.kill(-astro.pid, signal);
  } catch (error) {
    // ESRCH: the group has already ended.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
// Astro is in a group of its own, which no terminal signal reaches: whatever ends this script
// ends it too (an exception included).
process.on('exit', () => stopAstro('SIGTERM'));
const signalExit = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
for (const signal of Object.keys(signalExit) as Array<keyof typeof signalExit>) {
  process.on(signal, () => {
    check.kill(signal);
    stopAstro(signal);
    process.exit(signalExit[signal]);
  });
}

const [checkCode] = (await once(check, 'close')) as [number | null];
if (checkCode !== 0) {
  stopAstro('SIGTERM');
  const [, astroSignal] = await astroClosed;
  if (astroSignal) console.error('astro build stopped: fix the content problems above and build again.');
  process.exitCode = checkCode ?? 1;
} else {
  checkPassed = true;
  for (const [to, chunk] of held.splice(0)) to.write(chunk);
  const [code] = await astroClosed;
  process.exitCode = code ?? 1;
}
