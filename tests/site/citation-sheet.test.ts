import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { siteInBrowser } from '../helpers/browser';
import { root } from '../helpers/build';

/**
 * Issue 20: citations as a reference work gives them (scripts/citation-sheet.ts, global.css). On a
 * phone a tapped marker opens a sheet with its source, read from the page's own list; landing on
 * a list entry or on a cited sentence leaves room above it and marks it. Over the built site
 * (dist/, or DIST_DIR); each test waits for the state it asserts.
 */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const explainers = entries.filter((e) => e.collection === 'explainers').map((e) => e.id).sort();

const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' };
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

const site = siteInBrowser(dist);

async function open(path: string, options: BrowserContextOptions): Promise<Page> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  // Layout shifts from here on, summed (the page's own loading included).
  await page.evaluate(() => {
    const w = window as unknown as { shifted: number };
    w.shifted = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.shifted += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return page;
}

const box = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  });

/** How far below the top of the screen a landing target must sit: below a pinned header, with room. */
const clearance = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector('.site-header')!;
    const pinned = /sticky|fixed/.test(getComputedStyle(header).position);
    return (pinned ? Math.max(0, header.getBoundingClientRect().bottom) : 0) + 16;
  });

/** The entry in "Sources cited" that a marker links to: its title, its page and its id. */
const entryOf = (page: Page, marker: string) =>
  page.locator(marker).evaluate((a: HTMLAnchorElement) => {
    const li = document.getElementById(a.hash.slice(1))!;
    const link = li.querySelector('a')!;
    return { id: li.id, title: link.textContent!, href: link.href, reliability: li.querySelector('.cited-reliability')!.textContent!.replace(/^\s*·\s*/, '') };
  });

describe('on a phone (390 × 844)', () => {
  const marker = '.explainer-body .cite a >> nth=2';

  for (const id of explainers) {
    it(`opens a sheet for a tapped citation in ${id}, with nothing moving, and closes it with Escape`, async () => {
      const page = await open(`explainers/${id}/`, phone);
      const a = page.locator(marker);
      await a.scrollIntoViewIfNeeded();
      const entry = await entryOf(page, marker);
      const before = { y: await page.evaluate(() => scrollY), marker: await a.evaluate((el) => el.getBoundingClientRect().top), url: page.url() };
      await a.tap();
      const sheet = page.getByRole('dialog');
      await sheet.waitFor();
      // The source as the list gives it, and a way to it.
      expect(await sheet.getAttribute('aria-labelledby')).toBeTruthy();
      expect(await sheet.locator('.cite-sheet-title').textContent()).toBe(entry.title);
      expect((await sheet.innerText()).toLowerCase()).toContain(entry.reliability.toLowerCase());
      const go = sheet.getByRole('link', { name: /^Go to (source|document)$/ });
      expect(await go.getAttribute('href')).toBe(new URL(entry.href).pathname);
      expect(await sheet.getByRole('link', { name: 'See it in Sources cited' }).getAttribute('href')).toBe(`#${entry.id}`);
      // A sheet along the bottom of the screen, whole; the page under it did not move or navigate.
      const s = await box(page, 'dialog.cite-sheet');
      expect(s.bottom).toBeLessThanOrEqual(844.5);
      expect(s.bottom).toBeGreaterThan(843);
      expect(s.top).toBeGreaterThan(844 / 4);
      expect([s.left, s.right]).toEqual([0, 390]);
      expect(page.url()).toBe(before.url);
      expect(await page.evaluate(() => scrollY)).toBe(before.y);
      expect(await a.evaluate((el) => el.getBoundingClientRect().top)).toBe(before.marker);
      expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBe(0);
      // No hover card left over the text.
      expect(await a.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('none');
      await page.keyboard.press('Escape');
      await expect.poll(() => sheet.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(await a.getAttribute('id'));
      await page.context().close();
    });
  }

  it('closes the sheet with its button and with a tap outside it, the focus back on the marker each time', async () => {
    const page = await open(`explainers/${explainers[0]}/`, phone);
    const a = page.locator(marker);
    const sheet = page.getByRole('dialog');
    await a.scrollIntoViewIfNeeded();
    await a.tap();
    await sheet.waitFor();
    await sheet.getByRole('button', { name: 'Close' }).tap();
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await a.getAttribute('id'));
    await a.tap();
    await sheet.waitFor();
    const top = (await box(page, 'dialog.cite-sheet')).top;
    await page.touchscreen.tap(195, top / 2);
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await a.getAttribute('id'));
    await page.context().close();
  });

  it('goes from the sheet to the entry in Sources cited, marked, with room above it', async () => {
    const page = await open(`explainers/${explainers[0]}/`, phone);
    const entry = await entryOf(page, marker);
    await page.locator(marker).tap();
    await page.getByRole('dialog').getByRole('link', { name: 'See it in Sources cited' }).tap();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#${entry.id}$`));
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    const li = page.locator(`[id="${entry.id}"]`);
    await expect.poll(() => li.evaluate((el) => el.matches(':target'))).toBe(true);
    const r = await li.evaluate((el) => el.getBoundingClientRect().top);
    expect(r).toBeGreaterThanOrEqual(await clearance(page));
    expect(r).toBeLessThan(844 / 2);
    expect(await li.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.context().close();
  });

  it('has no axe violations with the sheet open, light and dark', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(`explainers/${explainers[0]}/`, { ...phone, colorScheme: scheme });
      await page.locator(marker).tap();
      await page.getByRole('dialog').waitFor();
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      problems.push(...violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('without JavaScript, a marker is a plain link to its entry in Sources cited', async () => {
    const context = await site.browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}explainers/${explainers[0]}/`);
    const a = page.locator(marker);
    const href = (await a.getAttribute('href'))!;
    await a.tap();
    await expect.poll(() => page.url()).toMatch(new RegExp(`${href}$`));
    expect(await page.locator('dialog').count()).toBe(0);
    expect((await box(page, `[id="${href.slice(1)}"]`)).top).toBeGreaterThanOrEqual(16);
    await context.close();
  });

  for (const id of explainers) {
    it(`lands a "Cited at" link in ${id} on the whole sentence, below the header, marked`, async () => {
      const page = await open(`explainers/${id}/`, phone);
      // The back-link whose sentence is longest, the hardest to land whole: a sentence runs from
      // the end of the one before it, or from a citation that text follows, to its marker.
      const index = await page.evaluate(() => {
        const length = (sup: Element) => {
          let text = '';
          const walker = document.createTreeWalker(sup.closest('p, li, figcaption, blockquote')!, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n && !sup.contains(n); n = walker.nextNode()) {
            if (n.parentElement!.closest('.cite')) text += '\u0000';
            else text += n.textContent;
          }
          return text.replace(/^[^]*(?:[.!?][”’"')\]]*\s+|\u0000+(?=\s*[^\s\u0000]))/, '').trim().length;
        };
        const lengths = [...document.querySelectorAll<HTMLAnchorElement>('.backlinks a')].map((l) => length(document.getElementById(l.hash.slice(1))!.parentElement!));
        return lengths.indexOf(Math.max(...lengths));
      });
      const link = page.locator('.backlinks a').nth(index);
      const target = (await link.getAttribute('href'))!;
      await link.scrollIntoViewIfNeeded();
      await link.tap();
      await expect.poll(() => page.url()).toMatch(new RegExp(`${target}$`));
      const marker = page.locator(`[id="${target.slice(1)}"]`);
      await expect.poll(() => marker.evaluate((el) => el.matches(':target'))).toBe(true);
      const landed = await page.evaluate((id) => {
        const a = document.getElementById(id)!;
        const range = [...CSS.highlights.get('cited')!][0] as Range;
        const lines = [...range.getClientRects()].filter((r) => r.width);
        const before = range.startContainer.textContent!.slice(0, range.startOffset);
        return {
          top: Math.min(...lines.map((r) => r.top)),
          marker: a.getBoundingClientRect().bottom,
          // The highlight runs from a sentence's start to the marker.
          startsSentence: range.startOffset === 0 || /[.!?][”’"')\]]*\s+$/.test(before) || /^\s*$/.test(before),
          endsAtMarker: range.endContainer === a.parentElement!.parentElement && range.endOffset === [...range.endContainer.childNodes].indexOf(a.parentElement!),
          outline: getComputedStyle(a).outlineStyle,
        };
      }, target.slice(1));
      expect(landed.startsSentence).toBe(true);
      expect(landed.endsAtMarker).toBe(true);
      expect(landed.top).toBeGreaterThanOrEqual(await clearance(page));
      expect(landed.marker).toBeLessThanOrEqual(844);
      expect(landed.outline).toBe('solid');
      await page.context().close();
    });
  }
});

describe('on a desktop (1280 × 900)', () => {
  it('keeps the marker a link to its entry, the card on hover and focus, and the entry lands below the header', async () => {
    const page = await open(`explainers/${explainers[0]}/`, desktop);
    const a = page.locator('.explainer-body .cite a').first();
    await a.hover();
    expect(await a.evaluate((el) => getComputedStyle(el, '::after').display)).toBe('block');
    expect(await a.evaluate((el) => getComputedStyle(el, '::after').content)).toContain('Source 1');
    const href = (await a.getAttribute('href'))!;
    await a.click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`${href}$`));
    expect(await page.locator('dialog[open]').count()).toBe(0);
    const li = page.locator(`[id="${href.slice(1)}"]`);
    await expect.poll(() => li.evaluate((el) => el.matches(':target'))).toBe(true);
    expect((await li.evaluate((el) => el.getBoundingClientRect().top))).toBeGreaterThanOrEqual(await clearance(page));
    await page.context().close();
  });
});
