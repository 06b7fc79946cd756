import { headMetas } from '../page-head';

/**
 * Whether a built page asks search engines not to index it (`<meta name="robots" content="noindex">`
 * in its head): a moved page's redirect stub does. Such a page has no place in the sitemap, which
 * lists the pages a search engine should index.
 */
export function asksNotToIndex(html: string): boolean {
  // Most pages do not have the word at all: the parser runs only for those that do.
  return /noindex/i.test(html)
    && headMetas(html).some((meta) => meta.name?.toLowerCase() === 'robots' && /\bnoindex\b/i.test(meta.content ?? ''));
}
