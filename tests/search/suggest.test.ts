import { describe, expect, it } from 'vitest';
import { answersQuery, isCloseMatch } from '../../src/features/search/matches';
import { suggestQueries } from '../../src/features/search/suggest';
import type { SearchVocabulary } from '../../src/features/search/vocabulary';

const vocabulary: SearchVocabulary = {
  entities: [
    { kind: 'actor', id: 'alexander-lukashenko', name: 'Alexander Lukashenko', aliases: ['Lukashenka', 'Alyaksandr Lukashenka', 'Лукашенко'] },
    { kind: 'place', id: 'belarus', name: 'Belarus', aliases: ['Byelorussia', 'Belorussia'] },
    { kind: 'term', id: 'situational-neutrality', name: 'situational neutrality', aliases: [] },
    { kind: 'actor', id: 'volodymyr-zelenskyy', name: 'Volodymyr Zelenskyy', aliases: ['Zelensky'] },
  ],
  names: ['Eurasia Daily Monitor'],
};

describe('suggestQueries', () => {
  it('corrects a misspelt name to the closest known names, closest first', () => {
    expect(suggestQueries('Lukashonko', vocabulary)).toEqual(['Lukashenko', 'Lukashenka']);
    expect(suggestQueries('Byelorusia', vocabulary)[0]).toBe('Byelorussia');
    expect(suggestQueries('Zelenskky', vocabulary)).toContain('Zelenskyy');
  });

  it('keeps the words it knows and the words it cannot place', () => {
    expect(suggestQueries('situational nutrality', vocabulary)).toEqual(['situational neutrality']);
    expect(suggestQueries('Lukashonko peace talks', vocabulary)[0]).toBe('Lukashenko peace talks');
  });

  it('corrects Cyrillic as well', () => {
    expect(suggestQueries('Лукашенка', vocabulary)).toEqual(['Лукашенко']);
  });

  it('suggests nothing for known words, short words or words far from every name', () => {
    expect(suggestQueries('Lukashenka', vocabulary)).toEqual([]);
    expect(suggestQueries('xq', vocabulary)).toEqual([]);
    expect(suggestQueries('photosynthesis', vocabulary)).toEqual([]);
    expect(suggestQueries('', vocabulary)).toEqual([]);
    expect(suggestQueries('((( .* ??? 🙂', vocabulary)).toEqual([]);
  });
});

describe('isCloseMatch: Pagefind\'s longest-prefix fallback is not a match', () => {
  it('rejects a short indexed prefix of a longer unknown word', () => {
    expect(isCloseMatch('Byelorusia', 'by')).toBe(false);
    expect(isCloseMatch('Bystander', 'by')).toBe(false);
    expect(isCloseMatch('Lukashonko', 'luk')).toBe(false);
  });

  it('accepts exact words, stems and extensions', () => {
    expect(isCloseMatch('Minsk', 'Minsk,')).toBe(true);
    expect(isCloseMatch('negotiating', 'negotiations')).toBe(true);
    expect(isCloseMatch('Belarusian', 'Belarus')).toBe(true);
    expect(isCloseMatch('Zelensky', 'Zelenskyy')).toBe(true);
  });
});

describe('answersQuery', () => {
  it('counts a word found only in the metadata (an alias) as answered', () => {
    expect(answersQuery('Lukashenka Kiev', ['Kiev'], 'Minsk talks · Alexander Lukashenko · Lukashenka')).toBe(true);
  });

  it('is false when a word matched only through a short prefix', () => {
    expect(answersQuery('Byelorusia', ['by', 'by'], 'A page title')).toBe(false);
  });

  it('ignores words under four letters, which Pagefind may drop or prefix-match', () => {
    expect(answersQuery('the Minsk', ['Minsk'], '')).toBe(true);
  });
});

describe('answersQuery and metadata', () => {
  it('does not take a near-miss alias for a match: Pagefind matches metadata by prefix', () => {
    expect(answersQuery('Byelorusia', ['by'], 'Belarus · Byelorussia · Belorussia')).toBe(false);
    expect(answersQuery('Byelorus', [], 'Belarus · Byelorussia')).toBe(true);
    expect(answersQuery('Lukashenkas', [], 'Alexander Lukashenko · Lukashenka')).toBe(true);
  });
});
