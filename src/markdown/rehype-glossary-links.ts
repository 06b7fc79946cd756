import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';

export interface GlossaryTerm {
  id: string;
  /** The term and its aliases. */
  names: string[];
}

export interface GlossaryLinkOptions {
  terms: GlossaryTerm[];
  href: (id: string) => string;
  /** Which files get links; by default every file. */
  include?: (path: string) => boolean;
}

/** Elements whose text is not prose to link: headings, links, quotations, code, citations. */
const SKIP = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'code', 'pre', 'sup', 'figure', 'figcaption']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Links the first use of each glossary term (or any of its aliases) in a document to its
 * glossary page, so a reader meets the definition where the term first appears.
 */
export function rehypeGlossaryLinks(options: GlossaryLinkOptions) {
  const nameToId = new Map<string, string>();
  // A blank name would match the empty string at every position (the schema refuses one; this is the backstop).
  for (const term of options.terms) for (const name of term.names) if (/[\p{L}\p{N}]/u.test(name)) nameToId.set(name.toLowerCase(), term.id);
  const names = [...nameToId.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return () => {};
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

  return (tree: Root, file: VFile) => {
    if (options.include && !options.include(file.path ?? '')) return;
    const linked = new Set<string>();

    const linkText = (node: Text): ElementContent[] => {
      const out: ElementContent[] = [];
      let rest = node.value;
      pattern.lastIndex = 0;
      for (;;) {
        const match = pattern.exec(rest);
        if (!match) break;
        const id = nameToId.get(match[1]!.toLowerCase())!;
        if (linked.has(id)) continue;
        linked.add(id);
        if (match.index > 0) out.push({ type: 'text', value: rest.slice(0, match.index) });
        out.push({
          type: 'element',
          tagName: 'a',
          properties: { href: options.href(id), className: ['term'] },
          children: [{ type: 'text', value: match[1]! }],
        });
        rest = rest.slice(match.index + match[1]!.length);
        pattern.lastIndex = 0;
      }
      if (out.length === 0) return [node];
      if (rest) out.push({ type: 'text', value: rest });
      return out;
    };

    const walk = (parent: Root | Element) => {
      const next: Array<(typeof parent.children)[number]> = [];
      for (const child of parent.children) {
        if (child.type === 'text') next.push(...linkText(child));
        else {
          if (child.type === 'element' && !SKIP.has(child.tagName)) walk(child);
          next.push(child);
        }
      }
      parent.children = next as typeof parent.children;
    };
    walk(tree);
  };
}
