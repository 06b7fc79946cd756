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
 * Adds to an indexed page the names of every actor, place and term its text mentions, as hidden
 * Pagefind metadata: searchable, yet never in an excerpt. Returns the page unchanged when it is
 * not indexed or mentions none.
 */
export function addAliasMetadata(html: string, detect: (text: string) => NamedEntity[]): { html: string; mentioned: NamedEntity[] } {
  const text = indexedText(html);
  const mentioned = text === undefined ? [] : detect(text);
  const tag = BODY_TAG.exec(html);
  if (mentioned.length === 0 || !tag) return { html, mentioned };
  const at = tag.index + tag[0].length;
  const meta = `<span hidden data-pagefind-meta="aliases[data-value]" data-value="${escapeAttribute(aliasText(mentioned))}"></span>`;
  return { html: html.slice(0, at) + meta + html.slice(at), mentioned };
}
