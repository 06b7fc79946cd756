import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { wordsOf } from '../../src/features/search/aliases';
import { indexedText } from '../../src/features/search/annotate';
import { launchBrowser } from '../helpers/browser';
import { root, runBuild } from '../helpers/build';
import { htmlFiles } from '../helpers/dist';
import {
  allResults, chooseFacet, collectErrors, facetOptions, pollPage, resultCount, resultPaths, searchPage, waitForOfflineReady, waitForResults,
} from './browser-search';

/**
 * Search on a small fixture site whose pages each use one spelling of a name, built under the
 * sub-path /minsk/ twice (two deploys) to check aliases in both directions, facets, sub-results,
 * the base path and cache replacement exactly.
 */
const base = '/minsk/';
const fixture = join(root, 'tests/fixtures/search');

/** A second deploy: the same content plus one source, and an alias an editor added. */
function secondDeployContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mte-search-content-'));
  cpSync(fixture, dir, { recursive: true });
  const actor = join(dir, 'actors/alexander-lukashenko.yaml');
  writeFileSync(actor, readFileSync(actor, 'utf8').replace('Alyaksandr Lukashenka]', 'Alyaksandr Lukashenka, Aliaksandr Lukashenka]'));
  writeFileSync(join(dir, 'sources/second-deploy.mdx'), `---
title: Added in the second deploy
outlet: weekly-digest
date: 2025-04-02
datePrecision: day
kind: news report
language: en
summary: A source that exists only in the second build.
---
The word quixotry appears only here.
`);
  return dir;
}

/** One origin serving whichever deploy is current, under the base path. */
function deployServer(): { url: Promise<string>; deploy: (dist: string) => void; close: () => Promise<void>; requested: string[] } {
  let files: ReturnType<typeof sirv> | undefined;
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    const notFound = () => { res.statusCode = 404; res.end('not found'); };
    requested.push(req.url ?? '');
    if (!files || !req.url?.startsWith(base)) return notFound();
    req.url = `/${req.url.slice(base.length)}`;
    files(req, res, notFound);
  });
  const url = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`)));
  return {
    url,
    deploy: (dist) => { files = sirv(dist, { dev: true, etag: true }); },
    close: () => new Promise((resolve) => server.close(() => resolve())),
    requested,
  };
}

let first: string;
let second: string;
let server: ReturnType<typeof deployServer>;
let siteUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const one = runBuild(fixture, { env: { BASE: base } });
  expect(one.code, one.output).toBe(0);
  const two = runBuild(secondDeployContent(), { env: { BASE: base } });
  expect(two.code, two.output).toBe(0);
  [first, second] = [one.outDir, two.outDir];
  server = deployServer();
  server.deploy(first);
  siteUrl = await server.url;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  server.deploy(first);
  context = await browser.newContext();
  page = await context.newPage();
  errors = collectErrors(page);
});
afterEach(async () => {
  await context.close();
});

describe('aliases on the fixture site', () => {
  const pairs: [string, string][] = [['Lukashenko', 'Lukashenka'], ['Zelenskyy', 'Zelensky'], ['Kyiv', 'Kiev'], ['Luhansk', 'Lugansk'], ['Belarus', 'Byelorussia']];

  it('find, both ways, the page that uses only the other spelling', async () => {
    const pages = htmlFiles(first).map((file) => ({
      path: `${base}${file.replace(/index\.html$/, '')}`,
      words: new Set(wordsOf(indexedText(readFileSync(join(first, file), 'utf8')) ?? '').map((w) => w.toLowerCase())),
    }));
    await page.goto(siteUrl);
    for (const [a, b] of pairs) {
      for (const [query, other] of [[a, b], [b, a]] as [string, string][]) {
        const onlyOther = pages.filter((p) => p.words.has(other.toLowerCase()) && !p.words.has(query.toLowerCase())).map((p) => p.path);
        expect(onlyOther.length, `a page that says only "${other}"`).toBeGreaterThan(0);
        const results = await allResults(page, siteUrl, query);
        expect(results, `"${query}"`).toEqual(expect.arrayContaining(onlyOther));
      }
    }
    // "Alyaksandr" is only part of an alias ("Alyaksandr Lukashenka") and still finds both spellings.
    expect(await allResults(page, siteUrl, 'Alyaksandr')).toEqual(expect.arrayContaining([`${base}sources/offer-reported/`, `${base}sources/talks-in-the-capital/`]));
  });

  it('keep excerpts clean, say which name matched, and highlight the spelling the page uses', async () => {
    await searchPage(page, siteUrl, { q: 'Lukashenka' });
    const result = page.locator('.search-result', { has: page.locator(`a[href^="${base}sources/talks-in-the-capital/"]`) });
    expect(await result.locator('.search-result-excerpt').innerText()).not.toMatch(/Lukashenka|Alyaksandr/);
    expect(await result.locator('.search-result-alias').innerText()).toBe('Mentions Alexander Lukashenko (you searched “Lukashenka”)');
    await Promise.all([page.waitForURL(/talks-in-the-capital/), result.locator('.search-result-title').click()]);
    await page.waitForSelector('mark.search-hit');
    expect(await page.locator('main mark.search-hit').allInnerTexts()).toContain('Lukashenko');
    expect(errors).toEqual([]);
  });
});

describe('facets on the fixture site', () => {
  it('count every result once by type, and each value of each facet narrows to its count', async () => {
    await searchPage(page, siteUrl, { q: 'venue' });
    const total = await resultCount(page);
    const types = await facetOptions(page, 'type');
    expect(types.map((t) => t.value)).toEqual(['explainer', 'source', 'event', 'glossary', 'outlet']);
    expect(types.reduce((n, t) => n + t.count, 0)).toBe(total);
    const years = await facetOptions(page, 'year');
    expect(years.map((y) => y.value)).toEqual(['2025', '2015', '2014']);
    for (const facet of ['type', 'outlet', 'actor', 'year']) {
      for (const option of await facetOptions(page, facet)) {
        await chooseFacet(page, facet, option.value);
        await waitForResults(page, 'venue');
        expect(await resultCount(page), `${facet}=${option.value}`).toBe(option.count);
        expect(await page.locator('.search-status').innerText()).toContain(`of ${total} before filtering`);
        await chooseFacet(page, facet, '');
        await waitForResults(page, 'venue');
      }
    }
  });

  it('combine: the other facets count within the chosen one', async () => {
    await searchPage(page, siteUrl, { q: 'venue', outlet: 'Weekly Digest' });
    const types = await facetOptions(page, 'type');
    expect(types.reduce((n, t) => n + t.count, 0)).toBe(await resultCount(page));
    expect(Object.fromEntries(types.map((t) => [t.value, t.count]))).toEqual({ source: 2, outlet: 1 });
  });
});

describe('sub-results and the base path', () => {
  it('link to the section of an explainer that matched, under /minsk/', async () => {
    await searchPage(page, siteUrl, { q: 'earlier' });
    const sub = page.locator('.search-subresults a').first();
    expect(await sub.innerText()).toBe('Earlier talks');
    const href = new URL((await sub.getAttribute('href'))!, siteUrl);
    expect(href.pathname).toBe(`${base}explainers/why-the-capital/`);
    expect(href.hash).toBe('#earlier-talks');
    expect((await resultPaths(page)).every((p) => p.startsWith(base))).toBe(true);
  });

  it('registers the service worker for the sub-path only', async () => {
    await page.goto(siteUrl);
    await waitForOfflineReady(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(siteUrl);
    expect(await page.evaluate(async () => caches.keys())).toEqual([`mte:${base}:files`]);
  });
});

describe('a new deploy', () => {
  it('updates only what changed, keeps old tabs working, and offline search then knows the new content and the new alias', async () => {
    await page.goto(siteUrl);
    await waitForOfflineReady(page);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.search-dialog[open]');
    // Before: Pagefind answers the unknown "Aliaksandr" with pages holding "a"; the interface says no result.
    await page.keyboard.type('Aliaksandr');
    await waitForResults(page, 'Aliaksandr');
    expect(await resultCount(page)).toBe(0);
    await page.locator('[data-search-root] input[type="search"]').fill('quixotry');
    await waitForResults(page, 'quixotry');
    expect(await resultCount(page)).toBe(0);

    // The new deploy: its worker installs beside the old one, fetching only files whose bytes changed.
    server.deploy(second);
    server.requested.length = 0;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await pollPage(page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
    const fetched = server.requested.map((u) => u.slice(base.length).split('?')[0]!);
    expect(fetched).toContain('sw.js');
    expect(fetched).toContain('pagefind/pagefind-entry.json');
    // Unchanged between the deploys: the styles, the scripts, Pagefind's code and its search engine.
    expect(fetched.filter((u) => u.startsWith('_astro/') || /^pagefind\/(pagefind\.js|wasm\.)/.test(u))).toEqual([]);
    // The old tab keeps its worker until it closes; a new visit gets the new one.
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.close();
    page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(siteUrl);
    await waitForOfflineReady(page);

    await context.setOffline(true);
    await page.goto(siteUrl);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.search-dialog[open]');
    await page.keyboard.type('quixotry');
    await waitForResults(page, 'quixotry');
    expect(await resultPaths(page)).toEqual([`${base}sources/second-deploy/`]);
    expect(await page.locator('[data-offline]').getAttribute('data-offline')).toBe('saved');
    // The alias added to the actor's file now finds the pages that mention him, with no code change.
    await page.locator('[data-search-root] input[type="search"]').fill('Aliaksandr');
    await waitForResults(page, 'Aliaksandr');
    expect(await resultPaths(page)).toEqual(expect.arrayContaining([`${base}sources/offer-reported/`, `${base}sources/talks-in-the-capital/`]));
    expect(errors).toEqual([]);
  });
});
