/** Built-site readers shared with scripts/check-site.ts (the crawl behind `npm run check`). */
export { fileForPath, htmlFiles, page } from '../../scripts/lib/built-site';
