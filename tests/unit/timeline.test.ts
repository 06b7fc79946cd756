import { describe, expect, it } from 'vitest';
import { actorFacets, groupByYear } from '../../src/features/timeline/timeline';
import type { EventData } from '../../src/content/schemas';
import type { Item } from '../../src/content/site-index';

const ev = (id: string, date: string, actors: string[]): Item<EventData> => ({
  id,
  data: { title: id, date, datePrecision: 'day', actors: actors.map((a) => ({ collection: 'actors', id: a })), sources: [], references: [], description: 'd' } as EventData,
});
const events = [ev('a', '2014-09-05', ['osce', 'putin']), ev('b', '2015-02-12', ['putin', 'putin']), ev('c', '2015', ['merkel']), ev('d', '2025-03', ['putin'])];

describe('groupByYear', () => {
  it('keeps date order and puts each event under its year', () => {
    expect(groupByYear(events).map((g) => [g.year, g.events.map((e) => e.id)])).toEqual([[2014, ['a']], [2015, ['b', 'c']], [2025, ['d']]]);
  });
});

describe('actorFacets', () => {
  it('counts each event once per actor, most frequent first, then by name', () => {
    const names: Record<string, string> = { osce: 'OSCE', putin: 'Vladimir Putin', merkel: 'Angela Merkel' };
    expect(actorFacets(events, (id) => names[id]!)).toEqual([
      { id: 'putin', name: 'Vladimir Putin', count: 3 },
      { id: 'merkel', name: 'Angela Merkel', count: 1 },
      { id: 'osce', name: 'OSCE', count: 1 },
    ]);
  });
});
