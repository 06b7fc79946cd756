import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityDetector, type NamedEntity } from '../../src/features/search/aliases';
import { loadContent } from '../../src/content/load-content';
import { AUTO_SAVE_BYTES, offlinePlan } from '../../src/features/offline/precache';
import { indexedText, mentionsBy, prepareForIndex } from '../../src/features/search/annotate';
import { allSearchRecords, entryAtPath, recordMarkup, searchRecordFor } from '../../src/features/search/record';
import { buildSearchVocabulary } from '../../src/features/search/vocabulary';
import { buildSiteIndex, type SiteContent } from '../../src/content/site-index';
import { root } from '../helpers/build';

/** The search fixture, loaded as the site would see it. */
function fixtureSite() {
  const { entries, errors } = loadContent(join(root, 'tests/fixtures/search'), root);
  expect(errors).toEqual([]);
  const content = Object.fromEntries(
    ['sources', 'explainers', 'actors', 'outlets', 'events', 'glossary', 'references', 'places'].map((c) => [
      c, entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data })),
    ]),
  ) as unknown as SiteContent;
  return buildSiteIndex(content);
}

describe('entryAtPath', () => {
  it('maps a page path to its entry, and other paths to nothing', () => {
    expect(entryAtPath('sources/offer-reported/')).toEqual({ collection: 'sources', id: 'offer-reported' });
    expect(entryAtPath('timeline/2025-03-offer/')).toEqual({ collection: 'events', id: '2025-03-offer' });
    expect(entryAtPath('glossary/situational-neutrality/')).toEqual({ collection: 'glossary', id: 'situational-neutrality' });
    expect(entryAtPath('references/fixture-protocol/')).toEqual({ collection: 'references', id: 'fixture-protocol' });
    for (const path of ['', 'sources/', 'search/', '404/', 'sources/a/b/', 'elsewhere/x/']) expect(entryAtPath(path), path).toBeUndefined();
  });
});

describe('searchRecordFor: facets, date and names of a page', () => {
  const site = fixtureSite();

  it('gives a source its type, outlet, actors (and speakers), year, sortable date and day when known', () => {
    expect(searchRecordFor(site, 'sources/offer-reported/')).toEqual({
      filters: { type: ['source'], outlet: ['State Agency'], actor: ['Alexander Lukashenko', 'Volodymyr Zelenskyy'], year: ['2025'] },
      date: '2025-03-19',
      dateLabel: '19 March 2025',
      day: '2025-03-19',
    });
    const monthOnly = searchRecordFor(site, 'sources/ceasefire-line/');
    expect(monthOnly).toMatchObject({ date: '2014-09-01', dateLabel: 'September 2014', filters: { year: ['2014'] } });
    expect(monthOnly).not.toHaveProperty('day');
  });

  it('sorts an explainer by its update, without a year facet, and says which actors it is about', () => {
    expect(searchRecordFor(site, 'explainers/why-the-capital/')).toEqual({
      filters: { type: ['explainer'], outlet: [], actor: ['Alexander Lukashenko'], year: [] },
      date: '2025-04-01',
      dateLabel: 'Updated 1 April 2025',
      about: 'Alexander Lukashenko',
    });
  });

  it('gives the page of an actor, place or term all its names, a filter saying which it is, and no date', () => {
    expect(searchRecordFor(site, 'actors/volodymyr-zelenskyy/')).toEqual({
      filters: { type: ['actor'], outlet: [], actor: ['Volodymyr Zelenskyy'], year: [] },
      names: 'Volodymyr Zelenskyy · Zelenskyy · Zelensky',
      entity: 'actor:volodymyr-zelenskyy',
    });
    expect(searchRecordFor(site, 'places/kyiv/')?.names).toBe('Kyiv · Kiev');
    expect(searchRecordFor(site, 'glossary/situational-neutrality/')?.names).toBe('situational neutrality · neutrality policy');
    expect(searchRecordFor(site, 'outlets/weekly-digest/')?.filters).toEqual({ type: ['outlet'], outlet: ['Weekly Digest'], actor: [], year: [] });
    expect(searchRecordFor(site, 'references/fixture-protocol/')?.filters.type).toEqual(['document']);
  });

  it('indexes no list page and no unknown entry', () => {
    expect(searchRecordFor(site, 'sources/')).toBeUndefined();
    expect(searchRecordFor(site, 'sources/no-such-source/')).toBeUndefined();
  });

  it('publishes every actor, place and term with all its names, and the outlets that can be named', () => {
    const vocabulary = buildSearchVocabulary(site);
    expect(vocabulary.entities).toContainEqual({ kind: 'place', id: 'luhansk', name: 'Luhansk', aliases: ['Lugansk'] });
    expect(vocabulary.entities.find((e) => e.id === 'volodymyr-zelenskyy')?.person).toBe(true);
    expect(vocabulary.entities.filter((e) => e.kind === 'actor')).toHaveLength(2);
    expect(vocabulary.names).toEqual(['State Agency', 'Weekly Digest']);
  });
});

describe('recordMarkup', () => {
  const site = fixtureSite();

  it('writes a record as Pagefind captures on one empty hidden element', () => {
    expect(recordMarkup(searchRecordFor(site, 'sources/offer-reported/')!)).toBe(
      '<span hidden data-search-record'
      + ' data-pagefind-filter="type[data-type], outlet[data-outlet], actor[data-actor], actor[data-actor2], year[data-year], day[data-day]"'
      + ' data-pagefind-sort="date[data-date]" data-pagefind-meta="date[data-date-label]"'
      + ' data-type="source" data-outlet="State Agency" data-actor="Alexander Lukashenko" data-actor2="Volodymyr Zelenskyy"'
      + ' data-year="2025" data-day="2025-03-19" data-date="2025-03-19" data-date-label="19 March 2025"></span>',
    );
    expect(recordMarkup({ filters: { type: ['glossary'], outlet: [], actor: [], year: [] }, names: 'A "quoted" & <odd> term' }))
      .toBe('<span hidden data-search-record data-pagefind-filter="type[data-type]" data-pagefind-meta="names[data-names]" data-type="glossary" data-names="A &quot;quoted&quot; &amp; &lt;odd&gt; term"></span>');
  });

  it('is published for every entry page, keyed by its path', () => {
    const records = allSearchRecords(site);
    expect(Object.keys(records).sort()).toEqual([
      'actors/alexander-lukashenko/', 'actors/volodymyr-zelenskyy/', 'explainers/why-the-capital/', 'glossary/situational-neutrality/',
      'outlets/state-agency/', 'outlets/weekly-digest/', 'places/belarus/', 'places/kyiv/', 'places/luhansk/',
      'references/fixture-protocol/', 'sources/archive-note/', 'sources/ceasefire-line/', 'sources/offer-reported/',
      'sources/talks-in-the-capital/', 'timeline/2025-03-offer/',
    ]);
  });
});

describe('prepareForIndex', () => {
  const kyiv: NamedEntity = { kind: 'place', id: 'kyiv', name: 'Kyiv', aliases: ['Kiev', 'Київ'] };
  const detect = mentionsBy(entityDetector([kyiv]));
  const page = (main: string) => `<html><body><nav>Kyiv</nav><main data-pagefind-body>${main}</main><footer>Kiev</footer></body></html>`;

  it('adds the record and every word of every name of what the indexed text mentions, as hidden metadata', () => {
    const { html, mentioned } = prepareForIndex(page('<p>Talks in Kiev.</p>'), detect, '<span hidden data-search-record></span>');
    expect(mentioned).toEqual([kyiv]);
    expect(html).toContain('<main data-pagefind-body><span hidden data-search-record></span><span hidden data-pagefind-meta="aliases[data-value]" data-value="Kyiv Kiev Київ"></span><p>');
  });

  it('reads only the indexed text: not navigation, footers, asides or citation tips', () => {
    const main = '<p>Nothing here.</p><aside>Kyiv</aside><sup class="cite"><a>[1]</a><span class="cite-tip">Kyiv report</span></sup><nav>Kyiv</nav>';
    expect(prepareForIndex(page(main), detect)).toEqual({ html: page(main), mentioned: [] });
    expect(indexedText(page(main))).not.toMatch(/Kyiv|\[1\]/);
  });

  it('keeps words of adjacent blocks apart and leaves unindexed pages alone', () => {
    expect(indexedText(page('<p>Kyiv</p><p>Minsk</p>'))).toMatch(/Kyiv\s+Minsk/);
    const plain = '<html><body><main><p>Kyiv</p></main></body></html>';
    expect(prepareForIndex(plain, detect, '<span></span>')).toEqual({ html: plain, mentioned: [] });
  });

  it('escapes names in the attribute', () => {
    const odd = mentionsBy(entityDetector([{ kind: 'term', id: 'q', name: 'Quote "Q" & <co>', aliases: ['Qterm'] }]));
    expect(prepareForIndex(page('<p>Qterm</p>'), odd).html).toContain('data-value="Quote &quot;Q&quot; &amp; &lt;co&gt; Qterm"');
  });
});

describe('offlinePlan', () => {
  const paths = [
    'index.html', 'search/index.html', '404.html', 'favicon.svg', 'sources/a/index.html', 'search-vocabulary.json',
    '_astro/site.css', '_astro/search-ui.js', 'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-entry.json',
    'pagefind/pagefind-highlight.js', 'pagefind/wasm.en.pagefind', 'pagefind/wasm.unknown.pagefind', 'pagefind/pagefind.en_1.pf_meta',
    'pagefind/index/en_1.pf_index', 'pagefind/fragment/en_2.pf_fragment', 'pagefind/filter/en_3.pf_filter',
    'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind-component-ui.js', 'pagefind/pagefind-modular-ui.css',
    'pagefind-archive/pagefind-entry.json', 'pagefind-archive/pagefind.en_4.pf_meta', 'pagefind-archive/index/en_5.pf_index',
    'pagefind-archive/fragment/en_6.pf_fragment', 'pagefind-archive/filter/en_7.pf_filter',
  ];
  const entry = { languages: { en: { wasm: 'en', page_count: 2 } } };
  const files = (chunkBytes: number) => paths.map((path) => ({ path, bytes: /\/(index|fragment|filter)\//.test(path) ? chunkBytes : 1000, revision: `r-${path}` }));

  it('saves the shell and what Pagefind starts with at once, each file with its revision', () => {
    const plan = offlinePlan(files(10), entry);
    expect(plan.core.map(([url]) => url)).toEqual([
      '', '404.html', '_astro/search-ui.js', '_astro/site.css', 'favicon.svg',
      'pagefind-archive/pagefind-entry.json', 'pagefind-archive/pagefind.en_4.pf_meta', 'pagefind/pagefind-entry.json', 'pagefind/pagefind-highlight.js', 'pagefind/pagefind.en_1.pf_meta', 'pagefind/pagefind.js', 'pagefind/wasm.en.pagefind',
      'search-vocabulary.json', 'search/',
    ]);
    expect(plan.core.find(([url]) => url === '')![1]).toBe('r-index.html');
    expect(plan.rest.map(([url]) => url)).toEqual([
      'pagefind-archive/filter/en_7.pf_filter', 'pagefind-archive/fragment/en_6.pf_fragment', 'pagefind-archive/index/en_5.pf_index',
      'pagefind/filter/en_3.pf_filter', 'pagefind/fragment/en_2.pf_fragment', 'pagefind/index/en_1.pf_index',
    ]);
  });

  it('leaves other pages to be saved when visited, and skips what search never loads', () => {
    const urls = [...offlinePlan(files(10), entry).core, ...offlinePlan(files(10), entry).rest].map(([url]) => url);
    expect(urls).not.toContain('sources/a/index.html');
    expect(urls.filter((u) => /pagefind-(component-|modular-)?ui|worker|unknown|sw\.js/.test(u))).toEqual([]);
  });

  it('saves a small index unasked, and a large one only when the reader asks', () => {
    expect(offlinePlan(files(10), entry).saveAllUnasked).toBe(true);
    const large = offlinePlan(files(AUTO_SAVE_BYTES), entry);
    expect(large.saveAllUnasked).toBe(false);
    expect(large.coreBytes).toBeLessThan(AUTO_SAVE_BYTES);
    expect(large.restBytes).toBe(6 * AUTO_SAVE_BYTES);
  });
});
