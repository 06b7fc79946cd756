import { describe, expect, it } from 'vitest';
import { aliasesInQuery, entitiesCalled, type NamedEntity } from '../../src/features/search/aliases';
import { bestOf, entityFilter, longestRun, phraseFirst, positionsIn, queryVariants, rankedSearch, type Scored } from '../../src/features/search/rank';

const lukashenko: NamedEntity = {
  kind: 'actor', id: 'alexander-lukashenko', name: 'Alexander Lukashenko', person: true,
  aliases: ['Lukashenko', 'Lukashenka', 'Alyaksandr Lukashenka', 'Александр Лукашенко'],
};
const preiherman: NamedEntity = { kind: 'actor', id: 'yauheni-preiherman', name: 'Yauheni Preiherman', person: true, aliases: ['Preiherman', 'Yevgeny Preigerman'] };
const kyiv: NamedEntity = { kind: 'place', id: 'kyiv', name: 'Kyiv', aliases: ['Kiev', 'Київ'] };
const minsk: NamedEntity = { kind: 'place', id: 'minsk', name: 'Minsk', aliases: ['Минск'] };
const council: NamedEntity = { kind: 'actor', id: 'minsk-dialogue-council', name: 'Minsk Dialogue Council', aliases: [] };
const entities = [lukashenko, preiherman, kyiv, minsk, council];

describe('queryVariants', () => {
  it('writes a name in its other forms of the same script: the canonical name, one-word forms (its own words first), the rest', () => {
    expect(queryVariants('Lukashenka', entities, 8).map((v) => v.query)).toEqual(['Alexander Lukashenko', 'Lukashenko', 'Alyaksandr Lukashenka']);
    expect(queryVariants('Lukashenko', entities, 8).map((v) => v.forms)).toEqual([['Alexander Lukashenko'], ['Lukashenka'], ['Alyaksandr Lukashenka']]);
  });

  it('reads a name typed in another script, or by a surname known only within a longer name', () => {
    expect(queryVariants('Київ', entities).map((v) => v.query)).toContain('Kyiv');
    expect(queryVariants('Лукашенко', entities).map((v) => v.query)).toContain('Lukashenko');
    expect(queryVariants('Preigerman', entities).map((v) => v.query)).toContain('Preiherman');
  });

  it('keeps the other words, and replaces one name at a time after all of them canonical', () => {
    expect(queryVariants('Kiev talks Lukashenka', entities, 3).map((v) => v.query)).toEqual([
      'Kyiv talks Alexander Lukashenko', 'Kyiv talks Lukashenka', 'Kiev talks Alexander Lukashenko',
    ]);
  });

  it('gives none for a query without a name, or a name with no other form in its script', () => {
    expect(queryVariants('peace talks', entities)).toEqual([]);
    expect(queryVariants('Minsk', entities)).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(queryVariants('Lukashenka', entities, 1)).toHaveLength(1);
  });
});

describe('entitiesCalled and aliasesInQuery', () => {
  it('take a surname for a person only, from any of their names', () => {
    expect(entitiesCalled('Preigerman', entities)).toEqual([preiherman]);
    expect(entitiesCalled('Council', entities)).toEqual([]);
    expect(aliasesInQuery('Preigerman', entities)).toContain('Yauheni Preiherman');
  });
});

describe('entityFilter', () => {
  it('tells apart an actor and a place with the same id', () => {
    expect(entityFilter({ kind: 'actor', id: 'belarus' })).toBe('actor:belarus');
    expect(entityFilter({ kind: 'place', id: 'belarus' })).toBe('place:belarus');
  });
});

describe('bestOf', () => {
  it('ranks each page by its best score under any variant, keeping the set and breaking ties in order', () => {
    const results = [{ id: 'a', score: 3 }, { id: 'b', score: 2 }, { id: 'c', score: 1 }, { id: 'd', score: 1 }];
    const ranked = bestOf(results, [[{ id: 'c', score: 5 }, { id: 'x', score: 9 }], [{ id: 'b', score: 1 }]]);
    expect(ranked.map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(ranked[0]).toBe(results[2]);
  });
});

describe('longestRun and phraseFirst', () => {
  it('counts the most word positions in a row, whatever their order or repeats', () => {
    expect(longestRun([9, 3, 5, 4, 4, 12])).toBe(3);
    expect(longestRun([7])).toBe(1);
    expect(longestRun([])).toBe(0);
  });

  it('puts first the pages with all of a long query\'s words in a row, each group in its order', () => {
    const results = [
      { id: 'scattered', score: 9, words: [1, 5, 9, 13, 17, 21, 25] },
      { id: 'almost', score: 8, words: [40, 41, 42, 43, 44, 45, 80] },
      { id: 'quoted', score: 2, words: [100, 101, 102, 103, 104, 105, 106] },
      { id: 'unsaid', score: 1 },
    ];
    expect(phraseFirst(results, 'Minsk is the best place for negotiations').map((r) => r.id)).toEqual(['quoted', 'scattered', 'almost', 'unsaid']);
    // Three words in a row can be chance ("is the best"): a short query keeps its order.
    const short = [{ id: 'a', score: 2, words: [1, 9, 20] }, { id: 'b', score: 1, words: [4, 5, 6] }];
    expect(phraseFirst(short, 'the best place').map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('counts a query\'s words as Pagefind places them: between spaces, punctuation attached', () => {
    expect(positionsIn("Belarus's situational neutrality: the host of the Minsk talks")).toBe(9);
    expect(positionsIn(' Trump — is a  good guy ')).toBe(5);
    // The explainer has the nine words of its title in a row: nine positions, not ten.
    const title = [{ id: 'other', score: 30, words: [1, 4, 8, 12, 16, 20, 24, 28, 32] }, { id: 'explainer', score: 20, words: [3, 4, 5, 6, 7, 8, 9, 10, 11] }];
    expect(phraseFirst(title, "Belarus's situational neutrality: the host of the Minsk talks").map((r) => r.id)).toEqual(['explainer', 'other']);
  });

  it('applies to what rankedSearch returns for a long query', async () => {
    const quotation = async () => ({ results: [
      { id: 'actor', score: 20, words: [2, 8, 9, 30] },
      { id: 'report', score: 5, words: [50, 51, 52, 53, 54, 55, 56] },
    ] });
    const { results } = await rankedSearch(quotation, 'Minsk is the best place for negotiations', []);
    expect(results.map((r) => r.id)).toEqual(['report', 'actor']);
  });
});

describe('rankedSearch', () => {
  /** A fake Pagefind: every word a page has, and its score for it; all words must match, by prefix; "entity" filters by page. */
  const pages: Record<string, Record<string, number>> = {
    actor: { lukashenka: 1, lukashenko: 2, alexander: 1 },
    explainer: { lukashenka: 0.5, lukashenko: 6, alexander: 1, trump: 2 },
    mention: { lukashenka: 3, lukashenko: 0.5, alexander: 0.5 },
    prefix: { lukashenkaite: 2 },
    talks: { trump: 1, talks: 1 },
    freeze: { '4': 2, march: 3, '2025': 2 },
    regret: { '4': 1, march: 1, '2025': 1 },
  };
  const search = async (term: string | null, filters?: Record<string, unknown>): Promise<{ results: Scored[] }> => {
    if (term === null && filters?.day) {
      return { results: (filters.day as { any: string[] }).any.includes('2025-03-04') ? [{ id: 'regret', score: 0 }] : [] };
    }
    if (term === null) {
      const wanted = (filters?.entity as { any: string[] }).any;
      return { results: wanted.includes(entityFilter(lukashenko)) ? [{ id: 'actor', score: 0 }] : [] };
    }
    const words = term.toLowerCase().split(' ');
    const score = (page: Record<string, number>, word: string) =>
      Object.entries(page).filter(([w]) => w.startsWith(word)).reduce<number | undefined>((n, [, s]) => (n ?? 0) + s, undefined);
    const results = Object.entries(pages)
      .filter(([, page]) => words.every((w) => score(page, w) !== undefined))
      .map(([id, page]) => ({ id, score: words.reduce((n, w) => n + score(page, w)!, 0) }));
    return { results: results.sort((a, b) => b.score - a.score) };
  };

  it('ranks an alias as its canonical name would, the page of what it names first', async () => {
    const { results, complete } = await rankedSearch(search, 'Lukashenka', entities);
    expect(results.map((r) => r.id)).toEqual(['actor', 'explainer', 'mention', 'prefix']);
    expect(complete).toBe(4);
  });

  it('puts the pages dated on the day a query is before those that mention it more', async () => {
    expect((await rankedSearch(search, '4 March 2025', entities)).results.map((r) => r.id)).toEqual(['regret', 'freeze']);
    expect((await rankedSearch(search, 'March 2025', entities)).results.map((r) => r.id)).toEqual(['freeze', 'regret']);
  });

  it('follows a query that finds few pages with the pages that have all its words but one', async () => {
    const { results, complete } = await rankedSearch(search, 'Trump talks Lukashenka', entities);
    expect(complete).toBe(0);
    expect(results.map((r) => r.id).sort()).toEqual(['explainer', 'talks']);
  });

  it('drops a screenful the caller finds not enough (matched by prefixes) for the pages with all words but one', async () => {
    const enoughIfSix = { enough: async (found: readonly unknown[]) => found.length >= 6 };
    const screenful = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, score: 1 }));
    const plenty = async (term: string | null) => ({ results: term === 'talks Minsk' ? screenful : [{ id: 'p0', score: 2 }, { id: 'other', score: 1 }] });
    expect((await rankedSearch(plenty, 'talks Minsk', [], enoughIfSix)).results.map((r) => r.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    const { results, complete } = await rankedSearch(plenty, 'talks Minsk', [], { enough: async () => false });
    expect(complete).toBe(0);
    expect(results.map((r) => r.id)).toEqual(['p0', 'other']);
  });
});
