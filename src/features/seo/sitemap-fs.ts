import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asksNotToIndex } from './sitemap';

/**
 * The sitemap's page filter (node: reads the built pages): leaves out a page whose built HTML asks
 * not to be indexed, so what the sitemap lists is decided by what was rendered. The sitemap
 * integration calls it with each page's full URL once the pages are in `outDir`.
 */
export function indexablePages(outDir: string, base: string): (url: string) => boolean {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (url) => {
    const path = decodeURI(new URL(url).pathname);
    const file = join(outDir, path.startsWith(prefix) ? path.slice(prefix.length) : path, 'index.html');
    return !existsSync(file) || !asksNotToIndex(readFileSync(file, 'utf8'));
  };
}
