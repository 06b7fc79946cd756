import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { entityDetector } from '../lib/aliases';
import type { PagefindEntry } from '../lib/offline';
import { addAliasMetadata } from '../lib/search-annotate';
import { excludedFromIndex } from '../lib/search-scope';
import { vocabularyPath, type SearchVocabulary } from '../lib/search-vocabulary';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Search index: ${step} failed:\n${response.errors.join('\n')}`);
  return response;
}

/**
 * Indexes a built site in place: first gives every indexed page the aliases of the actors,
 * places and terms it mentions (src/lib/aliases.ts), read from the vocabulary the build
 * published, then runs Pagefind over the pages into <root>/pagefind/.
 */
export async function buildSearchIndex(root: string): Promise<{ pages: number; withAliases: number }> {
  const vocabularyFile = join(root, vocabularyPath);
  let vocabulary: SearchVocabulary;
  try {
    vocabulary = JSON.parse(await readFile(vocabularyFile, 'utf8')) as SearchVocabulary;
  } catch (error) {
    throw new Error(`Search index: cannot read ${vocabularyFile} (published by src/pages/search-vocabulary.json.ts): ${(error as Error).message}`);
  }
  const detect = entityDetector(vocabulary.entities);
  let withAliases = 0;
  for (const file of await htmlFiles(root)) {
    const html = await readFile(file, 'utf8');
    const result = addAliasMetadata(html, detect);
    if (result.html !== html) {
      await writeFile(file, result.html);
      withAliases++;
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
    return { pages: Object.values(entry.languages).reduce((n, l) => n + (l.page_count ?? 0), 0), withAliases };
  } finally {
    await pagefind.close();
  }
}

/** Builds the search index as the last step of `astro build`, so no manual step is needed. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'mte:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, withAliases } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pages} pages; ${withAliases} carry aliases of the names they mention`);
      },
    },
  };
}
