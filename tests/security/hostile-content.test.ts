import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarkdownRenderer } from 'astro/markdown';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBodyRenderer, sanitizeBodyHtml } from '../../src/content/loaders/body-html';
import { checkMdxText, climbsOut } from '../../src/content/checks/content-guard';
import { headerPolicy, policiesInHtml } from '../../src/features/security/csp';
import { htmlText } from '../../src/features/seo/feed';
import { listEntryFiles, readEntryText } from '../../src/content/load-content';
import { indexedPart, prepareForIndex } from '../../src/features/search/annotate';
import { rehypeGlossaryLinks } from '../../src/markdown/rehype-glossary-links';
import { actorSchema, glossarySchema, plainReference, quoteSchema, sourceSchema } from '../../src/content/schemas';

/**
 * Content arrives by pull request, possibly from strangers (docs/security.md). Each case here is
 * an attack that once reached readers, or a variant of one; tests/security/hostile-builds.test.ts
 * proves the same through real builds.
 */

let renderer: MarkdownRenderer;
beforeAll(async () => {
  renderer = await createBodyRenderer();
});
const render = async (markdown: string) => {
  const { code } = await renderer.render(markdown, { frontmatter: {}, fileURL: new URL('file:///x/body.mdx') } as Parameters<MarkdownRenderer['render']>[1]);
  const { tree, disallowed } = sanitizeBodyHtml(code);
  return { raw: code, html: toHtml(tree), disallowed };
};

/** Markdown that Sätteri renders into live HTML although a Markdown reader sees text or code. */
const hostileBodies: Array<[string, string, RegExp]> = [
  ['a <br /> line before a code span holding a script', '<br />\n`<script>alert(1)</script><iframe src="https://evil.example"></iframe>`', /<script|<iframe/],
  ['an HTML block that starts with a comment', '<!-- x -->\n<iframe src="https://evil.example" hidden></iframe>', /<iframe/],
  ['a meta refresh', '<div>\n<meta http-equiv="refresh" content="0;url=https://evil.example">\n</div>', /<meta|refresh/],
  ['a GFM table cell whose code span crosses a pipe', '| a | b |\n|---|---|\n| 1 | `<img src=x onerror=alert(1)>|</b>` |', /onerror/],
  ['a footnote definition holding HTML', 'Text[^1]\n\n[^1]: <a href="https://evil.example" style="position:fixed;inset:0">x</a>', /style=/],
  ['a javascript: link', '[click](javascript:alert(1))', /javascript:/],
  ['an entity-encoded javascript: link', '<a href="jav&#x61;script:alert(1)">x</a>', /href=|javascript/i],
  ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', /data:/],
  ['an SVG with a script', '<svg><script>alert(1)</script></svg>', /<svg|<script/],
  ['a form posting elsewhere', '<form action="https://evil.example"><input name=p></form>', /<form|action=/],
  ['a base element', '<base href="https://evil.example/">', /<base/],
  ['a style element', '<style>body{display:none}</style>', /<style|display:none/],
  ['an object', '<object data="https://evil.example/x.swf"></object>', /<object/],
  ['an event handler on an allowed tag', '<p onclick="alert(1)">x</p>', /onclick/],
  ['a link element', '<link rel="stylesheet" href="https://evil.example/x.css">', /<link/],
];

describe('source bodies: what is rendered is what was checked', () => {
  for (const [name, markdown, leaked] of hostileBodies) {
    it(`refuses ${name}, and publishes none of it`, async () => {
      const { disallowed, html } = await render(markdown);
      expect(disallowed.length, html).toBeGreaterThan(0);
      expect(html).not.toMatch(leaked);
    });
  }

  it('passes Markdown through unchanged: headings, emphasis, lists, tables, footnotes, links', async () => {
    const markdown = '## A heading\n\nSome *text*, **bold**, `code` and ~~gone~~.[^1]\n\n> quoted\n\n1. one\n2. two\n\n- [x] done\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n[site](/sources/x/) [web](https://example.org) [mail](mailto:a@example.org)\n\n![map](/images/map.png "Map")\n\n---\n\n[^1]: A note.';
    const { raw, html, disallowed } = await render(markdown);
    expect(disallowed).toEqual([]);
    for (const kept of ['<h2 id="a-heading">', '<em>text</em>', '<del>gone</del>', '<blockquote>', '<ol>', 'type="checkbox"', 'style="text-align: center"', 'href="/sources/x/"', 'href="mailto:a@example.org"', 'src="/images/map.png"', 'data-footnote-ref', 'id="user-content-fn-1"', '<hr>']) {
      expect(html).toContain(kept);
    }
    expect(html.replace(/\s+/g, '')).toBe(toHtml(sanitizeBodyHtml(raw).tree).replace(/\s+/g, ''));
  });
});

describe('the site-wide headers come from the configuration', () => {
  const page = (head: string) => `<!doctype html><html><head>${head}</head><body><main data-pagefind-body>x</main></body></html>`;
  const real = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAAA'; style-src 'self' 'sha256-BBBB'">`;

  it('a policy written into a summary (the description meta) is text, not a policy', () => {
    const summary = `x"><meta http-equiv=content-security-policy content='script-src https://evil.example; frame-ancestors https://evil.example'>`;
    const html = page(`${real}<meta name="description" content="${summary.replaceAll('"', '&quot;')}">`);
    expect(policiesInHtml(html)).toHaveLength(1);
    const policy = headerPolicy([{ file: 'x/index.html', policy: policiesInHtml(html)[0]! }]);
    expect(policy).not.toContain('evil.example');
    expect(policy).toContain("'sha256-AAAA'");
    expect(policy).toContain("style-src 'self' 'sha256-BBBB'");
  });

  it('a page whose policy allows more than the configuration fails the build', () => {
    for (const extra of ["script-src 'self' https://evil.example", "frame-ancestors https://evil.example", "script-src 'unsafe-inline'", "default-src *"]) {
      expect(() => headerPolicy([{ file: 'p/index.html', policy: extra }])).toThrow(/p\/index\.html: its Content-Security-Policy has/);
    }
  });

  it('markup in a summary cannot move what search indexes', () => {
    const html = `<html><head><meta name="description" content="<i data-pagefind-body>"></head><body><header>nav</header><main data-pagefind-body><p>Body</p></main></body></html>`;
    expect(indexedPart(html)).toMatch(/^<main data-pagefind-body>/);
    const { html: copy } = prepareForIndex(html, () => [], '<span data-pagefind-filter="type">Source</span>');
    expect(copy).toContain('<main data-pagefind-body><span data-pagefind-filter="type">Source</span><p>Body</p>');
  });
});

describe('entry files', () => {
  const collection = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'mte-sec-'));
    const dir = join(root, 'content/actors');
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return listEntryFiles(dir, ['.yaml', '.yml'], root).problems;
  };
  const actor = 'name: Vladimir Putin\nrole: President of Russia\ncountry: Russia\ndescription: Impostor.\n';

  it('a second file claiming an id fails, naming both files', () => {
    expect(collection({ 'vladimir-putin.yaml': actor, 'vladimir-putin.yml': actor })).toEqual([
      expect.stringMatching(/content\/actors\/vladimir-putin\.yml:1:1: \(file name\): id "vladimir-putin" is already taken by content\/actors\/vladimir-putin\.yaml/),
    ]);
  });

  it('a file in a sub-folder, or whose name is no id, fails naming the file', () => {
    expect(collection({ 'sub/x.yaml': actor })).toEqual([expect.stringMatching(/content\/actors\/sub\/x\.yaml:1:1: \(file\): entries are read only directly inside content\/actors\//)]);
    expect(collection({ 'Vladimir Putin.yaml': actor })).toEqual([expect.stringMatching(/Vladimir Putin\.yaml:1:1: \(file name\)/)]);
  });

  it('a slug field cannot take over another entry: unknown fields are refused', () => {
    const { problems } = readEntryText(`${actor}slug: vladimir-putin\n`, '.yaml', 'actors', 'content/actors/impostor.yaml');
    expect(problems).toEqual([expect.stringMatching(/impostor\.yaml:5:1: .*unknown field "slug".*id is its file name/)]);
  });

  it('YAML anchors and aliases are refused quickly, an alias bomb included', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const started = performance.now();
    const { problems } = readEntryText(`---\ntitle: t\n${bomb}\n---\nBody.`, '.mdx', 'sources', 'content/sources/bomb.mdx');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([expect.stringMatching(/bomb\.mdx:3:\d+: \(file\): YAML anchor &a: anchors and aliases are not allowed/)]);
    expect(readEntryText(`${actor}aliases: [*x]\n`, '.yaml', 'actors', 'a.yaml').problems[0]).toMatch(/alias \*x/);
  });

  it('quotes or lists nested thousands deep fail naming the file and line, before a parser overflows', () => {
    const deep = `---\ntitle: x\n---\nFine.\n\n${'>'.repeat(5000)} deep`;
    expect(readEntryText(deep, '.mdx', 'sources', 'content/sources/deep.mdx').problems).toEqual([expect.stringMatching(/^content\/sources\/deep\.mdx:6:1: \(body\): quotes or lists nested more than 20 deep/)]);
    const list = `---\ntitle: x\n---\n${Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}`;
    expect(readEntryText(list, '.mdx', 'sources', 'l.mdx').problems[0]).toMatch(/nested more than 20 deep/);
  });
});

describe('blank required text is refused', () => {
  const blanks = ['\u200b', '   ', '\u200e\u200f\u2060', '\t\n'];
  it('in titles, names, summaries and quotations', () => {
    for (const blank of blanks) {
      const r = actorSchema.safeParse({ name: blank, role: 'r', country: 'c', description: 'd' });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/at least one letter or digit/);
      const q = quoteSchema(plainReference).safeParse({ id: 'q', speaker: 'a', text: blank, context: 'c' });
      expect(q.success).toBe(false);
    }
    const source = sourceSchema(plainReference).safeParse({ title: '\u200b', outlet: 'o', date: '2025', datePrecision: 'year', dateNote: 'n', kind: 'analysis', language: 'en', summary: ' ' });
    expect(source.success ? [] : source.error.issues.map((i) => i.path.join('.'))).toEqual(['title', 'summary']);
  });
});

describe('glossary terms cannot hang the build', () => {
  it('a term that is all bracket is refused', () => {
    const r = glossarySchema(plainReference).safeParse({ term: '(see note)', definition: 'd', sources: ['s'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/no words outside its closing brackets/);
  });

  it('the linker ends on blank or punctuation-only names', () => {
    const tree = { type: 'root' as const, children: [{ type: 'element' as const, tagName: 'p', properties: {}, children: [{ type: 'text' as const, value: 'Minsk and good offices.' }] }] };
    const link = rehypeGlossaryLinks({ terms: [{ id: 'blank', names: ['', '(see note)', ' '] }, { id: 'good-offices', names: ['good offices'] }], href: (id) => `/glossary/${id}/` });
    link(tree, { path: 'x' } as never);
    expect(toHtml(tree)).toBe('<p>Minsk and <a href="/glossary/good-offices/" class="term">good offices</a>.</p>');
  });
});

describe('explainer images stay inside the repository', () => {
  for (const path of ['../../../secret.png', '..\\..\\secret.png', '%2e%2e/%2e%2e/secret.png', 'img/../../x.png', '//server/share/x.png']) {
    it(`refuses ${path}`, () => {
      expect(climbsOut(path)).toBe(true);
      const problems = checkMdxText(`![map](${path.replace(/\\/g, '\\\\')})`, 'explainers');
      expect(problems.map((p) => p.message).join()).toMatch(/leaves the content folder/);
    });
  }
  it('keeps site paths and images beside the file', () => {
    for (const path of ['/images/map.png', './map.png', 'map.png', 'https://example.org/a..b.png']) expect(climbsOut(path)).toBe(false);
  });
});

describe('the RSS feed sends summaries as text', () => {
  it('escapes markup so a feed reader shows it rather than running it', () => {
    expect(htmlText('<img src=x onerror=alert(1)> & more')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; more');
  });
});
