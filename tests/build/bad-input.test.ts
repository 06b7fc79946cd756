import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent, fixtureWith, runBuild } from '../helpers/build';

/**
 * A malformed entry must fail `npm run build` with a message naming the file, the field and
 * what was expected. Each case edits one file of a small valid fixture tree.
 */
const cases: Array<{ name: string; file: string; edit: (t: string) => string; expect: RegExp[] }> = [
  {
    name: 'missing date',
    file: 'sources/first-report.mdx',
    edit: (t) => t.replace(/^date: .*\n/m, ''),
    expect: [/sources\/first-report\.mdx/, /date/, /expected a date written YYYY/],
  },
  {
    name: 'invalid date',
    file: 'sources/first-report.mdx',
    edit: (t) => t.replace(/^date: .*$/m, 'date: 2025-13-45'),
    expect: [/sources\/first-report\.mdx/, /date/, /YYYY-MM-DD/],
  },
  {
    name: 'a day that does not exist',
    file: 'events/2025-03-talks-offered.yaml',
    edit: (t) => t.replace(/^date: .*$/m, 'date: 2025-02-30').replace(/^datePrecision: .*$/m, 'datePrecision: day'),
    // At the line and column of the value, as check:content prints it.
    expect: [/events\/2025-03-talks-offered\.yaml:2:7: date: expected a day that exists in the calendar/],
  },
  {
    name: 'missing outlet',
    file: 'sources/first-report.mdx',
    edit: (t) => t.replace(/^outlet: .*\n/m, ''),
    expect: [/sources\/first-report\.mdx/, /outlet/, /expected the id of an entry in "outlets"/],
  },
  {
    name: 'unknown outlet id',
    file: 'sources/first-report.mdx',
    edit: (t) => t.replace(/^outlet: .*$/m, 'outlet: test-agenci'),
    expect: [/sources\/first-report\.mdx/, /outlet/, /unknown outlets id "test-agenci"/, /Did you mean "test-agency"/],
  },
  {
    name: 'unknown actor id',
    file: 'events/2025-03-talks-offered.yaml',
    edit: (t) => t.replace('actors: [ann-speaker]', 'actors: [ann-speaker, bob-nobody]'),
    expect: [/events\/2025-03-talks-offered\.yaml/, /actors\[1\]/, /unknown actors id "bob-nobody"/],
  },
  {
    name: 'value outside an enum',
    file: 'sources/first-report.mdx',
    edit: (t) => t.replace(/^kind: .*$/m, 'kind: blog post'),
    expect: [/sources\/first-report\.mdx/, /kind/, /expected one of: news report, analysis/],
  },
  {
    name: 'duplicate quote id',
    file: 'sources/first-report.mdx',
    edit: (t) =>
      t.replace(
        'provenance:',
        'provenance:',
      ).replace(
        /(quotes:\n)/,
        '$1  - id: hello\n    speaker: ann-speaker\n    text: "Again."\n    context: Twice.\n',
      ),
    expect: [/sources\/first-report\.mdx/, /quotes\[1\]\.id/, /duplicate quote id "hello"/],
  },
  {
    name: 'precision that does not match the date',
    file: 'sources/older-digest.mdx',
    edit: (t) => t.replace(/^datePrecision: .*$/m, 'datePrecision: day'),
    expect: [/sources\/older-digest\.mdx/, /date/, /datePrecision is "day"/],
  },
];

describe('npm run build rejects malformed content', () => {
  it('builds the valid fixture, placing an imprecise event after the precise one it follows', () => {
    const result = runBuild(fixtureContent);
    expect(result.output).toContain('Complete');
    expect(result.code).toBe(0);
    // "2015, not before 12 February" would sort to 1 January 2015 by its written date alone.
    const timeline = readFileSync(join(result.outDir, 'timeline/index.html'), 'utf8');
    const order = [...timeline.matchAll(/<article class="event" id="([^"]+)"/g)].map((m) => m[1]);
    expect(order.indexOf('2015-02-12-test-accord')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('2015-test-follow-up-talks')).toBe(order.indexOf('2015-02-12-test-accord') + 1);
    expect(timeline).toMatch(/not before 12 February 2015/);
  });

  it('fails on a broken cross-reference before any page is written', () => {
    const dir = fixtureWith('glossary/venue.yaml', (t) => t.replace('sources: [first-report]', 'sources: [no-such-report]'));
    const result = runBuild(dir);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/glossary\/venue\.yaml:\d+:\d+: sources\[0\]: unknown sources id "no-such-report".*Did you mean "first-report"\?/);
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });

  for (const c of cases) {
    it(`fails on ${c.name}, naming file, field and expectation`, () => {
      const result = runBuild(fixtureWith(c.file, c.edit));
      expect(result.code).not.toBe(0);
      for (const pattern of c.expect) expect(result.output).toMatch(pattern);
    });
  }

  it('the Astro build itself also rejects an unknown reference (not only the pre-build check)', () => {
    const dir = fixtureWith('glossary/venue.yaml', (t) => t.replace('sources: [first-report]', 'sources: [no-such-report]'));
    const result = runBuild(dir, { astroOnly: true });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/glossary\/venue\.yaml:\d+:\d+: sources\[0\]: unknown sources id "no-such-report"/);
  });

  it('an unknown source or quote id in an explainer fails naming the file, line and id', () => {
    const dir = fixtureWith('explainers/the-test-talks.mdx', (t) =>
      t.replace('<Quote source="first-report" id="hello" />', '<Quote source="first-report" id="goodbye" />'),
    );
    const result = runBuild(dir, { astroOnly: true });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/explainers\/the-test-talks\.mdx:\d+:\d+/);
    expect(result.output).toMatch(/no quote with id "goodbye"/);
  });
});
