import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { listEntryFiles, readEntryText } from '../load-content';
import type { CollectionName } from '../schemas/common';

/** Throws one error listing every problem, so the editor sees them all at once. */
export function failOnProblems(collection: string, problems: string[]): void {
  if (problems.length) throw new Error(`${problems.length} problem(s) in content/${collection}:\n${problems.join('\n')}`);
}

/**
 * Astro's glob loader for one collection folder, once every file has passed the checks that
 * `npm run check:content` runs (src/content/load-content.ts). Without them glob would take an id from a
 * `slug` field (one file could replace another entry), keep the last of two files with one id,
 * read sub-folders into ids Astro's routes reject, expand YAML aliases and roll 2025-02-30 over
 * to 2 March before any schema saw it.
 */
export function entryFiles(options: { base: string; collection: CollectionName; extensions: readonly string[] }): Loader {
  const { extensions } = options;
  const pattern = extensions.length === 1 ? `*${extensions[0]}` : `*.{${extensions.map((e) => e.slice(1)).join(',')}}`;
  const inner = glob({ pattern, base: options.base, generateId: ({ entry }) => basename(entry, extname(entry)) });
  return {
    name: 'entry-files',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const dir = fileURLToPath(new URL(options.base.replace(/\/?$/, '/'), context.config.root));
      const { files, problems } = listEntryFiles(dir, extensions, root);
      for (const file of files) {
        problems.push(...readEntryText(await readFile(file.path, 'utf8'), file.ext, options.collection, file.shown).problems);
      }
      failOnProblems(options.collection, problems);
      await inner.load(context);
    },
  };
}
