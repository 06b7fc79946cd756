import { describe, expect, it } from 'vitest';
import { checkMdxText, collectionOf, unsafeUrlScheme } from '../../src/content/checks/content-guard';

/** Each case: MDX in an explainer, and the problem the guard must report at line 1 and this column. */
const rejected: Array<[name: string, mdx: string, column: number, message: RegExp]> = [
  ['an import', 'import X from "./x.js"', 1, /import statement/],
  ['an export', 'export const x = 1', 1, /export statement/],
  ['a flow expression', '{alert(1)}', 1, /JavaScript expression \{alert\(1\)\}/],
  ['a text expression', 'Two is {1 + 1}.', 8, /JavaScript expression \{1 \+ 1\}/],
  ['an expression attribute', '<Cite source={"x"} />', 7, /JavaScript expression in attribute source=\{"x"\}/],
  ['a spread attribute', '<Cite {...props} />', 7, /spread attribute/],
  ['an element off the allow-list', '<Chart data="x" />', 1, /<Chart> is not an element content may use/],
  ['a lowercase element off the allow-list', '<div>text</div>', 1, /<div> is not an element/],
  ['a fragment', '<>text</>', 1, /JSX fragment/],
  ['a script', '<script>alert(1)</script>', 1, /<script> element: content cannot contain scripts/],
  ['an iframe', '<iframe src="https://example.org" />', 1, /<iframe> element: content cannot contain embedded frames/],
  ['a style element', '<style>{"p{}"}</style>', 1, /<style> element: content cannot contain style sheets/],
  ['an event handler on a component', '<Cite source="a" onClick="x()" />', 18, /event handler attribute onClick on <Cite>/],
  ['an event handler on HTML', '<abbr title="t" onmouseover="x()">T</abbr>', 17, /event handler attribute onmouseover on <abbr>/],
  ['an attribute off the allow-list', '<abbr class="x" title="t">T</abbr>', 7, /attribute class is not allowed on <abbr>/],
  ['a javascript: Markdown link', '[x](javascript:alert(1))', 1, /link with a javascript: URL/],
  ['a vbscript: Markdown link', '[x](VBScript:msgbox)', 1, /link with a vbscript: URL/],
  ['a data: Markdown image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', 1, /image with a data: URL/],
  ['a javascript: link definition', '[x]: javascript:alert(1)', 1, /link with a javascript: URL/],
  ['a javascript: HTML link', '<a href="javascript:alert(1)">x</a>', 4, /href with a javascript: URL on <a>/],
  ['an obfuscated HTML link', '<a href=" java\tscript:alert(1)">x</a>', 4, /href with a javascript: URL/],
  ['a data: HTML image', '<img src="data:image/png;base64,AAAA" alt="x" />', 6, /src with a data: URL on <img>/],
];

describe('the content guard', () => {
  for (const [name, mdx, column, message] of rejected) {
    it(`rejects ${name}, at line and column, with a fix`, () => {
      const problems = checkMdxText(mdx, 'explainers');
      expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
      const problem = problems.find((p) => message.test(p.message));
      expect(problem, JSON.stringify(problems)).toBeDefined();
      expect([problem!.line, problem!.column]).toEqual([1, column]);
      expect(problem!.fix.length).toBeGreaterThan(10);
    });
  }

  it('asks for links and images in Markdown, so the build can mark and rebase them', () => {
    const [link, image] = checkMdxText('<a href="https://example.org">x</a>\n\n<img src="/x.png" alt="x" />', 'explainers');
    expect(link).toMatchObject({ message: '<a> is not an element content may use', fix: expect.stringMatching(/\[text\]\(https:/) });
    expect(image).toMatchObject({ line: 3, fix: expect.stringMatching(/!\[text alternative\]/) });
  });

  it('keeps citation components to explainers', () => {
    const [problem] = checkMdxText('Text.<Cite source="a" />', 'sources');
    expect(problem?.message).toBe('<Cite> is not available in sources');
  });

  it('allows Markdown, safe links, the site components and the HTML allow-list', () => {
    const mdx = [
      '## Heading',
      '',
      'Text with *emphasis*, a [site link](/sources/x/), a [fragment](#top), an [external](https://example.org) link,',
      'a [mail](mailto:desk@example.org) link, <abbr title="Organization for Security and Co-operation in Europe">OSCE</abbr>,',
      'H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <small>aside</small>,<br />an escaped \\{brace\\}.',
      '',
      '<Quote source="a" id="b" inline="true" /> <Cite source="a" />',
      '',
      '<Variants title="t">',
      '  <Variant source="a" quote="q" />',
      '  <Variant source="b">Our words.</Variant>',
      '</Variants>',
      '',
      '![logo](/favicon.svg "the logo")',
    ].join('\n');
    expect(checkMdxText(mdx, 'explainers')).toEqual([]);
  });

  it('reports every problem in a file, in document order', () => {
    const problems = checkMdxText('import x from "y"\n\nA {b} c.\n\n<script>d</script>', 'explainers');
    expect(problems.map((p) => [p.line, p.column])).toEqual([[1, 1], [3, 3], [5, 1]]);
  });

  it('reports MDX that cannot be parsed, with its position', () => {
    const [problem] = checkMdxText('Text\n\n<Cite source="a">\n', 'explainers');
    expect(problem?.message).toMatch(/MDX cannot be parsed/);
    expect(problem?.line).toBeGreaterThan(0);
  });

  it('tells unsafe URL schemes from safe and relative URLs', () => {
    expect(unsafeUrlScheme('javascript:x')).toBe('javascript');
    expect(unsafeUrlScheme(' JaVa\nScRiPt:x')).toBe('javascript');
    expect(unsafeUrlScheme('data:text/html,x')).toBe('data');
    expect(unsafeUrlScheme('file:///etc/passwd')).toBe('file');
    for (const ok of ['https://a.b/c', 'http://a', 'mailto:a@b.c', '/sources/x/', '../x', '#frag', '?q=1', 'x/y:z']) {
      expect(unsafeUrlScheme(ok), ok).toBeUndefined();
    }
  });

  it('applies only to files under the content directory', () => {
    expect(collectionOf('/site/content', '/site/content/explainers/a.mdx')).toBe('explainers');
    expect(collectionOf('/site/content/', '/site/content/sources/b.mdx')).toBe('sources');
    expect(collectionOf('/site/content', '/site/src/pages/c.mdx')).toBeUndefined();
    expect(collectionOf('/site/content', '/site/contented/d.mdx')).toBeUndefined();
  });
});
