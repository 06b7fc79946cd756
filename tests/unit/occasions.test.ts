import { describe, expect, it } from 'vitest';
import { groupQuotesByOccasion, sentences } from '../../src/features/reading/occasions';

const source = (id: string) => ({ id });
const quote = (id: string, text: string, context: string) => ({ id, text, context });

describe('sentences', () => {
  it('splits at a full stop before a capital, not inside "U.S." or a date', () => {
    expect(sentences('From the interview with a U.S. blogger, dated 19.03.2025. Printed without quotation marks. "Quoted" here.')).toEqual([
      'From the interview with a U.S. blogger, dated 19.03.2025.',
      'Printed without quotation marks.',
      '"Quoted" here.',
    ]);
  });
});

describe('groupQuotesByOccasion', () => {
  const shared = 'From his video interview, relayed through an agency. Printed without quotation marks.';
  const a = source('report');
  const b = source('analysis');
  const items = [
    { source: a, quote: quote('one', 'First words.', `${shared} He addressed the leaders.`) },
    { source: b, quote: quote('solo', 'Words elsewhere.', 'The author’s own judgement. From the conclusion.') },
    { source: a, quote: quote('two', 'Second words.', `${shared} Given as his reason.`) },
    { source: a, quote: quote('three', 'Third words.', shared) },
  ];

  it('makes one group per source, in order of first appearance, quotations in their order', () => {
    const groups = groupQuotesByOccasion(items);
    expect(groups.map((g) => g.source.id)).toEqual(['report', 'analysis']);
    expect(groups[0]!.quotes.map((q) => q.quote.id)).toEqual(['one', 'two', 'three']);
  });

  it('writes the sentences every context starts with once, and what each adds as its note', () => {
    const [report, analysis] = groupQuotesByOccasion(items);
    expect(report!.setting).toBe(shared);
    expect(report!.quotes.map((q) => q.note)).toEqual(['He addressed the leaders.', 'Given as his reason.', '']);
    // A single quotation's whole context is the setting.
    expect(analysis!.setting).toBe('The author’s own judgement. From the conclusion.');
    expect(analysis!.quotes[0]!.note).toBe('');
  });

  it('loses nothing: setting and note together are each context as recorded', () => {
    for (const group of groupQuotesByOccasion(items)) {
      for (const { quote: q, note } of group.quotes) expect([group.setting, note].filter(Boolean).join(' ')).toBe(q.context);
    }
  });

  it('has no shared setting when the contexts start differently', () => {
    const [group] = groupQuotesByOccasion([
      { source: a, quote: quote('x', 'X.', 'First segment, on one thing.') },
      { source: a, quote: quote('y', 'Y.', 'First segment presented by the site. On another.') },
    ]);
    expect(group!.setting).toBe('');
    expect(group!.quotes.map((q) => q.note)).toEqual(['First segment, on one thing.', 'First segment presented by the site. On another.']);
  });

  it('shows a quotation that lies inside a longer one of the same source within it, not twice', () => {
    const passage = 'If you want to, come here. It is near. You are welcome.';
    const [group] = groupQuotesByOccasion([
      { source: a, quote: quote('come', 'If you want to, come here.', 'Part of one passage.') },
      { source: a, quote: quote('near', 'It is  near.', 'Part of one passage.') },
      { source: a, quote: quote('whole', passage, 'The whole passage.') },
      { source: b, quote: quote('elsewhere', 'It is near.', 'Another source.') },
    ]);
    expect(group!.quotes.map((q) => q.quote.id)).toEqual(['whole']);
    expect(group!.quotes[0]!.parts.map((p) => p.id)).toEqual(['come', 'near']);
    expect(group!.setting).toBe('The whole passage.');
  });

  it('keeps two quotations with the same words both', () => {
    const [group] = groupQuotesByOccasion([
      { source: a, quote: quote('p', 'Same.', 'One.') },
      { source: a, quote: quote('q', 'Same.', 'Two.') },
    ]);
    expect(group!.quotes.map((q) => q.quote.id)).toEqual(['p', 'q']);
  });
});
