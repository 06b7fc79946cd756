/**
 * Writes docs/content-reference.md (frontmatter of every collection, components allowed in MDX)
 * from the zod schemas and the content guard's allow-list. `--check` exits non-zero when the file
 * is stale instead of writing it. Usage: npm run docs:content [-- --check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentReferenceMarkdown } from './lib/content-docs';

export const referenceFile = resolve(import.meta.dirname, '../docs/content-reference.md');

const text = contentReferenceMarkdown();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(referenceFile, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(`${referenceFile} is stale: run npm run docs:content and commit it.`);
    process.exit(1);
  }
  console.log(`${referenceFile} is up to date`);
} else {
  writeFileSync(referenceFile, text);
  console.log(`wrote ${referenceFile}`);
}
