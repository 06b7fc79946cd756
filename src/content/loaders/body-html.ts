import type { Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { satteri } from '@astrojs/markdown-satteri';
import type { MarkdownRenderer } from 'astro/markdown';
import { htmlToHast } from 'satteri';

/**
 * What a source body's HTML may contain: exactly what Markdown and GFM produce, nothing an editor
 * could only get by writing HTML. Source bodies are rendered by Sätteri (CommonMark + GFM), where
 * raw HTML is live, so this allow-list applies to the tree that is rendered: whatever a checker
 * reads in the Markdown, what reaches readers is one of these elements with these attributes.
 */
export const bodySchema: Schema = {
  tagNames: [
    'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img',
    'input', 'li', 'ol', 'p', 'pre', 'section', 'strong', 'sup', 'table', 'tbody', 'td', 'th',
    'thead', 'tr', 'ul',
  ],
  attributes: {
    a: ['href', 'title', 'id', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', ['className', 'data-footnote-backref']],
    img: ['src', 'alt', 'title'],
    code: [['className', /^language-[\w-]+$/]],
    h1: ['id'], h2: ['id', ['className', 'sr-only']], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
    li: ['id', ['className', 'task-list-item']],
    ol: ['start'],
    ul: [['className', 'contains-task-list']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    input: [['type', 'checkbox'], 'checked', ['disabled', true]],
    // GFM column alignment; the only style a body may carry.
    th: [['style', /^text-align: (left|center|right)$/]],
    td: [['style', /^text-align: (left|center|right)$/]],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  // Heading and footnote ids are Sätteri's own (slugs, user-content-fn-1), not an editor's.
  clobber: [],
  // Relative links and images (site paths) carry no scheme and are kept; any scheme but these is removed.
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // Elements whose text would show as junk when unwrapped.
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'title', 'textarea', 'select'],
};

/** What sanitizing removes from a tree, named for an editor: elements by tag, else attributes or schemes. */
export function disallowedHtml(tree: Root): string[] {
  if (toHtml(tree) === toHtml(sanitize(tree, bodySchema))) return [];
  const allowed = new Set(bodySchema.tagNames);
  const found = new Set<string>();
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element' && !allowed.has(node.tagName)) found.add(`<${node.tagName}>`);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return found.size ? [...found] : ['an attribute or link scheme (only http, https and mailto links; no styles or event handlers)'];
}

/**
 * A rendered body's HTML as a tree with everything outside the allow-list removed, and what was
 * removed (empty for a body written in Markdown only).
 */
export function sanitizeBodyHtml(html: string): { tree: Root; disallowed: string[] } {
  const rendered = htmlToHast(html, { fragment: true }) as Root;
  return { tree: sanitize(rendered, bodySchema) as Root, disallowed: disallowedHtml(rendered) };
}

/** The message every entry point prints for a body that renders HTML, at the body's first line. */
export function disallowedHtmlMessage(shown: string, disallowed: string[], at: { line: number; column: number }): string {
  return `${shown}:${at.line}:${at.column}: (body): the body renders HTML a source may not contain: ${disallowed.join(', ')}. Write Markdown only (paragraphs, emphasis, lists, quotes, links to http(s) or site paths); HTML is not published`;
}

/**
 * Sätteri with the options the sources collection renders bodies with (Astro's defaults: GFM and
 * smart punctuation on, no highlighting), for checking bodies outside a build.
 */
export function createBodyRenderer(): Promise<MarkdownRenderer> {
  return satteri().createRenderer({ gfm: true, smartypants: true, syntaxHighlight: false } as Parameters<ReturnType<typeof satteri>['createRenderer']>[0]);
}
