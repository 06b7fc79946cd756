import { describe, expect, it } from 'vitest';
import { pageKeys } from '../../src/content/page-keys';
import type { Citation, SiteContent } from '../../src/content/site-index';

/** A site in miniature; each entry's digest stands for its whole file, as the content layer's does. */
function site(change: Partial<Record<'sourceBody' | 'sourceTitle' | 'explainerBody' | 'actorName', boolean>> = {}): SiteContent {
  return {
    sources: [
      { id: 's1', data: { title: change.sourceTitle ? 'Retitled' : 'A report' } as never, digest: change.sourceBody || change.sourceTitle ? 'd-s1-b' : 'd-s1' },
      { id: 's2', data: { title: 'Another report' } as never, digest: 'd-s2' },
    ],
    explainers: [{ id: 'e1', data: { title: 'Why Minsk' } as never, digest: change.explainerBody ? 'd-e1-b' : 'd-e1' }],
    actors: [{ id: 'a1', data: { name: change.actorName ? 'A. Speaker' : 'Ann Speaker' } as never, digest: change.actorName ? 'd-a1-b' : 'd-a1' }],
    outlets: [], events: [], glossary: [], references: [], places: [],
  };
}

const pages = [['sources', 's1'], ['sources', 's2'], ['explainers', 'e1'], ['actors', 'a1']] as const;
const citations: Citation[] = [{ explainer: 'e1', source: 's1', anchor: 'cite-1' }];
const keysOf = (content: SiteContent, { cited = citations, context = ['https://github.com/owner/site'] } = {}) => {
  const key = pageKeys(content, cited, context);
  return Object.fromEntries(pages.map(([collection, id]) => [`${collection}/${id}`, key(collection, id)]));
};
const changed = (before: Record<string, string>, after: Record<string, string>) => Object.keys(before).filter((page) => before[page] !== after[page]);

describe('page cache keys', () => {
  const before = keysOf(site());

  it('are the same for the same content, whatever the order entries were loaded in', () => {
    const reversed = site();
    reversed.sources.reverse();
    expect(keysOf(reversed)).toEqual(before);
  });

  it('change for one page alone when a source body changes', () => {
    expect(changed(before, keysOf(site({ sourceBody: true })))).toEqual(['sources/s1']);
  });

  it('change for every page when anything other pages may show changes, or what shapes them besides content', () => {
    expect(changed(before, keysOf(site({ sourceTitle: true })))).toEqual(Object.keys(before));
    expect(changed(before, keysOf(site({ explainerBody: true })))).toEqual(Object.keys(before));
    expect(changed(before, keysOf(site({ actorName: true })))).toEqual(Object.keys(before));
    // Citations come from compiling explainers: the Markdown pipeline's code can change them with no file changed.
    expect(changed(before, keysOf(site(), { cited: [...citations, { explainer: 'e1', source: 's2', anchor: 'cite-2' }] }))).toEqual(Object.keys(before));
    expect(changed(before, keysOf(site(), { context: ['https://github.com/someone/fork'] }))).toEqual(Object.keys(before));
  });

  it('refuse a page with no entry', () => {
    expect(() => pageKeys(site(), [], [])('sources', 'missing')).toThrow('No sources entry "missing" to key a page by');
  });
});
