import { describe, expect, it } from 'vitest';
import { aliasesIn, copiedRuns, internalLabelIn, namesToAvoid, proseOf, proseProblems, runIndex } from '../../src/content/checks/prose';

const lukashenko = namesToAvoid('Alexander Lukashenko', ['Lukashenko', 'Lukashenka', 'Alexander Lukashenka', 'Александр Лукашенко']);
const names = [
  lukashenko,
  namesToAvoid('United States', ['U.S.', 'USA', 'America']),
  namesToAvoid('Organization for Security and Co-operation in Europe', ['OSCE']),
  namesToAvoid('Anya Petrova', ['Dr. Anya Petrova', 'Petrova']),
  namesToAvoid('Kyiv', ['Kiev']),
];

describe('canonical names in our own words', () => {
  it('keeps short forms (surname, initials, a title) and refuses other spellings', () => {
    expect(lukashenko.avoid).toEqual(['Lukashenka', 'Alexander Lukashenka', 'Александр Лукашенко']);
    expect(names[1]!.avoid).toEqual(['USA', 'America']);
    expect(names[2]!.avoid).toEqual([]);
    expect(names[3]!.avoid).toEqual([]);
  });

  it('finds an alias as a whole word, outside quotation marks only', () => {
    expect(aliasesIn('Lukashenka said Kiev was close.', names).map((h) => h.alias)).toEqual(['Lukashenka', 'Kiev']);
    expect(aliasesIn('The digest calls him “Lukashenka’s regime” and "Kiev".', names)).toEqual([]);
    expect(aliasesIn('Lukashenko met Kyivans.', names)).toEqual([]);
  });
});

describe('own words', () => {
  const quotes = runIndex(['It is 200 kilometres, or about two hours by car, from the Belarusian border to Kyiv, he said.']);
  it('finds a run of ten words from a recorded quotation, however punctuated', () => {
    const hits = copiedRuns('Minsk, he argued, is two hours by car from the border with Ukraine.', quotes);
    expect(hits).toEqual([]);
    const copied = copiedRuns('He noted it is 200 kilometres, or about two hours by car, from the border.', quotes);
    expect(copied.map((h) => h.text)).toEqual(['it is 200 kilometres, or about two hours by car, from the']);
  });
  it('leaves a quotation in quotation marks alone', () => {
    expect(copiedRuns('He said “it is 200 kilometres, or about two hours by car, from the border”.', quotes)).toEqual([]);
  });
});

describe('internal labels', () => {
  it('catches seed numbers, seed file names and ids made from them', () => {
    for (const text of ['as seed 002 says', 'Seed 4 reports', 'see 000_10a23a4d28046bba.txt', 'outlet unknown-publisher-seed-002']) {
      expect(internalLabelIn(text), text).toBeDefined();
    }
    expect(internalLabelIn('Seeds of doubt in 2002')).toBeUndefined();
  });
});

describe('a file’s prose, with line and column', () => {
  const mdx = [
    '---',
    'title: Lukashenka Advocates Talks',
    'summary: Lukashenka says Belarus could host.',
    'seed: seed 002',
    'quotes:',
    '  - id: q',
    '    text: Lukashenka is ready.',
    '    context: Seed 002, opening line.',
    '---',
    'Our notes on <Quote source="s" id="q" /> and Kiev.',
    '',
    '<Variant source="s" quote="q" />',
  ].join('\n');

  it('reads our fields and body, not printed headlines, quotations or the seed field', () => {
    const { own, shown } = proseOf(mdx, 'sources');
    expect(own.map((s) => s.field)).toEqual(['summary', 'quotes[0].context', '(body)', '(body)']);
    expect(shown.map((s) => s.field)).not.toContain('seed');
    expect(shown.map((s) => s.field)).toContain('title');
  });

  it('holds a former id to the same rule: it becomes the address of a page readers follow', () => {
    const outlet = ['name: Unattributed weekly digest', 'kind: unknown', 'formerIds: [unknown-publisher-seed-002]'].join('\n');
    const problems = proseProblems(outlet, 'outlets', runIndex([]), names);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`)).toEqual([
      '3:13 formerIds[0] internal label "unknown-publisher-seed-002" would reach readers',
    ]);
  });

  it('reports each problem where it is', () => {
    const problems = proseProblems(mdx, 'sources', runIndex([]), names);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`)).toEqual([
      '3:10 summary "Lukashenka" in our own words',
      '8:14 quotes[0].context internal label "Seed 002" would reach readers',
      '10:46 (body) "Kiev" in our own words',
    ]);
  });
});
