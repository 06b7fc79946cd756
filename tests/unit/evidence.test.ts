import { describe, expect, it } from 'vitest';
import { evidenceKindOf, evidenceProfile, reliabilityConcerns } from '../../src/content/evidence';
import type { OutletData, SourceData } from '../../src/content/schemas';

const outlet = (kind: OutletData['kind']) => ({ name: 'o', kind, country: 'x', description: 'd' }) as OutletData;
const source = (kind: SourceData['kind'], flags: SourceData['provenance'][number]['flag'][] = []) =>
  ({ kind, provenance: flags.map((flag) => ({ flag, note: 'n' })) }) as unknown as SourceData;

describe('evidence profile', () => {
  it('sorts works into the kinds a reader weighs differently', () => {
    expect(evidenceKindOf({ kind: 'reference' })).toBe('primary document');
    expect(evidenceKindOf({ kind: 'source', source: source('weekly digest'), outlet: outlet('unknown') })).toBe('unattributed');
    expect(evidenceKindOf({ kind: 'source', source: source('analysis'), outlet: outlet('think-tank journal') })).toBe('named analysis');
    expect(evidenceKindOf({ kind: 'source', source: source('news report'), outlet: outlet('news site') })).toBe('news report');
  });

  it('names reliability concerns in plain words, not a stated position', () => {
    expect(reliabilityConcerns(source('news report', ['states-a-position', 'unverifiable-experts', 'date-not-printed']))).toEqual(['no date printed', 'experts who cannot be verified']);
  });

  it('counts citations by kind and by concern', () => {
    const profile = evidenceProfile([
      { kind: 'news report', concerns: ['no date printed'] },
      { kind: 'news report', concerns: ['no date printed', 'experts who cannot be verified'] },
      { kind: 'primary document', concerns: [] },
    ]);
    expect(profile.citations).toBe(3);
    expect(profile.byKind).toEqual([
      { kind: 'named analysis', count: 0 },
      { kind: 'news report', count: 2 },
      { kind: 'unattributed', count: 0 },
      { kind: 'primary document', count: 1 },
    ]);
    expect(profile.flagged).toBe(2);
    expect(profile.concerns).toEqual([{ concern: 'no date printed', count: 2 }, { concern: 'experts who cannot be verified', count: 1 }]);
  });
});
