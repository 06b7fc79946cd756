/**
 * Validates every file in content/ against the schemas and checks that every cross-link resolves,
 * without a full build. Usage: npm run check:content [-- content-dir]
 */
import { resolve } from 'node:path';
import { loadContent } from '../src/lib/load-content';
import { findBrokenReferences, formatProblems } from '../src/lib/references';

const contentDir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const { entries, errors } = loadContent(contentDir);
const broken = findBrokenReferences(entries);
if (errors.length || broken.length) {
  console.error([...errors, formatProblems(broken)].filter(Boolean).join('\n'));
  console.error(`\n${errors.length + broken.length} problem(s) in ${contentDir}`);
  process.exit(1);
}
console.log(`content OK: ${entries.length} entries in ${contentDir}`);
