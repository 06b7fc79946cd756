import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent, root } from '../helpers/build';

/**
 * scripts/pr-summary.ts on a small repository of its own: the fixture content on "main", then a
 * pull request's commit adding a source that an event lists and an explainer cites.
 */
const repo = mkdtempSync(join(tmpdir(), 'mte-pr-'));
const content = join(repo, 'content');
const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };
const git = (...args: string[]) => {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
};
const summary = (...args: string[]) => spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/pr-summary.ts'), ...args], { cwd: repo, encoding: 'utf8' });
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));

let base: string;
beforeAll(() => {
  cpSync(fixtureContent, content, { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'fixture');
  base = git('rev-parse', 'HEAD');
  writeFileSync(
    join(content, 'sources/second-report.mdx'),
    readFileSync(join(content, 'sources/first-report.mdx'), 'utf8').replace('title: First report', 'title: Second report').replace('id: hello', 'id: again'),
  );
  edit('events/2025-03-talks-offered.yaml', (t) => t.replace('sources: [first-report]', 'sources: [first-report, second-report]'));
  edit('explainers/the-test-talks.mdx', (t) => t.replace('The accord came first.', 'The accord came first.<Cite source="second-report" />'));
  git('add', '.');
  git('commit', '-q', '-m', 'pull request');
}, 30_000);

describe('the pull request summary', () => {
  it('says what the pull request adds, in plain words', () => {
    const result = summary(base);
    expect(result.status, result.stderr).toBe(0);
    const text = result.stdout;
    expect(text).toContain('3 files under content/, 1 added, 2 changed.');
    expect(text).toContain('- **New source** “Second report”: `content/sources/second-report.mdx`');
    expect(text).toContain('  - New page: `/sources/second-report/`');
    expect(text).toContain('  - 1 quote recorded.');
    expect(text).toContain('  - Cited in 1 explainer: “The test talks” (`the-test-talks`).');
    expect(text).toContain('  - Listed in `sources` of 1 event (“Talks offered” (`2025-03-talks-offered`)).');
    expect(text).toContain('- **Changed event** “Talks offered”: `content/events/2025-03-talks-offered.yaml`');
    expect(text).toContain('**Content check passed**');
  });

  it('compares with the commit before when the base does not exist, and says so', () => {
    const result = summary('origin/main');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('origin/main was not found here, so this compares the last commit with the one before it (HEAD~1).');
    expect(result.stdout).toContain('New source** “Second report”');
  });

  it('lists what to fix when the content check fails, at the line', () => {
    edit('sources/second-report.mdx', (t) => t.replace(/^date: .*$/m, 'date: 2025-02-30'));
    git('commit', '-q', '-am', 'impossible date');
    const result = summary(base);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('  - **1 problem to fix** in this file: see below.');
    expect(result.stdout).toMatch(/### \d+ problems? to fix/);
    expect(result.stdout).toContain('- `content/sources/second-report.mdx`, line 4, column 7: `date`: expected a day that exists in the calendar');
  });
});
