import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeServiceWorker } from './write-service-worker';

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
