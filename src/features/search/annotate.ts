import { compile, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { Parser, parseDocument } from 'htmlparser2';
import { aliasText, type NamedEntity } from './aliases';
import { excludedFromIndex } from './scope';

const skipped = compile<AnyNode, Element>([...excludedFromIndex, 'script', 'style', 'template'].join(','));

/**
 * The text Pagefind indexes for a page: its data-pagefind-body element, minus the excluded parts.
 * htmlparser2 and css-select (what cheerio is built on) directly: this runs on every indexed page
 * of a build, where cheerio's DOM was the slow part on long actor and outlet pages (docs/benchmarks.md).
 */
export function indexedText(html: string): string | undefined {
  const doc = parseDocument(html);
  const body = selectOne('[data-pagefind-body]', doc);
  if (!body) return undefined;
  // Text nodes one by one, in document order, so words in adjacent blocks ("<p>Kyiv</p><p>Minsk</p>") stay apart.
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') parts.push(node.data);
    else if ('children' in node && (node === body || node.type !== 'tag' || !skipped(node))) node.children.forEach(walk);
  };
  walk(body);
  return parts.join(' ');
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Where the data-pagefind-body start tag is, found by an HTML parser: markup inside an attribute
 * (a summary in the description meta) is text, not a tag, so it cannot move what is indexed.
 */
function bodyTag(html: string): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  const parser = new Parser({
    onopentag(_name, attributes) {
      if (found || !Object.hasOwn(attributes, 'data-pagefind-body')) return;
      found = { start: parser.startIndex, end: parser.endIndex + 1 };
      parser.pause();
    },
  });
  parser.write(html);
  return found;
}

/**
 * The page from its data-pagefind-body element on: all that decides its indexed text (the header
 * before it carries the build's version, which changes every build). Undefined when not indexed.
 */
export function indexedPart(html: string): string | undefined {
  const tag = bodyTag(html);
  return tag ? html.slice(tag.start) : undefined;
}

/** Which actors, places and terms a page's indexed text mentions; undefined for a page not indexed. */
export type MentionFinder = (html: string) => NamedEntity[] | undefined;

/** Finds mentions by reading the page's indexed text with `detect` (entityDetector in aliases.ts). */
export const mentionsBy = (detect: (text: string) => NamedEntity[]): MentionFinder => (html) => {
  const text = indexedText(html);
  return text === undefined ? undefined : detect(text);
};

/**
 * The copy of a page that Pagefind indexes: `extra` markup (the page's facets, see recordMarkup)
 * and the names of every actor, place and term its text mentions, as hidden metadata
 * (searchable, never in an excerpt), added at the start of its data-pagefind-body element.
 * Returns the page unchanged when it is not indexed.
 */
export function prepareForIndex(html: string, mentionsIn: MentionFinder, extra = ''): { html: string; mentioned: NamedEntity[] } {
  const tag = bodyTag(html);
  const mentioned = tag ? mentionsIn(html) : undefined;
  if (!tag || mentioned === undefined) return { html, mentioned: [] };
  const aliases = mentioned.length > 0
    ? `<span hidden data-pagefind-meta="aliases[data-value]" data-value="${escapeAttribute(aliasText(mentioned))}"></span>`
    : '';
  if (!aliases && !extra) return { html, mentioned };
  const at = tag.end;
  return { html: html.slice(0, at) + extra + aliases + html.slice(at), mentioned };
}
