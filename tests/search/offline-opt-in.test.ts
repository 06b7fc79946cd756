import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { root, runBuild } from '../helpers/build';
import { serveDist, type StaticServer } from '../helpers/serve';
import { collectErrors, resultPaths, waitForOfflineReady, waitForResults } from './browser-search';

/**
 * A large archive (issue 16): the background download on a first visit stays small, and the reader
 * is offered "Save search for offline use (N MB)" with progress. The fixture is built as if it were
 * large (OFFLINE_AUTO_SAVE_BYTES=1), so the path a 2,000-source archive takes is tried quickly, and
 * with its archive in parts of two pages (SEARCH_ARCHIVE_PART_PAGES=2), as a 10,000-source archive is
 * in parts of 1,000.
 */
let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  const built = runBuild(join(root, 'tests/fixtures/search'), { env: { OFFLINE_AUTO_SAVE_BYTES: '1', SEARCH_ARCHIVE_PART_PAGES: '2' } });
  expect(built.code, built.output).toBe(0);
  expect(built.output).toMatch(/chunks \([\d.]+ MB\) when the reader asks/);
  expect(built.output).toMatch(/in the archive \(4 bundles\)/);
  server = await serveDist(built.outDir);
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('saving search for offline use on a large archive', () => {
  it('downloads no index chunk unasked, then saves them all when asked, with progress, and searches offline', async () => {
    const errors = collectErrors(page);
    await page.goto(server.url);
    await waitForOfflineReady(page);
    expect(requested.filter((p) => /\/pagefind\/(index|fragment|filter)\//.test(p))).toEqual([]);

    await page.goto(`${server.url}search/`);
    const offer = page.locator('[data-offline-offer]');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.locator('button').innerText()).toMatch(/^Save search for offline use \([\d.]+ MB\)$/);
    await offer.locator('button').click();
    await page.waitForFunction(() => /saved on this device/.test(document.querySelector('[data-offline-progress]')?.textContent ?? ''));

    await context.setOffline(true);
    await page.goto(server.url);
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.search-dialog[open]');
    await page.keyboard.type('Minsk');
    await waitForResults(page, 'Minsk');
    expect((await resultPaths(page)).length).toBeGreaterThan(0);
    expect(await page.locator('[data-offline]').getAttribute('data-offline')).toBe('saved');

    // Every part of the archive is merged in from the saved copy: the four sources, which all say "venue", are found.
    await page.goto(`${server.url}search/?q=venue&type=source`);
    await waitForResults(page, 'venue');
    expect((await resultPaths(page)).sort()).toEqual(['archive-note', 'ceasefire-line', 'offer-reported', 'talks-in-the-capital'].map((id) => `/sources/${id}/`));
    expect(errors).toEqual([]);
  });
});
