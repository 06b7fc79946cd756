import { Parser } from 'htmlparser2';

/**
 * The attributes of every <meta> in a built page's head (names lowercased, entities decoded), read
 * with an HTML parser: text inside another attribute (a summary in the description meta) is never
 * a tag. The parser stops at the end of the head, since the body is most of a page and the build
 * reads every page (the `_headers` policies, the sitemap's filter).
 */
export function headMetas(html: string): Array<Record<string, string>> {
  const metas: Array<Record<string, string>> = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta') metas.push(attributes);
      },
      onclosetag(name) {
        if (name === 'head') parser.pause();
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  return metas;
}
