import { describe, expect, it } from 'vitest';
import { groupByStance } from '../../src/features/reading/comparison';
import { copiedRuns, proseOf, proseProblems, runIndex } from '../../src/content/checks/prose';

describe('groupByStance', () => {
  it('groups versions by stance, in order of first appearance, each in its own order', () => {
    const groups = groupByStance([
      { stance: 'Host only', id: 'a' },
      { stance: 'Mediator', id: 'b' },
      { stance: ' Host only ', id: 'c' },
      { stance: 'Mediator', id: 'd' },
      { stance: '', id: 'e' },
    ]);
    expect(groups.map((g) => [g.stance, g.items.map((i) => i.id)])).toEqual([
      ['Host only', ['a', 'c']],
      ['Mediator', ['b', 'd']],
      ['', ['e']],
    ]);
  });
});

describe('a comparison’s statement and stances are our prose', () => {
  const quotation = 'we can host the meeting here where everyone can sit down calmly without shouting';
  const body = [
    '---',
    'title: T',
    '---',
    '',
    `<Variants title="Host or mediator" statement="Lukashenko says we can host the meeting here where everyone can sit down calmly without shouting.">`,
    '  <Variant source="s" quote="q" stance="Lukashenka alone" />',
    '  <Variant source="t" stance="Mediator">Our words.</Variant>',
    '</Variants>',
    '',
  ].join('\n');

  it('are checked like the body: the title, the statement and each stance', () => {
    const own = proseOf(body, 'explainers').own.map((s) => s.text);
    expect(own).toEqual(expect.arrayContaining(['Host or mediator', 'Lukashenko says we can host the meeting here where everyone can sit down calmly without shouting.', 'Lukashenka alone', 'Mediator', 'Our words.']));
    expect(copiedRuns(own.find((t) => t.startsWith('Lukashenko says'))!, runIndex([quotation]))).toHaveLength(1);
  });

  it('point at the words in the file', () => {
    const problems = proseProblems(body, 'explainers', runIndex([quotation]), [{ canonical: 'Alexander Lukashenko', avoid: ['Lukashenka'] }]);
    const line = (n: number) => body.split('\n')[n - 1]!;
    expect(problems.map((p) => [p.line, line(p.line).slice(p.column - 1, p.column + 9)])).toEqual([
      [5, 'we can hos'],
      [6, 'Lukashenka'],
    ]);
  });

  it('a quotation in curly quotation marks is not copied prose', () => {
    const quoted = body.replace('says we can host the meeting here where everyone can sit down calmly without shouting.', 'says “we can host the meeting here where everyone can sit down calmly without shouting”.');
    expect(proseProblems(quoted, 'explainers', runIndex([quotation]), []).filter((p) => p.message.startsWith('repeats'))).toEqual([]);
  });
});
