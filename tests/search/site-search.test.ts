import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { wordsOf } from '../../src/features/search/aliases';
import { loadContent } from '../../src/content/load-content';
import { indexedText } from '../../src/features/search/annotate';
import { paths } from '../../src/content/urls';
import { siteInBrowser } from '../helpers/browser';
import { root } from '../helpers/build';
import { htmlFiles } from '../helpers/dist';
import {
  allResults, chooseFacet, chosenFacet, collectErrors, facetOptions, resultCount, resultPaths, searchAgain, searchPage, waitForOfflineReady, waitForResults,
} from './browser-search';

/** Search over the real site, as `npm run build` left it in dist/, in Chromium. */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const named = (collection: string) => entries.filter((e) => e.collection === collection);

const site = siteInBrowser(dist);
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeEach(async () => {
  context = await site.browser.newContext();
  page = await context.newPage();
  errors = collectErrors(page);
});
afterEach(async () => {
  await context.close();
});

describe('search finds the expected page', () => {
  const names = (e: (typeof entries)[number]) => {
    const d = e.data as { name?: string; term?: string; aliases?: string[] };
    return [d.name ?? d.term!, ...(d.aliases ?? [])];
  };
  const pathOf = { actors: paths.actor, places: paths.place, glossary: paths.term, explainers: paths.explainer, sources: paths.source } as const;
  const cases = [
    // Every name and alias of every actor, place and term, and every title.
    ...(['actors', 'places', 'glossary'] as const).flatMap((c) => named(c).flatMap((e) => names(e).map((query) => ({ query, path: pathOf[c](e.id) })))),
    ...(['explainers', 'sources'] as const).flatMap((c) => named(c).map((e) => ({ query: (e.data as { title: string }).title, path: pathOf[c](e.id) }))),
  ];

  it('puts the page of every actor, place and term in the top 3 for each of its names, and every explainer and source for its title', async () => {
    expect(cases.length).toBeGreaterThan(50);
    await searchPage(page, site.server.url, { q: cases[0]!.query });
    const misses: string[] = [];
    for (const { query, path } of cases) {
      await searchAgain(page, query);
      const top = (await resultPaths(page)).slice(0, 3);
      if (!top.includes(`/${path}`)) misses.push(`"${query}" → ${top.join(', ')} (expected /${path})`);
    }
    expect(misses).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('marks the matched words in excerpts and leaves citation markers out of them', async () => {
    await searchPage(page, site.server.url, { q: 'Minsk' });
    const excerpts = await page.locator('.search-result-excerpt').evaluateAll((ps) => ps.map((p) => p.innerHTML));
    expect(excerpts.length).toBeGreaterThan(0);
    expect(excerpts.some((html) => /<mark>Minsk/i.test(html))).toBe(true);
    expect(excerpts.join(' ')).not.toMatch(/\[\d+\]/);
  });
});

describe('aliases, in both directions', () => {
  const texts = htmlFiles(dist)
    .map((file) => ({ path: `/${file.replace(/index\.html$/, '')}`, words: new Set(wordsOf(indexedText(readFileSync(join(dist, file), 'utf8')) ?? '').map((w) => w.toLowerCase())) }))
    .filter((t) => t.words.size > 0);
  const groups = [['Lukashenko', 'Lukashenka', 'Alyaksandr'], ['Zelenskyy', 'Zelensky'], ['Kyiv', 'Kiev'], ['Luhansk', 'Lugansk'], ['Belarus', 'Byelorussia']];

  it('finds, for each spelling, the pages that only use another one', async () => {
    await page.goto(site.server.url);
    const checked: string[] = [];
    const missing: string[] = [];
    for (const group of groups) {
      for (const query of group) {
        const results = new Set(await allResults(page, site.server.url, query));
        for (const other of group.filter((g) => g !== query)) {
          const onlyOther = texts.filter((t) => t.words.has(other.toLowerCase()) && !t.words.has(query.toLowerCase()));
          if (onlyOther.length > 0) checked.push(`${query}→${other}`);
          missing.push(...onlyOther.filter((t) => !results.has(t.path)).map((t) => `"${query}" misses ${t.path}, which says "${other}"`));
        }
      }
    }
    expect(missing).toEqual([]);
    // The real content exercises at least one direction of every pair (the fixture test covers both).
    for (const group of groups) expect(checked.some((c) => group.some((g) => c.startsWith(`${g}→`)))).toBe(true);
  });

  it('finds a name typed in Cyrillic, from the aliases in the content', async () => {
    const cyrillic = entries.flatMap((e) => ((e.data as { aliases?: string[] }).aliases ?? []).filter((a) => /\p{Script=Cyrillic}/u.test(a)));
    expect(cyrillic.length).toBeGreaterThan(0);
    await searchPage(page, site.server.url, { q: cyrillic[0]! });
    expect(await resultCount(page)).toBeGreaterThan(0);
  });
});

describe('facets', () => {
  it('counts add up, and each facet value narrows the results to its count', async () => {
    await searchPage(page, site.server.url, { q: 'Minsk' });
    const total = await resultCount(page);
    const types = await facetOptions(page, 'type');
    expect(types.length).toBeGreaterThan(2);
    expect(types.reduce((n, o) => n + o.count, 0)).toBe(total);
    for (const facet of ['type', 'outlet', 'actor', 'year']) {
      const options = await facetOptions(page, facet);
      expect(options.length, facet).toBeGreaterThan(0);
      for (const option of options.slice(0, 4)) {
        await chooseFacet(page, facet, option.value);
        await waitForResults(page, 'Minsk');
        const count = await resultCount(page);
        expect(count, `${facet}=${option.value}`).toBe(option.count);
        expect(count).toBeLessThanOrEqual(total);
        expect(new URL(page.url()).searchParams.get(facet)).toBe(option.value);
        await chooseFacet(page, facet, '');
        await waitForResults(page, 'Minsk');
      }
    }
    expect(errors).toEqual([]);
  });

  it('narrows by type to pages of that type only', async () => {
    await searchPage(page, site.server.url, { q: 'Minsk', type: 'source' });
    const results = await resultPaths(page);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((p) => p.startsWith('/sources/'))).toBe(true);
    expect(await chosenFacet(page, 'type')).toBe('source');
  });

  it('sorts by date, newest or oldest first', async () => {
    const dated = async () => page.locator('.search-result-meta').allInnerTexts();
    await searchPage(page, site.server.url, { q: 'Minsk', type: 'source', sort: 'desc' });
    const newest = await resultPaths(page);
    await searchPage(page, site.server.url, { q: 'Minsk', type: 'source', sort: 'asc' });
    const oldest = await resultPaths(page);
    expect(newest.length).toBeGreaterThan(1);
    expect(oldest).toEqual([...newest].reverse());
    expect((await dated()).length).toBe(oldest.length);
  });
});

describe('the search page URL', () => {
  it('restores a search from ?q= and keeps the URL in step with the query', async () => {
    await searchPage(page, site.server.url, { q: 'Peskov' });
    expect(await page.locator('[data-search-root] input[type="search"]').inputValue()).toBe('Peskov');
    expect(await resultCount(page)).toBeGreaterThan(0);
    await page.locator('[data-search-root] input[type="search"]').fill('Nawfal');
    await waitForResults(page, 'Nawfal');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Nawfal');
    await page.reload();
    await waitForResults(page, 'Nawfal');
    expect(await resultCount(page)).toBeGreaterThan(0);
  });
});

describe('zero results', () => {
  it('suggests the closest known names, and a suggestion runs that search', async () => {
    await searchPage(page, site.server.url, { q: 'Lukashonko' });
    expect(await resultCount(page)).toBe(0);
    const suggestion = page.locator('[data-suggest] a').first();
    expect(await page.locator('[data-suggest]').innerText()).toMatch(/Did you mean .*Lukashenko/);
    await suggestion.click();
    await waitForResults(page, 'Lukashenko');
    expect(await resultCount(page)).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Lukashenko');
  });

  it('treats Pagefind\'s longest-prefix fallback as no result ("Byelorusia" would match "by")', async () => {
    await searchPage(page, site.server.url, { q: 'Byelorusia' });
    expect(await resultCount(page)).toBe(0);
    expect(await page.locator('[data-suggest]').innerText()).toMatch(/Did you mean .*Byelorussia/);
  });
});

describe('keyboard-only use', () => {
  it('opens with /, moves through results with the arrows, opens one with Enter, highlights the words there', async () => {
    await page.goto(`${site.server.url}${paths.timeline()}`);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.search-dialog[open]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('Peskov');
    await waitForResults(page, 'Peskov');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    const [first] = await resultPaths(page);
    expect(new URL(focused).pathname).toBe(first);
    await Promise.all([page.waitForURL((u) => u.pathname === first), page.keyboard.press('Enter')]);
    await page.waitForSelector('mark.search-hit');
    expect((await page.locator('mark.search-hit').allInnerTexts()).some((t) => /peskov/i.test(t))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opens with Ctrl+K and closes with Escape, returning focus to the trigger', async () => {
    await page.goto(site.server.url);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.search-dialog:not([open])', { state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-trigger'))).toBe(true);
  });

  it('closes with Escape while the box holds a query, as its hint says, keeping the query', async () => {
    await page.goto(site.server.url);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.search-dialog[open]');
    await page.keyboard.type('Minsk');
    await waitForResults(page, 'Minsk');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.search-dialog:not([open])', { state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-trigger'))).toBe(true);
    expect(await page.locator('dialog.search-dialog input[type="search"]').inputValue()).toBe('Minsk');
  });

  it('leaves / alone while the reader types in a field', async () => {
    await searchPage(page, site.server.url, { q: 'Minsk' });
    await page.locator('[data-search-root] input[type="search"]').press('/');
    expect(await page.locator('dialog.search-dialog').count()).toBe(0);
    expect(await page.locator('[data-search-root] input[type="search"]').inputValue()).toBe('Minsk/');
  });
});

describe('on a phone (390 × 844)', () => {
  const phone = async () => {
    await context.close();
    context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    errors = collectErrors(page);
  };

  it('shows the first result on the first screen: type pills in one row with counts, the other facets behind one Filters control', async () => {
    await phone();
    await searchPage(page, site.server.url, { q: 'Minsk' });
    const first = await page.locator('[data-search-root] .search-result').first().boundingBox();
    expect(first!.y + 40).toBeLessThan(844);
    const pills = page.locator('[data-search-root] [data-facet="type"] label');
    const boxes = await pills.evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().top));
    expect(boxes.length).toBeGreaterThan(2);
    expect(new Set(boxes.map(Math.round)).size).toBe(1);
    expect(await page.locator('[data-search-root] select').first().isVisible()).toBe(false);
    await chooseFacet(page, 'year', (await facetOptions(page, 'year'))[0]!.value);
    await waitForResults(page, 'Minsk');
    expect(await page.locator('[data-search-root] .search-filters summary').innerText()).toBe('Filters (1 on)');
    expect(errors).toEqual([]);
  });

  it('shows at most one section under a result, without repeating its excerpt', async () => {
    await phone();
    await searchPage(page, site.server.url, { q: 'Minsk agreements' });
    const results = await page.locator('[data-search-root] .search-result').evaluateAll((items) => items.map((item) => ({
      sections: item.querySelectorAll('.search-subresults li').length,
      excerpt: item.querySelector('.search-result-excerpt')?.textContent,
      subExcerpts: [...item.querySelectorAll('.search-subresults p')].map((p) => p.textContent),
    })));
    expect(results.some((r) => r.sections === 1)).toBe(true);
    for (const r of results) {
      expect(r.sections).toBeLessThanOrEqual(1);
      expect(r.subExcerpts).not.toContain(r.excerpt);
    }
  });

  it('offers, before a search, searches to try and the explainers; no empty facets; each search it offers finds pages', async () => {
    await phone();
    await page.goto(`${site.server.url}search/`);
    await page.locator('[data-search-root] input[type="search"]').waitFor();
    const start = page.locator('[data-search-start]');
    expect(await start.isVisible()).toBe(true);
    expect(await start.locator('a[href*="/explainers/"]').count()).toBe(named('explainers').length);
    expect(await page.locator('[data-search-root] .search-narrow').isVisible()).toBe(false);
    const tries = await start.locator('.search-starting a').allInnerTexts();
    expect(tries.length).toBeGreaterThan(2);
    for (const query of tries) {
      await page.goto(`${site.server.url}search/`);
      await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === query), start.getByRole('link', { name: query, exact: true }).click()]);
      await waitForResults(page, query);
      expect(await resultCount(page), query).toBeGreaterThan(0);
      expect(await start.isVisible()).toBe(false);
    }
    expect(errors).toEqual([]);
  });
});

describe('result links', () => {
  const links = () => page.locator('[data-search-root] a[data-result-link]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));

  it('carry the page and the words typed, no more, within 200 characters; the page marks the other spellings itself', async () => {
    await searchPage(page, site.server.url, { q: 'Lukashenka' });
    const hrefs = await links();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.length, href).toBeLessThanOrEqual(200);
      expect(new URL(href, site.server.url).searchParams.getAll('pagefind-highlight')).toEqual(['Lukashenka']);
    }
    // The 2025 explainer writes Lukashenko (Lukashenka only in quotations): the page marks both.
    const explainer = hrefs.find((h) => h.startsWith(`/${paths.explainer('the-2025-offer')}`))!;
    expect(explainer).toBeDefined();
    await page.goto(new URL(explainer, site.server.url).href);
    await page.waitForSelector('mark.search-hit');
    const marked = new Set((await page.locator('mark.search-hit').allInnerTexts()).map((t) => t.trim()));
    expect(marked.has('Lukashenko')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('leave out the words that would make them longer than 200 characters', async () => {
    const query = 'Minsk agreements documents signed Belarusian capital September 2014 February 2015 fighting eastern Ukraine Normandy format Security Council';
    await searchPage(page, site.server.url, { q: query });
    const hrefs = await links();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.length, href).toBeLessThanOrEqual(200);
      const words = new URL(href, site.server.url).searchParams.getAll('pagefind-highlight');
      expect(words.length).toBeGreaterThan(1);
      expect(words).toEqual(query.split(' ').slice(0, words.length));
    }
  });
});

describe('odd input', () => {
  const inputs = {
    cyrillic: 'Лукашенко Минск',
    long: 'negotiation '.repeat(42).slice(0, 500),
    regex: '.*+?^${}()|[]\\ /(?<x>a)\\1',
    emoji: '🕊️ peace 🇧🇾',
    html: '<img src=x onerror="window.__pwned=1">',
    quotes: '"Minsk talks',
  };
  for (const [name, query] of Object.entries(inputs)) {
    it(`shows no error for ${name} input`, async () => {
      await page.goto(site.server.url);
      await page.keyboard.press('/');
      await page.waitForSelector('dialog.search-dialog[open]');
      await page.keyboard.insertText(query);
      await waitForResults(page, query);
      expect(await page.locator('[data-search-root]').getAttribute('data-state')).toBe('ready');
      expect(await page.locator('[data-search-root] .search-status').innerText()).toMatch(/results? for|No results/);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(errors).toEqual([]);
    });
  }
});

describe('loading', () => {
  it('fetches no search bytes before search is opened or the browser is idle, and little JavaScript', async () => {
    // Keep the browser "busy": idle callbacks never run, so only opening search may load it.
    await page.addInitScript(() => {
      (window as { requestIdleCallback: unknown }).requestIdleCallback = () => 0;
    });
    const requested: string[] = [];
    let scriptBytes = 0;
    page.on('response', async (response) => {
      requested.push(new URL(response.url()).pathname);
      if (response.request().resourceType() === 'script') scriptBytes += gzipSync(await response.body()).length;
    });
    // Until the network has been quiet for half a second: whatever loads by itself has loaded.
    await page.goto(`${site.server.url}${paths.actors()}`, { waitUntil: 'networkidle' });
    const searchBytes = requested.filter((p) => /pagefind|search-ui|search-vocabulary|sw\.js/.test(p));
    expect(searchBytes).toEqual([]);
    expect(scriptBytes).toBeLessThanOrEqual(3 * 1024);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.search-dialog[open]');
    await page.keyboard.type('Minsk');
    await waitForResults(page, 'Minsk');
    expect(requested.some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
  });

  it('shows the first results from the core bundle, then merges in the archive and finds sources there', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.server.url);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.search-dialog[open]');
    const source = named('sources')[0]!;
    await page.keyboard.type(source.data.title as string);
    // The first results on screen: nothing of the archive fetched yet.
    await page.waitForFunction((q) => {
      const root = document.querySelector<HTMLElement>('[data-search-root]');
      return root?.dataset.query === q && root.dataset.state !== 'searching';
    }, source.data.title as string);
    expect(requested.filter((p) => p.includes('/pagefind-archive/'))).toEqual([]);
    await waitForResults(page, source.data.title as string);
    expect(requested.some((p) => p.endsWith('/pagefind-archive/pagefind-entry.json'))).toBe(true);
    expect((await resultPaths(page)).slice(0, 3)).toContain(`/${paths.source(source.id)}`);
    expect((await facetOptions(page, 'type')).find((o) => o.value === 'source')?.count).toBeGreaterThan(0);
  });

  it('registers the service worker once the browser is idle', async () => {
    await page.goto(site.server.url);
    await waitForOfflineReady(page);
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(1);
  });
});

describe('offline', () => {
  it('after one visit, searches and opens visited pages with the network off, and says so', async () => {
    await page.goto(`${site.server.url}${paths.sources()}`);
    await waitForOfflineReady(page);
    await page.reload(); // visited under the worker's control, so this page is saved
    await context.setOffline(true);
    await page.goto(site.server.url);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.search-dialog[open]');
    await page.keyboard.type('Lukashenka');
    await waitForResults(page, 'Lukashenka');
    expect(await resultCount(page)).toBeGreaterThan(0);
    expect(await page.locator('[data-offline]').innerText()).toMatch(/offline/i);
    expect(await page.locator('[data-offline]').getAttribute('data-offline')).toBe('saved');
    await page.goto(`${site.server.url}${paths.sources()}`);
    expect(await page.locator('h1').innerText()).toBe('Sources');
    const response = await page.goto(`${site.server.url}${paths.actors()}`);
    expect(response?.status()).toBe(503);
    expect(await page.locator('h1').innerText()).toBe('You are offline');
  });
});
