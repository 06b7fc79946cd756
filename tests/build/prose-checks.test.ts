import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureWith, root, runBuild } from '../helpers/build';

/**
 * EDITORIAL.md, principles 3 and 12 and "Names": a planted example of each problem fails both the
 * build and `npm run check:content`, at the file, line and column, with the fix.
 */
const cases = [
  {
    name: 'a recorded quotation pasted as our own words',
    file: 'sources/first-report.mdx',
    edit: (t: string) =>
      t
        .replace('text: "We will meet in Testville."', 'text: "We will meet in Testville next week, whatever the others may decide to do."')
        .replace(/^summary: .*$/m, 'summary: The speaker says we will meet in Testville next week, whatever the others may decide.'),
    expect: /sources\/first-report\.mdx:\d+:\d+: summary: repeats a recorded quotation word for word: "we will meet in Testville next week, whatever the others may decide".*Fix: say it in our own words/,
  },
  {
    name: 'another spelling of a name in our prose',
    file: 'explainers/the-test-talks.mdx',
    edit: (t: string) => t.replace('The talks began in Testville.', 'The talks began in Testgrad.'),
    expect: /explainers\/the-test-talks\.mdx:\d+:\d+: \(body\): "Testgrad" in our own words\. Fix: write "Testville"/,
  },
  {
    name: 'an internal label',
    file: 'outlets/test-agency.yaml',
    edit: (t: string) => t.replace(/^description: .*$/m, 'description: The agency behind seed 002.'),
    expect: /outlets\/test-agency\.yaml:\d+:\d+: description: internal label "seed 002" would reach readers/,
  },
];

describe('our own words are checked by the build and by check:content', () => {
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const dir = fixtureWith(c.file, c.edit);
      const built = runBuild(dir);
      expect(built.code, built.output).not.toBe(0);
      expect(built.output).toMatch(c.expect);
      const checked = spawnSync('npm', ['run', '--silent', 'check:content', '--', dir], { cwd: root, encoding: 'utf8' });
      expect(checked.status).toBe(1);
      expect(checked.stderr).toMatch(c.expect);
    });
  }
});

describe('the checks of our own words, with the build cache kept', () => {
  it('check an unchanged file again when a quotation added elsewhere makes its words a copy', () => {
    const summary = 'The speaker says we will meet in Testville next week, whatever the others may decide.';
    const dir = fixtureWith('sources/older-digest.mdx', (t) => t.replace(/^summary: .*$/m, `summary: ${summary}`));
    const cache = mkdtempSync(join(tmpdir(), 'mte-cache-'));
    const first = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(first.code, first.output).toBe(0);

    // Only the other source changes: its quotation now has the digest's summary in it.
    const quoting = join(dir, 'sources/first-report.mdx');
    writeFileSync(quoting, readFileSync(quoting, 'utf8').replace('text: "We will meet in Testville."', 'text: "We will meet in Testville next week, whatever the others may decide to do."'));
    const second = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(second.code, second.output).not.toBe(0);
    expect(second.output).toMatch(/sources\/older-digest\.mdx:\d+:\d+: summary: repeats a recorded quotation word for word/);
  });
});
