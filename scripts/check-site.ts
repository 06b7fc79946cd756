/**
 * Crawls a built site: fails on any broken internal link, missing asset or #fragment, any internal
 * URL outside the deploy base path, and any HTML validation error. The last step of `npm run check`.
 * Usage: npm run check:site [-- dist-dir]; BASE and SITE as for the build.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findBrokenLinks, htmlFiles, validateHtml, type Finding } from './lib/built-site';

const dist = resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`${dist} has no index.html: build the site first (npm run build).`);
  process.exit(1);
}
const base = process.env.BASE ?? '/';
const links = findBrokenLinks(dist, { base, site: process.env.SITE });
const html = await validateHtml(dist);

const print = (title: string, findings: Finding[]) => {
  if (findings.length === 0) return;
  console.error(`\n${title} (${findings.length}):`);
  for (const f of findings) console.error(`  ${f.file}: ${f.message}`);
};
print('Broken links, assets and fragments', links);
print('HTML validation errors', html);
const pages = htmlFiles(dist).length;
if (links.length + html.length > 0) {
  console.error(`\ncheck-site: ${links.length + html.length} problem(s) in ${pages} pages of ${dist} (base ${base})`);
  process.exit(1);
}
console.log(`check-site OK: ${pages} pages in ${dist} (base ${base}): every internal link, asset and #fragment resolves; HTML valid`);
