import { describe, expect, it } from 'vitest';
import { entityDetector, type NamedEntity } from '../../src/features/search/aliases';
import { cachedMentions } from '../../src/features/search/mention-cache';
import { mentionsBy } from '../../src/features/search/annotate';

const kyiv: NamedEntity = { kind: 'place', id: 'kyiv', name: 'Kyiv', aliases: ['Kiev'] };
const minsk: NamedEntity = { kind: 'place', id: 'minsk', name: 'Minsk', aliases: ['Mensk'] };
const page = (version: string, main: string) =>
  `<html><body><header data-version="${version}">Minsk</header><main data-pagefind-body>${main}</main></body></html>`;

/** A finder that counts how often it reads a page. */
function counting(entities: NamedEntity[]) {
  const finder = mentionsBy(entityDetector(entities));
  const counter = { reads: 0, find: (html: string) => (counter.reads++, finder(html)) };
  return counter;
}

describe('cachedMentions', () => {
  it('reads each page once, then reuses the result while the indexed part is the same, whatever the header says', () => {
    const first = counting([kyiv, minsk]);
    const cache = cachedMentions([kyiv, minsk], first.find, undefined);
    expect(cache.find(page('build-1', '<p>Talks in Kiev.</p>'))).toEqual([kyiv]);
    expect(first.reads).toBe(1);

    const second = counting([kyiv, minsk]);
    const next = cachedMentions([kyiv, minsk], second.find, JSON.parse(JSON.stringify(cache)));
    expect(next.find(page('build-2', '<p>Talks in Kiev.</p>'))).toEqual([kyiv]);
    expect(next.find(page('build-2', '<p>Talks in Mensk.</p>'))).toEqual([minsk]);
    expect(second.reads).toBe(1);
    expect(next.reused).toBe(1);
  });

  it('reads every page again when the vocabulary changes, and ignores a stored file it does not recognise', () => {
    const cache = cachedMentions([kyiv], counting([kyiv]).find, undefined);
    cache.find(page('1', '<p>Mensk.</p>'));
    const withMinsk = counting([kyiv, minsk]);
    const next = cachedMentions([kyiv, minsk], withMinsk.find, cache.toJSON());
    expect(next.find(page('1', '<p>Mensk.</p>'))).toEqual([minsk]);
    expect(withMinsk.reads).toBe(1);
    expect(cachedMentions([kyiv], counting([kyiv]).find, { pages: 'nonsense' }).reused).toBe(0);
  });

  it('leaves pages that are not indexed alone and keeps only this build’s pages', () => {
    const cache = cachedMentions([kyiv], counting([kyiv]).find, undefined);
    expect(cache.find('<html><body><p>Kyiv</p></body></html>')).toBeUndefined();
    cache.find(page('1', '<p>Kyiv</p>'));
    const next = cachedMentions([kyiv], counting([kyiv]).find, cache.toJSON());
    next.find(page('2', '<p>Kiev</p>'));
    expect(Object.keys(next.toJSON().pages)).toHaveLength(1);
  });
});
