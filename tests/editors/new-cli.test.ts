import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { fixtureContent, root, runBuild } from '../helpers/build';

/** `npm run new` as an editor runs it without prompts (flags and --yes), into a copy of the fixture tree. */
const content = mkdtempSync(join(tmpdir(), 'mte-new-'));
cpSync(fixtureContent, content, { recursive: true });

function npmNew(kind: string, ...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'new', '--', kind, '--content-dir', content, '--yes', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const checkContent = () => spawnSync('npm', ['run', '--silent', 'check:content', '--', content], { cwd: root, encoding: 'utf8' });

const sourceFlags = [
  '--title', 'Minsk says “yes” to talks', '--outlet', 'test-agency', '--date', '2025-03-19', '--precision', 'day',
  '--kind', 'news report', '--summary', 'A fixture report on talks: who offered what.', '--actors', 'ann-speaker',
];

describe('npm run new (non-interactive)', () => {
  let created: ReturnType<typeof npmNew>;
  beforeAll(() => {
    created = npmNew('source', ...sourceFlags);
  });

  it('writes a source named after its title and says what to do next', () => {
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('sources/minsk-says-yes-to-talks.mdx');
    expect(created.stdout).toMatch(/Next steps:[\s\S]*quotes[\s\S]*npm run check:content[\s\S]*\/sources\/minsk-says-yes-to-talks\//);
    const text = readFileSync(join(content, 'sources/minsk-says-yes-to-talks.mdx'), 'utf8');
    expect(text).toContain('title: Minsk says “yes” to talks\n');
    expect(text).toContain('datePrecision: day\n');
  });

  it('writes every other kind, each passing the schema', () => {
    const results = [
      npmNew('actor', '--name', 'Bob Envoy', '--aliases', 'Bob Envoi,Robert Envoy', '--role', 'Envoy', '--country', 'Testland', '--description', 'A fixture envoy.'),
      npmNew('outlet', '--name', 'Unnamed publisher', '--kind', 'unknown', '--description', 'Publishes unsigned reports.', '--evidence', 'No masthead in the text.'),
      npmNew('event', '--title', 'Talks offered again', '--date', '2025-03', '--precision', 'month', '--sources', 'first-report', '--description', 'Offered again.', '--turning-point', 'true'),
      npmNew('term', '--term', 'Good offices', '--definition', 'Help by a third party that hosts talks.', '--sources', 'first-report'),
      npmNew('reference', '--title', 'Test Protocol', '--issuer', 'Fixture parties', '--date', '2014-09-05', '--precision', 'day', '--kind', 'agreement', '--description', 'A fixture protocol.'),
      npmNew('place', '--name', 'Test Harbour', '--kind', 'city', '--country', 'Testland', '--coordinates', '27.5,53.9', '--description', 'A fixture city.'),
      npmNew('explainer', '--title', 'Why Testville', '--summary', 'Why the talks came to Testville.', '--actors', 'ann-speaker,bob-envoy'),
    ];
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const event = readFileSync(join(content, 'events/2025-03-talks-offered-again.yaml'), 'utf8');
    expect(event).toContain('datePrecision: month');
    expect(event).toMatch(/^turningPoint: true$/m);
    expect(readFileSync(join(content, 'explainers/why-testville.mdx'), 'utf8')).toMatch(/order: 2\n/);
    const check = checkContent();
    expect(check.stderr).toBe('');
    // The fixture's entries, the source written before, and the seven above.
    expect(check.stdout).toContain(`content OK: ${loadContent(fixtureContent).entries.length + 8} entries`);
  });

  it('refuses to overwrite an existing entry, and leaves it as it was', () => {
    const file = join(content, 'sources/minsk-says-yes-to-talks.mdx');
    const before = readFileSync(file, 'utf8');
    const again = npmNew('source', ...sourceFlags.map((a) => (a === 'A fixture report on talks: who offered what.' ? 'Different.' : a)));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/sources\/minsk-says-yes-to-talks\.mdx already exists; it is not overwritten/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const explicit = npmNew('actor', '--slug', 'ann-speaker', '--name', 'Ann', '--role', 'R', '--country', 'C', '--description', 'D');
    expect(explicit.code).toBe(1);
    expect(explicit.stderr).toMatch(/actors\/ann-speaker\.yaml already exists/);
  });

  it('names each missing or invalid field by its flag, and writes nothing', () => {
    const bad = npmNew('source', '--title', 'Incomplete', '--outlet', 'test-agency', '--date', '2025-03', '--precision', 'day', '--kind', 'blog');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/kind \(--kind\): expected one of: news report/);
    expect(bad.stderr).toMatch(/--summary is required/);
    const typo = npmNew('source', ...sourceFlags.map((a) => (a === 'test-agency' ? 'test-agenci' : a)), '--slug', 'typo');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/outlet \(--outlet\): unknown outlets id "test-agenci".*Did you mean "test-agency"/);
    const unknownFlag = npmNew('source', '--headline', 'x');
    expect(unknownFlag.code).toBe(1);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--headline'[\s\S]*--title \*/);
    expect(checkContent().status).toBe(0);
  });

  it('the scaffolded entries build into pages', () => {
    const result = runBuild(content);
    expect(result.code, result.output.slice(-2000)).toBe(0);
    const page = readFileSync(join(result.outDir, 'sources/minsk-says-yes-to-talks/index.html'), 'utf8');
    expect(page).toContain('<h1>Minsk says “yes” to talks</h1>');
    expect(readFileSync(join(result.outDir, 'explainers/why-testville/index.html'), 'utf8')).toContain('<code>&lt;Cite source=&quot;source-id&quot; /&gt;</code>');
  });
});
