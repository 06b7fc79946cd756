import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteFiles } from '../lib/site-files';
import { cachePrefix, offlinePlan, type BuiltFile, type OfflinePlan, type PagefindEntry } from '../lib/offline';

/**
 * Writes <root>/sw.js for a built and indexed site, with each file it saves and that file's
 * revision (a hash of its bytes): a deploy changes sw.js only where files changed, and a returning
 * reader's browser fetches only those.
 */
export async function writeServiceWorker(root: string, { base }: { base: string }): Promise<OfflinePlan> {
  const files: BuiltFile[] = await Promise.all(
    siteFiles(root, '').filter((path) => path !== 'sw.js').map(async (path) => {
      const bytes = await readFile(join(root, path));
      return { path, bytes: bytes.length, revision: createHash('sha256').update(bytes).digest('base64url').slice(0, 12) };
    }),
  );
  const entry = JSON.parse(await readFile(join(root, 'pagefind/pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const plan = offlinePlan(files, entry);
  const runtime = await readFile(new URL('./service-worker-runtime.js', import.meta.url), 'utf8');
  const config = { base, prefix: cachePrefix(base), ...plan };
  await writeFile(join(root, 'sw.js'), `const CONFIG = ${JSON.stringify(config)};\n${runtime}`);
  return plan;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Offline reading and search: dist/sw.js, written once the search index exists. */
export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'mte:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const plan = await writeServiceWorker(fileURLToPath(dir), { base });
        logger.info(
          `sw.js saves ${plan.core.length} files (${megabytes(plan.coreBytes)}) on a first visit; the search index's ${plan.rest.length} chunks (${megabytes(plan.restBytes)}) ${plan.saveAllUnasked ? 'with them' : 'when the reader asks'}`,
        );
      },
    },
  };
}
