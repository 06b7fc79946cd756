import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteFiles } from '../lib/site-files';
import { cachePrefix, precacheList, type PagefindEntry } from '../lib/offline';

/** Writes <root>/sw.js for a built and indexed site; returns how many files it precaches. */
export async function writeServiceWorker(root: string, { version, base }: { version: string; base: string }): Promise<number> {
  const files = siteFiles(root, '');
  const entry = JSON.parse(await readFile(join(root, 'pagefind/pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const precache = precacheList(files, version, entry);
  const runtime = await readFile(new URL('./service-worker-runtime.js', import.meta.url), 'utf8');
  const config = { version, base, prefix: cachePrefix(base), precache };
  await writeFile(join(root, 'sw.js'), `const CONFIG = ${JSON.stringify(config)};\n${runtime}`);
  return precache.length;
}

/**
 * Offline reading and search. Each build gets a version (BUILD_VERSION, or the build time):
 * pages carry it (import.meta.env.SITE_VERSION) to tag Pagefind's entry file (metaCacheTag),
 * and dist/sw.js carries it in its cache name, so a new deploy installs a new worker that
 * replaces the old caches.
 */
export function serviceWorker(): AstroIntegration {
  const version = process.env.BUILD_VERSION ?? Date.now().toString(36);
  let base = '/';
  return {
    name: 'mte:service-worker',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.SITE_VERSION': JSON.stringify(version) } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const count = await writeServiceWorker(fileURLToPath(dir), { version, base });
        logger.info(`sw.js (version ${version}) precaches ${count} files`);
      },
    },
  };
}
