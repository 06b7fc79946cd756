/**
 * Validates every file in content/ against the schemas, checks that every cross-link resolves and
 * that content MDX is data (the build's content guard), without a full build.
 * Usage: npm run check:content [-- content-dir]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkMdxText, formatContentProblems } from '../src/lib/content-guard';
import { blankFrontmatter, checkProseFiles, loadContent } from '../src/lib/load-content';
import { findBrokenReferences, formatProblems } from '../src/lib/references';
import { createBodyRenderer, disallowedHtmlMessage, sanitizeBodyHtml } from '../src/lib/body-html';

const contentDir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const { entries, errors } = loadContent(contentDir);
const broken = findBrokenReferences(entries);
const guarded = entries
  .filter((e) => e.filePath?.endsWith('.mdx'))
  .flatMap((e) => formatContentProblems(e.filePath!, checkMdxText(blankFrontmatter(readFileSync(e.filePath!, 'utf8')), e.collection)));
// Source bodies are rendered as the build renders them (Sätteri, where raw HTML is live) and held to
// the same allow-list, so this check and the build refuse the same bodies (docs/security.md).
const renderer = await createBodyRenderer();
for (const entry of entries.filter((e) => e.collection === 'sources' && e.body !== undefined)) {
  const { code } = await renderer.render(entry.body!, { frontmatter: {}, fileURL: new URL(`file:///${entry.filePath}`) } as Parameters<typeof renderer.render>[1]);
  const { disallowed } = sanitizeBodyHtml(code);
  if (disallowed.length) guarded.push(disallowedHtmlMessage(entry.filePath!, disallowed));
}
// Our own words: no copied quotations, canonical names, no internal labels (src/lib/prose.ts).
guarded.push(...checkProseFiles(entries));
const count = errors.length + broken.length + guarded.length;
if (count) {
  console.error([...errors, formatProblems(broken), ...guarded].filter(Boolean).join('\n'));
  console.error(`\n${count} problem(s) in ${contentDir}`);
  process.exit(1);
}
console.log(`content OK: ${entries.length} entries in ${contentDir}`);
