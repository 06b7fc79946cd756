import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixtureContent, fixtureWith, root } from '../helpers/build';

/**
 * An editor on GitHub's web editor sees CI only: under GitHub Actions, `npm run check:content`
 * prints each problem as an annotation (a workflow command), which GitHub shows on the pull
 * request's diff at the file and line it names.
 */
function checkContent(dir: string, env: Record<string, string | undefined>) {
  const merged = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  return spawnSync('npm', ['run', '--silent', 'check:content', '--', dir], { cwd: root, encoding: 'utf8', env: merged });
}

/** The annotations printed, as their properties and message. */
const annotations = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('::error '))
    .map((line): Record<string, string> => {
      const [, properties, message] = /^::error ([^:]*)::(.*)$/.exec(line)!;
      return { ...Object.fromEntries(properties!.split(',').map((p) => p.split('=') as [string, string])), message: message! };
    });

describe('check:content under GitHub Actions', () => {
  // Line 4 of the event is "actors: [ann-speaker]"; line 4 of the source (after ---) is its date.
  const event = 'events/2025-03-talks-offered.yaml';
  const source = 'sources/first-report.mdx';
  const dir = fixtureWith(event, (t) => t.replace('actors: [ann-speaker]', 'actors: [ann-speaker, bob-nobody]'));
  const withDate = fixtureWith(source, (t) => t.replace(/^date: .*$/m, 'date: 2025-02-30'));

  it('annotates an unknown actor id at its file, line and column', () => {
    const result = checkContent(dir, { GITHUB_ACTIONS: 'true' });
    expect(result.status).toBe(1);
    const found = annotations(result.stdout);
    expect(found).toHaveLength(1);
    expect(found[0]!.file!.endsWith(`/${event}`)).toBe(true);
    expect(found[0]).toMatchObject({ line: '4', col: '23', title: 'Content problem in actors[1]' });
    expect(found[0]!.message).toMatch(/^actors\[1\]: unknown actors id "bob-nobody".*Did you mean "ann-speaker"\?$/);
    // The same problem, for people, with the same line.
    expect(result.stderr).toMatch(new RegExp(`${event.replace(/[.[\]]/g, '\\$&')}:4:23: actors\\[1\\]: unknown actors id "bob-nobody"`));
  });

  it('annotates an impossible date in a source at the line of the whole file, not of its frontmatter', () => {
    const result = checkContent(withDate, { GITHUB_ACTIONS: 'true' });
    expect(result.status).toBe(1);
    const date = annotations(result.stdout).find((a) => a.file!.endsWith(`/${source}`));
    expect(date).toMatchObject({ line: '4', col: '7', title: 'Content problem in date' });
    expect(date!.message).toBe('date: expected a day that exists in the calendar (check the month and day)');
    expect(result.stderr).toContain(`${source}:4:7: date: expected a day that exists in the calendar`);
  });

  it('prints no workflow commands outside GitHub Actions', () => {
    const result = checkContent(dir, { GITHUB_ACTIONS: undefined });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).not.toContain('::error');
    expect(result.stderr).toContain(':4:23: actors[1]: unknown actors id "bob-nobody"');
  });

  it('prints nothing to annotate for valid content', () => {
    const result = checkContent(fixtureContent, { GITHUB_ACTIONS: 'true' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('::error');
  });
});
