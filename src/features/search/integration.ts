import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from './build-index';
import { archiveTypes } from './scope';

/** Builds the search index as the last step of `astro build`, so no manual step is needed. */
export function searchIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'mte:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const { pages, archivePages, archiveParts, withAliases, reused, reusedBundles } = await buildSearchIndex(fileURLToPath(dir), {
          cacheDir,
          // A deploy may set the archive's part size (scope.ts); the tests use it to try a many-part archive on a small site.
          ...(process.env.SEARCH_ARCHIVE_PART_PAGES && { archivePartPages: Number(process.env.SEARCH_ARCHIVE_PART_PAGES) }),
        });
        // The duration is read back by the build benchmark (scripts/lib/build-phases.ts).
        const took = `${((performance.now() - start) / 1000).toFixed(2)}s`;
        logger.info(`indexed ${pages} pages in ${took}; ${archivePages} of them (${[...archiveTypes].join(', ')}) in the archive (${archiveParts} bundle${archiveParts === 1 ? '' : 's'}); ${reusedBundles} of ${archiveParts + 1} bundles as the last build wrote them; ${withAliases} carry aliases of the names they mention (${reused} pages' names as found by the last build)`);
      },
    },
  };
}
