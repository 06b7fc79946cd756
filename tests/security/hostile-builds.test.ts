import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { fixtureContent, root, runBuild } from '../helpers/build';

/**
 * Hostile pull requests, through the real entry points: `astro build` (which `npm run build` is)
 * and `npm run check:content` must refuse each one, naming the file; what the build does accept
 * must not reach readers as markup or policy. docs/security.md lists what each case guards.
 */
function plant(files: Record<string, string | ((text: string) => string)>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mte-hostile-'));
  cpSync(fixtureContent, dir, { recursive: true });
  for (const [file, change] of Object.entries(files)) {
    const path = join(dir, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof change === 'string' ? change : change(readFileSync(path, 'utf8')));
  }
  return dir;
}
const checkContent = (dir: string) => spawnSync('npm', ['run', '--silent', 'check:content', '--', dir], { cwd: root, encoding: 'utf8' });
const actor = 'name: Vladimir Putin\nrole: Impostor\ncountry: Russia\ndescription: Not the real entry.\n';
const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');

const refused: Array<{ name: string; files: Parameters<typeof plant>[0]; message: RegExp }> = [
  {
    name: 'a source body whose code span hides a script after an HTML line',
    files: { 'sources/first-report.mdx': (t) => `${t}\n<br />\n\`<script>alert(1)</script><iframe src="https://evil.example"></iframe>\`\n` },
    message: /sources\/first-report\.mdx:\d+:1: \(body\): the body renders HTML a source may not contain: <script>, <iframe>/,
  },
  {
    name: 'a second actor file claiming an existing id',
    files: { 'actors/ann-speaker.yml': actor },
    message: /actors\/ann-speaker\.yml:1:1: \(file name\): id "ann-speaker" is already taken by .*actors\/ann-speaker\.yaml/,
  },
  {
    name: 'an actor that claims another id by a slug field',
    files: { 'actors/impostor.yaml': `${actor}slug: ann-speaker\n` },
    message: /actors\/impostor\.yaml:5:1: .*unknown field "slug"/,
  },
  {
    name: 'a glossary term that is all bracket',
    files: { 'glossary/note.yaml': 'term: "(see note)"\ndefinition: Hangs the linker.\nsources: [first-report]\n' },
    message: /glossary\/note\.yaml:1:7: term: the term "\(see note\)" has no words outside its closing brackets/,
  },
  {
    name: 'an explainer image outside the repository',
    files: { 'explainers/the-test-talks.mdx': (t) => `${t}\n![map](../../../../../../etc/hostname)\n` },
    message: /explainers\/the-test-talks\.mdx:\d+:\d+: image path ".*" leaves the content folder/,
  },
  {
    name: 'a title of a zero-width space',
    files: { 'sources/first-report.mdx': (t) => t.replace('title: First report', 'title: "\u200b"') },
    message: /sources\/first-report\.mdx:2:8: title: expected text with at least one letter or digit/,
  },
  {
    name: 'quotes nested 5,000 deep',
    files: { 'sources/first-report.mdx': (t) => `${t}\n${'>'.repeat(5000)} deep\n` },
    message: /sources\/first-report\.mdx:\d+:1: \(body\): quotes or lists nested more than 20 deep/,
  },
  {
    name: 'a YAML alias bomb in frontmatter',
    files: { 'sources/first-report.mdx': (t) => t.replace('title: First report', `title: First report\n${bomb}`) },
    message: /sources\/first-report\.mdx:3:\d+: \(file\): YAML anchor &a: anchors and aliases are not allowed/,
  },
  {
    name: 'a YAML file in a sub-folder',
    files: { 'places/more/elsewhere.yaml': 'name: Elsewhere\nkind: city\ncountry: Nowhere\ndescription: A place.\n' },
    message: /places\/more\/elsewhere\.yaml:1:1: \(file\): entries are read only directly inside/,
  },
];

describe('hostile content is refused by every entry point, naming the file', () => {
  for (const c of refused) {
    it(`refuses ${c.name}`, () => {
      const dir = plant(c.files);
      const built = runBuild(dir);
      expect(built.code, built.output).not.toBe(0);
      expect(built.output).toMatch(c.message);
      expect(existsSync(join(built.outDir, 'index.html'))).toBe(false);
      const checked = checkContent(dir);
      expect(checked.status).toBe(1);
      expect(`${checked.stdout}${checked.stderr}`).toMatch(c.message);
    });
  }
});

describe('what the build accepts reaches readers as text', () => {
  const payload = `Summary <meta http-equiv=content-security-policy content='script-src https://evil.example; frame-ancestors https://evil.example'> <i data-pagefind-body> <img src=x onerror=alert(1)>`;
  const dir = plant({ 'sources/first-report.mdx': (t) => t.replace('summary: A fixture source.', `summary: ${JSON.stringify(payload)}`) });
  const built = runBuild(dir);

  it('builds', () => {
    expect(built.code, built.output).toBe(0);
  });

  it('keeps the site-wide policy as configured: no origin added, one frame-ancestors', () => {
    const headers = readFileSync(join(built.outDir, '_headers'), 'utf8');
    expect(headers).not.toContain('evil.example');
    expect(headers.match(/frame-ancestors/g)).toHaveLength(1);
  });

  it('prints the summary as text on the page and in the feed', () => {
    const $ = load(readFileSync(join(built.outDir, 'sources/first-report/index.html'), 'utf8'));
    expect($('img[src=x], i[data-pagefind-body], meta[http-equiv="content-security-policy"]').length).toBe(1);
    expect($('meta[http-equiv="content-security-policy"]').attr('content')).not.toContain('evil');
    expect($('main').text()).toContain('<img src=x onerror=alert(1)>');
    const feed = readFileSync(join(built.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('&amp;lt;img src=x onerror=alert(1)&amp;gt;');
    expect(feed).not.toMatch(/&lt;img src=x/);
  });
});
