import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteInBrowser } from '../helpers/browser';
import { root } from '../helpers/build';

/**
 * Issue 20: the filters of /sources/ (pages/sources/index.astro, global.css) on a 390 × 844 phone,
 * folded behind one "Filters" control, and on a 1280 × 900 desktop, a row above the table. Over
 * the built site (dist/, or DIST_DIR).
 */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' };
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

const site = siteInBrowser(dist);

async function open(options: BrowserContextOptions): Promise<Page> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${site.server.url}sources/`);
  return page;
}

type Box = { top: number; bottom: number; left: number; right: number; width: number; height: number };
const box = (page: Page, selector: string): Promise<Box> =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  });
/** The folded control's words, as read out: "Filters · 1 active". */
const toggleText = async (page: Page) => (await page.locator('.filters > summary').textContent())!.replace(/\s+/g, ' ').trim();
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Layout shifts while the page loaded, summed. */
const shifted = (page: Page) =>
  page.evaluate(() => new Promise<number>((resolve) => {
    let sum = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Array<{ value: number }>) sum += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(sum)));
  }));

describe('on a phone (390 × 844)', () => {
  it('folds the filters behind one "Filters" control that says how many are set', async () => {
    const page = await open(phone);
    const toggle = page.locator('.filters > summary');
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggleText(page)).toBe('Filters · none active');
    expect(Math.round((await box(page, '.filters > summary')).height)).toBeGreaterThanOrEqual(44);
    // Before it is opened, none of the filters' own controls shows: one control stands for them.
    for (const control of await page.locator('.filters select, .filters button, .filters output').all()) expect(await control.isVisible()).toBe(false);
    // The table starts right under it, and nothing moved while the page loaded.
    expect((await box(page, '.source-table')).top - (await box(page, '.filters')).bottom).toBeLessThan(40);
    expect(await shifted(page)).toBe(0);
    await page.context().close();
  });

  it('shows styled selects at least 44 px tall that fit the screen, and the count clear of Apply', async () => {
    const page = await open(phone);
    await page.locator('.filters > summary').tap();
    const selects = page.locator('.filters select');
    await expect.poll(() => selects.first().isVisible()).toBe(true);
    expect(await selects.count()).toBe(3);
    for (const select of await selects.all()) {
      const r = await select.evaluate((el) => {
        const s = getComputedStyle(el), b = el.getBoundingClientRect();
        return { height: b.height, left: b.left, right: b.right, font: s.fontSize, family: s.fontFamily, body: getComputedStyle(document.body).fontFamily, radius: s.borderTopLeftRadius };
      });
      expect(r.height).toBeGreaterThanOrEqual(44);
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(390);
      // The site's type, not the browser's default for controls.
      expect(r.family).toBe(r.body);
      expect(parseFloat(r.font)).toBeGreaterThanOrEqual(16);
      expect(r.radius).not.toBe('0px');
    }
    const count = await box(page, '.filters output');
    const apply = await box(page, '.filters button[type="submit"]');
    expect(await page.locator('.filters output').innerText()).toMatch(/^\d+ of \d+ sources$/);
    expect(overlap(count, apply)).toBe(false);
    expect(apply.height).toBeGreaterThanOrEqual(44);
    expect(apply.right).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('filters the table and counts the filters set on the folded control', async () => {
    const page = await open(phone);
    await page.locator('.filters > summary').tap();
    const kind = page.locator('select[name="kind"]');
    await kind.waitFor();
    const value = await kind.locator('option').nth(1).getAttribute('value');
    await kind.selectOption(value!);
    const rows = page.locator('.source-table tbody tr');
    const shown = await page.locator('.source-table tbody tr:not([hidden])').count();
    expect(shown).toBe(await page.locator(`.source-table tbody tr[data-kind="${value}"]`).count());
    expect(await page.locator('.filters output').innerText()).toBe(`${shown} of ${await rows.count()} sources`);
    expect(await toggleText(page)).toBe('Filters · 1 active');
    await page.locator('select[name="outlet"]').selectOption({ index: 1 });
    expect(await toggleText(page)).toBe('Filters · 2 active');
    await page.context().close();
  });

  it('without JavaScript, shows no filters (they would do nothing) and the whole table', async () => {
    const page = await open({ ...phone, javaScriptEnabled: false });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect((await box(page, '.source-table')).top - (await box(page, '.lede')).bottom).toBeLessThan(40);
    expect(await page.locator('.source-table tbody tr:not([hidden])').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('has no axe violations with the filters open, light and dark', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open({ ...phone, colorScheme: scheme });
      await page.locator('.filters > summary').tap();
      await page.locator('.filters select').first().waitFor();
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      problems.push(...violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});

describe('on a desktop (1280 × 900)', () => {
  it('shows the filters in place, with no "Filters" control, the count clear of Apply', async () => {
    const page = await open(desktop);
    const selects = page.locator('.filters select');
    await expect.poll(() => selects.first().isVisible()).toBe(true);
    expect(await page.locator('.filters > summary').isVisible()).toBe(false);
    for (const select of await selects.all()) expect(await select.isVisible()).toBe(true);
    expect(overlap(await box(page, '.filters output'), await box(page, '.filters button[type="submit"]'))).toBe(false);
    expect(await shifted(page)).toBe(0);
    await page.context().close();
  });
});
