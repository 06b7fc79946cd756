import { describe, expect, it } from 'vitest';
import { findBrokenReferences, refsIn } from '../../src/content/checks/references';
import { findBrokenCitations } from '../../src/content/checks/citations';
import { buildSiteIndex, type SiteContent } from '../../src/content/site-index';

const ref = (collection: string, id: string) => ({ collection, id });

describe('cross-reference checks', () => {
  it('finds refs at any depth with their field path', () => {
    expect(refsIn({ outlet: ref('outlets', 'o'), quotes: [{ speaker: ref('actors', 'a') }] })).toEqual([
      { field: 'outlet', ref: ref('outlets', 'o') },
      { field: 'quotes[0].speaker', ref: ref('actors', 'a') },
    ]);
  });

  it('names the file, field and nearest id for a dangling link', () => {
    const problems = findBrokenReferences([
      { collection: 'actors', id: 'alexander-lukashenko', data: {} },
      { collection: 'events', id: 'e', filePath: 'content/events/e.yaml', data: { actors: [ref('actors', 'alexander-lukashenka')] } },
    ]);
    expect(problems).toEqual([
      {
        file: 'content/events/e.yaml',
        field: 'actors[0]',
        message: 'unknown actors id "alexander-lukashenka": expected the name of a file in content/actors/ without its extension. Did you mean "alexander-lukashenko"?',
      },
    ]);
  });
});

describe('site index', () => {
  const source = (id: string, date: string, outlet: string, speaker?: string) => ({
    id,
    data: {
      title: id, outlet: ref('outlets', outlet), date, datePrecision: 'day', actors: [], topics: [], provenance: [],
      quotes: speaker ? [{ id: 'q1', speaker: ref('actors', speaker), text: 'Said.', context: 'c' }] : [],
    },
  });
  const content = {
    sources: [source('old', '2014-09-05', 'x'), source('new', '2025-03-19', 'y', 'peskov')],
    explainers: [], actors: [], outlets: [], glossary: [], references: [], places: [],
    events: [{ id: 'ev', data: { date: '2015', datePrecision: 'year', actors: [], sources: [ref('sources', 'old')], references: [] } }],
  } as unknown as SiteContent;

  it('computes inverse links once: newest first, by outlet, quotes by speaker, events by source', () => {
    const site = buildSiteIndex(content, [{ explainer: 'ex', source: 'new', anchor: 'cite-1' }]);
    expect(site.sourcesByDate.map((s) => s.id)).toEqual(['new', 'old']);
    expect(site.sourcesByOutlet.get('x')?.map((s) => s.id)).toEqual(['old']);
    expect(site.quotesByActor.get('peskov')?.[0]?.quote.text).toBe('Said.');
    expect(site.eventsBySource.get('old')?.map((e) => e.id)).toEqual(['ev']);
    expect(site.citationsBySource.get('new')?.[0]?.explainer).toBe('ex');
  });

  it('reports citations of unknown sources and quotes with where they stand', () => {
    const site = buildSiteIndex(content);
    expect(
      findBrokenCitations(site, [
        { explainer: 'ex', source: 'nope', anchor: 'cite-1', at: 'content/explainers/ex.mdx:3:5' },
        { explainer: 'ex', source: 'new', quote: 'q2', anchor: 'cite-2', at: 'content/explainers/ex.mdx:9:1' },
        { explainer: 'ex', source: 'new', quote: 'q1', anchor: 'cite-3' },
      ]).map((p) => `${p.file}: ${p.message}`),
    ).toEqual([
      'content/explainers/ex.mdx:3:5: unknown source id "nope": expected the name of a file in content/sources/ without its extension',
      'content/explainers/ex.mdx:9:1: source "new" has no quote with id "q2"; its quote ids are: q1',
    ]);
  });
});
