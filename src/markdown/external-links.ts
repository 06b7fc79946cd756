import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Options } from 'rehype-external-links';

/**
 * How a link that leaves the site looks and behaves, in one place: content links get it from
 * rehype-external-links, links in pages from <ExternalLink>. It opens in the same tab, passes no
 * opener or referrer, and says it is external both visibly (↗) and to screen readers.
 */
export const externalRel = ['noopener', 'noreferrer'];
export const externalClass = 'external';
export const externalLabel = '(external link)';

/** The marker appended inside an external link. */
export const externalMarker: Element = {
  type: 'element',
  tagName: 'span',
  properties: { className: ['external-marker'] },
  children: [
    { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '↗' }] },
    { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: ` ${externalLabel}` }] },
  ],
};

export const externalMarkerHtml = toHtml(externalMarker);

/** Options for rehype-external-links (content MDX); http(s) URLs are external. */
export const rehypeExternalLinksOptions: Options = {
  rel: externalRel,
  properties: { className: [externalClass] },
  // The plugin wraps `content` in a span of its own; hand it the marker's children and class.
  content: externalMarker.children as ElementContent[],
  contentProperties: externalMarker.properties,
};
