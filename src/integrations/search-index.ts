import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { entityDetector } from '../lib/aliases';
import { addAliasMetadata } from '../lib/search-annotate';
import { excludedFromIndex } from '../lib/search-scope';
import { vocabularyPath, type SearchVocabulary } from '../lib/search-vocabulary';
import type { PagefindEntry } from '../lib/offline';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Search index: ${step} failed:\n${response.errors.join('\n')}`);
  return response;
}

/**
 * Builds the Pagefind index as the last step of `astro build`. Before indexing, every indexed
 * page gets the aliases of the actors, places and terms it mentions (src/lib/aliases.ts), read
 * from the vocabulary the build has just published, so search finds any spelling of a name.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'mte:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const vocabularyFile = join(root, vocabularyPath);
        let vocabulary: SearchVocabulary;
        try {
          vocabulary = JSON.parse(await readFile(vocabularyFile, 'utf8')) as SearchVocabulary;
        } catch (error) {
          throw new Error(`Search index: cannot read ${vocabularyFile} (published by src/pages/search-vocabulary.json.ts): ${(error as Error).message}`);
        }
        const detect = entityDetector(vocabulary.entities);
        let annotated = 0;
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const result = addAliasMetadata(html, detect);
          if (result.html !== html) {
            await writeFile(file, result.html);
            annotated++;
          }
        }

        const { index } = check('creating the index', await pagefind.createIndex({
          excludeSelectors: [...excludedFromIndex],
          // One index for the whole site: the pages are English; Cyrillic aliases are just more words.
          forceLanguage: 'en',
        }));
        try {
          check('indexing', await index!.addDirectory({ path: root }));
          const { outputPath } = check('writing', await index!.writeFiles({ outputPath: join(root, 'pagefind') }));
          const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
          const pages = Object.values(entry.languages).reduce((n, l) => n + (l.page_count ?? 0), 0);
          logger.info(`indexed ${pages} pages; ${annotated} carry aliases of the names they mention`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
