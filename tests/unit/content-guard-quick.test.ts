import { describe, expect, it } from 'vitest';
import { checkMdxText } from '../../src/content/checks/content-guard';

/**
 * checkMdxText first parses with Sätteri and returns early when that tree is clean: it must never
 * call clean a body that remark-mdx finds a problem in. More shapes than the guard's own cases.
 */
const problems: Array<[name: string, mdx: string]> = [
  ['an HTML comment', 'Text <!-- hidden --> more.'],
  ['an autolink', 'See <https://example.org>.'],
  ['a block element', '<div>\n\nblock\n\n</div>'],
  ['an expression comment', '{/* note */}'],
  ['an upper-case javascript: link', '[x](JAVASCRIPT:alert(1))'],
  ['a javascript: reference definition', 'See [x].\n\n[x]: javascript:alert(1)'],
  ['an unclosed component', 'Text <Cite source="a">'],
  ['a script with a src', '<script src="https://example.org/x.js"></script>'],
  ['a component in a source', 'Claim.<Quote source="a" id="q" />'],
  ['an export after prose', 'Prose.\n\nexport const x = 1'],
  ['a style attribute', '<abbr style="color:red" title="t">T</abbr>'],
];

describe('the content guard, quick parse first', () => {
  for (const [name, mdx] of problems) {
    it(`still rejects ${name}`, () => {
      expect(checkMdxText(mdx, 'sources').length).toBeGreaterThan(0);
    });
  }

  it('accepts clean prose with the allowed inline elements and links', () => {
    const mdx = 'A [link](https://example.org/) and [a page](/sources/a/), <abbr title="European Union">EU</abbr>, H<sub>2</sub>O.\n\n## Key points\n\n- One “quoted” point — with a dash.';
    expect(checkMdxText(mdx, 'sources')).toEqual([]);
  });
});
