import { load } from 'cheerio';
import { aliasText, type NamedEntity } from './aliases';
import { excludedFromIndex } from './search-scope';

/** The text Pagefind indexes for a page: its data-pagefind-body element, minus the excluded parts. */
export function indexedText(html: string): string | undefined {
  const $ = load(html);
  const body = $('[data-pagefind-body]');
  if (body.length === 0) return undefined;
  body.find([...excludedFromIndex, 'script', 'style', 'template'].join(',')).remove();
  // Text nodes one by one, so words in adjacent blocks ("<p>Kyiv</p><p>Minsk</p>") stay apart.
  const parts: string[] = [];
  body.find('*').addBack().contents().each((_, node) => {
    if (node.type === 'text') parts.push(node.data);
  });
  return parts.join(' ');
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const BODY_TAG = /<[a-z][^>]*\sdata-pagefind-body(?=[\s=/>])[^>]*>/i;

/**
 * The copy of a page that Pagefind indexes: `extra` markup (the page's facets, see recordMarkup)
 * and the names of every actor, place and term its text mentions, as hidden metadata
 * (searchable, never in an excerpt), added at the start of its data-pagefind-body element.
 * Returns the page unchanged when it is not indexed.
 */
export function prepareForIndex(html: string, detect: (text: string) => NamedEntity[], extra = ''): { html: string; mentioned: NamedEntity[] } {
  const text = indexedText(html);
  const tag = BODY_TAG.exec(html);
  if (text === undefined || !tag) return { html, mentioned: [] };
  const mentioned = detect(text);
  const aliases = mentioned.length > 0
    ? `<span hidden data-pagefind-meta="aliases[data-value]" data-value="${escapeAttribute(aliasText(mentioned))}"></span>`
    : '';
  if (!aliases && !extra) return { html, mentioned };
  const at = tag.index + tag[0].length;
  return { html: html.slice(0, at) + extra + aliases + html.slice(at), mentioned };
}
