import { describe, expect, it } from 'vitest';
import { flagLabel, inWords, outletInProse, reliabilityFlagsOf, reliabilityLine, reliabilitySummary, shortSourceLabel } from '../../src/features/reading/source-reliability';
import { provenanceFlags, type OutletData, type SourceData } from '../../src/content/schemas';

type Flag = SourceData['provenance'][number]['flag'];
const outlet = (name: string, kind: OutletData['kind']) => ({ name, kind, country: 'unknown', description: 'd' }) as OutletData;
const source = (fields: Partial<SourceData> & { flags?: Flag[] }) =>
  ({
    title: 'A Headline As Printed',
    kind: 'news report',
    date: '2025-03',
    datePrecision: 'approximate',
    notBefore: '2025-03-04',
    quotes: [],
    ...fields,
    provenance: (fields.flags ?? []).map((flag) => ({ flag, note: 'n' })),
  }) as unknown as SourceData;

describe('provenance flags in plain words', () => {
  it('every flag has a label in words, never its slug', () => {
    for (const flag of provenanceFlags) {
      const label = flagLabel(flag);
      if (flag.includes('-')) expect(label.toLowerCase(), flag).not.toContain(flag);
      expect(label.toLowerCase(), flag).not.toBe(flag.replaceAll('-', ' '));
      expect(label, flag).not.toMatch(/_|[a-z][A-Z]|\w-\w+-\w/);
      expect(label.charAt(0), flag).toBe(label.charAt(0).toUpperCase());
    }
    expect(flagLabel('machine-like-rewriting')).toBe('Reads as machine-rewritten');
  });

  it('lists words as a reader writes them', () => {
    expect(inWords([])).toBe('');
    expect(inWords(['a'])).toBe('a');
    expect(inWords(['a', 'b'])).toBe('a and b');
    expect(inWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('a short label for a source', () => {
  it('names a named publisher, with the author’s surname when there is one', () => {
    expect(shortSourceLabel({ authors: ['Yauheni Preiherman'] }, outlet('Eurasia Daily Monitor', 'think-tank journal'))).toBe('Preiherman, Eurasia Daily Monitor');
    expect(shortSourceLabel({}, outlet('World Today News', 'news site'))).toBe('World Today News');
  });

  it('describes an unnamed publisher without the word the reliability line already says', () => {
    expect(shortSourceLabel({}, outlet('Unattributed weekly digest on Belarus', 'unknown'))).toBe('Weekly digest on Belarus');
    expect(outletInProse(outlet('Unattributed weekly digest on Belarus', 'unknown'))).toBe('an unattributed weekly digest on Belarus');
    expect(outletInProse(outlet('World Today News', 'news site'))).toBe('World Today News');
  });

  it('gives the kind of evidence and the count of reliability flags, not a stated position', () => {
    const flagged = source({ flags: ['outlet-unknown', 'states-a-position', 'typos'] });
    expect(reliabilityFlagsOf(flagged)).toEqual(['outlet-unknown', 'typos']);
    expect(reliabilityLine(flagged, outlet('Unattributed report', 'unknown')).text).toBe('unattributed, 2 flags');
    expect(reliabilityLine(source({ kind: 'analysis', flags: ['republished'] }), outlet('Journal', 'think-tank journal')).text).toBe('named analysis, 1 flag');
    expect(reliabilityLine(source({}), outlet('Site', 'news site')).text).toBe('news report, no flags');
  });
});

describe('the reliability summary a source page opens with', () => {
  it('says what is unknown about an unattributed, undated text, in words', () => {
    const summary = reliabilitySummary(
      source({ flags: ['outlet-unknown', 'author-unknown', 'date-not-printed', 'second-hand-quotes', 'machine-like-rewriting'] }),
      outlet('Unattributed news report on Minsk as a venue', 'unknown'),
    );
    expect(summary.kind).toBe('A news report whose publisher is not named.');
    expect(summary.unknown).toEqual(['who published it', 'who wrote it', 'the exact date (not before 4 March 2025)', 'its web address']);
    // The unknowns are said once, not again as flags.
    expect(summary.concerns.map((c) => c.label)).toEqual(['reads as machine-rewritten', 'quotes at second hand']);
    expect(summary.statesPosition).toBe(false);
  });

  it('names the author and publisher it has, doubts a publisher the text only implies, and notes a stated position', () => {
    const analysis = reliabilitySummary(
      source({ kind: 'analysis', authors: ['Yauheni Preiherman'], date: '2025-03-19', datePrecision: 'day', notBefore: undefined, flags: ['states-a-position', 'republished'] }),
      outlet('Eurasia Daily Monitor', 'think-tank journal'),
    );
    expect(analysis.kind).toBe('An analysis by Yauheni Preiherman, published by Eurasia Daily Monitor.');
    expect(analysis.unknown).toEqual(['its web address']);
    expect(analysis.concerns.map((c) => c.flag)).toEqual(['republished']);
    expect(analysis.statesPosition).toBe(true);
    const implied = reliabilitySummary(source({ url: 'https://example.org/a', flags: ['outlet-unknown'] }), outlet('World Today News', 'news site'));
    expect(implied.unknown).toEqual(['whether World Today News published it', 'who wrote it', 'the exact date (not before 4 March 2025)']);
  });
});
