import { Parser } from 'htmlparser2';

/**
 * Whether a built page asks search engines not to index it (`<meta name="robots" content="noindex">`
 * in its head): a moved page's redirect stub does. Such a page has no place in the sitemap, which
 * lists the pages a search engine should index.
 */
export function asksNotToIndex(html: string): boolean {
  // Most pages do not have the word at all: the parser runs only for those that do.
  if (!/noindex/i.test(html)) return false;
  let noindex = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta' && attributes.name?.toLowerCase() === 'robots' && /\bnoindex\b/i.test(attributes.content ?? '')) noindex = true;
      },
      onclosetag(name) {
        if (name === 'head') parser.pause();
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  return noindex;
}
