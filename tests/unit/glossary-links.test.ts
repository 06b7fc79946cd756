import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { VFile } from 'vfile';
import { rehypeGlossaryLinks } from '../../src/markdown/rehype-glossary-links';

const p = (...children: Root['children']): Element => ({ type: 'element', tagName: 'p', properties: {}, children: children as Element['children'] });
const text = (value: string) => ({ type: 'text' as const, value });
const el = (tagName: string, ...children: Root['children']): Element => ({ type: 'element', tagName, properties: {}, children: children as Element['children'] });

function run(tree: Root, path = '/x/content/explainers/a.mdx') {
  const transform = rehypeGlossaryLinks({
    terms: [
      { id: 'package-of-measures', names: ['Package of Measures', 'Minsk II'] },
      { id: 'osce', names: ['OSCE'] },
    ],
    href: (id) => `/glossary/${id}/`,
    include: (file) => file.includes('/explainers/'),
  });
  transform(tree, new VFile({ path }));
  return tree;
}

const links = (node: Root | Element): string[] =>
  node.children.flatMap((c) =>
    c.type === 'element' ? (c.tagName === 'a' ? [`${c.properties.href}:${(c.children[0] as { value: string }).value}`] : links(c)) : [],
  );

describe('glossary links', () => {
  it('links the first use of each term or alias only, keeping the surrounding text', () => {
    const tree: Root = { type: 'root', children: [p(text('After Minsk II the OSCE monitored. The Package of Measures and the osce again.'))] };
    run(tree);
    expect(links(tree)).toEqual(['/glossary/package-of-measures/:Minsk II', '/glossary/osce/:OSCE']);
    const para = tree.children[0] as Element;
    expect(para.children.map((c) => (c.type === 'text' ? c.value : `[${(c as Element).children.map((t) => (t as { value: string }).value).join('')}]`)).join('')).toBe(
      'After [Minsk II] the [OSCE] monitored. The Package of Measures and the osce again.',
    );
  });

  it('leaves headings, quotations and existing links alone, and only matches whole words', () => {
    const tree: Root = {
      type: 'root',
      children: [el('h2', text('OSCE')), el('blockquote', text('OSCE')), p(text('OSCEX is not a term; OSCE is.'))],
    };
    run(tree);
    expect(links(tree)).toEqual(['/glossary/osce/:OSCE']);
    expect(((tree.children[2] as Element).children[0] as { value: string }).value).toBe('OSCEX is not a term; ');
  });

  it('does nothing outside the included files', () => {
    const tree: Root = { type: 'root', children: [p(text('The OSCE.'))] };
    run(tree, '/x/content/sources/s.mdx');
    expect(links(tree)).toEqual([]);
  });
});
