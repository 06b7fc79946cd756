import { describe, expect, it } from 'vitest';
import { feedItems, startOfPeriod } from '../../src/features/seo/feed';
import type { ExplainerData, OutletData, SourceData } from '../../src/content/schemas';
import type { Item } from '../../src/content/site-index';

const src = (id: string, date: string, datePrecision: SourceData['datePrecision']): Item<SourceData> => ({
  id,
  data: { title: id, outlet: { collection: 'outlets', id: 'o' }, date, datePrecision, kind: 'news report', language: 'en', summary: `About ${id}.`, actors: [], topics: ['t'], quotes: [], provenance: [] } as SourceData,
});
const explainer: Item<ExplainerData> = { id: 'e', data: { title: 'E', summary: 'Sum.', updated: '2025-04-01', actors: [], topics: [], order: 1, corrections: [] } };
const outlets = new Map<string, Item<OutletData>>([['o', { id: 'o', data: { name: 'Outlet', kind: 'news site', country: 'x', description: 'd' } }]]);
const link = { source: (id: string) => `https://x.org/minsk/sources/${id}/`, explainer: (id: string) => `https://x.org/minsk/explainers/${id}/` };

describe('feedItems', () => {
  const items = feedItems([src('old', '2014-09', 'month'), src('new', '2025-03-19', 'day')], [explainer], outlets, link);

  it('lists explainers and sources newest first, with links under the base path', () => {
    expect(items.map((i) => i.title)).toEqual(['Explainer: E', 'Source: new', 'Source: old']);
    expect(items[1]!.link).toBe('https://x.org/minsk/sources/new/');
  });

  it('says when a source is dated only to the month, since a reader shows a full date', () => {
    expect(items[2]!.description).toContain('Date: September 2014 (month).');
    expect(items[1]!.description).not.toContain('Date:');
    expect(items[1]!.description).toContain('news report, Outlet');
  });
});

describe('startOfPeriod', () => {
  it('dates a month or a year from its first day, in UTC', () => {
    expect(startOfPeriod({ date: '2025-03', datePrecision: 'month' }).toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(startOfPeriod({ date: '2014', datePrecision: 'year' }).toISOString()).toBe('2014-01-01T00:00:00.000Z');
  });
});
