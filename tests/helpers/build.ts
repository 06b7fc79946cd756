import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const fixtureContent = join(root, 'tests/fixtures/content');

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * The environment without what Vitest sets for its own Vite (BASE_URL=/, MODE=test, …): Astro would
 * read them, and BASE_URL=/ overrides the configured base in rendered links.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[key];
  // Astro's dev server behaves differently when it believes it runs inside Vitest.
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/** Runs `npm run build` (astro build, with the content rules inside it) on a content tree, into a private dist. */
export function runBuild(contentDir: string, options: { astroOnly?: boolean; env?: Record<string, string> } = {}): BuildResult {
  const work = mkdtempSync(join(tmpdir(), 'mte-build-'));
  const outDir = join(work, 'dist');
  const [command, ...args] = options.astroOnly ? ['npx', 'astro', 'build'] : ['npm', 'run', 'build', '--silent'];
  const result = spawnSync(command!, args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...buildEnv(),
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** A copy of the fixture content with one file edited, for bad-input cases. */
export function fixtureWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mte-content-'));
  cpSync(fixtureContent, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}
