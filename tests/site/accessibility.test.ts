import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteInBrowser } from '../helpers/browser';
import { root } from '../helpers/build';

/** Over the real site as `npm run build` left it in dist/ (or DIST_DIR), in Debian's Chromium. */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const first = (dir: string) => readdirSync(join(dist, dir), { withFileTypes: true }).find((e) => e.isDirectory())!.name;

/** One page of every type; the explainer and the place carry the map. */
const pages: Record<string, string> = {
  home: '',
  explainer: 'explainers/belarus-situational-neutrality/',
  source: `sources/${first('sources')}/`,
  sources: 'sources/',
  actor: `actors/${first('actors')}/`,
  actors: 'actors/',
  outlet: `outlets/${first('outlets')}/`,
  outlets: 'outlets/',
  timeline: 'timeline/',
  event: `timeline/${first('timeline')}/`,
  glossary: 'glossary/',
  term: `glossary/${first('glossary')}/`,
  reference: `references/${first('references')}/`,
  references: 'references/',
  place: 'places/belarus/',
  places: 'places/',
  '404': '404.html',
};

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

const site = siteInBrowser(dist);

async function open(path: string): Promise<Page> {
  const context = await site.browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  return page;
}

const isDark = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme === 'dark');

async function violations(page: Page, label: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(tags).analyze();
  return found.map((v) => `${label}: ${v.id} — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Each page in four themes: light and dark by the system setting, then each overridden by the
 * page's theme control (data-theme), which is what a reader who switches sees.
 */
describe('accessibility (axe-core, WCAG 2.2 A/AA and best practice), light and dark', () => {
  for (const [type, path] of Object.entries(pages)) {
    it(`finds no violations on the ${type} page (/${path})`, { timeout: 300_000 }, async () => {
      const page = await open(path);
      const found: string[] = [];
      expect(await isDark(page)).toBe(false);
      found.push(...(await violations(page, 'light (system)')));
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await isDark(page)).toBe(true);
      found.push(...(await violations(page, 'dark (system)')));
      await page.getByLabel('Theme', { exact: true }).selectOption('light');
      expect(await isDark(page)).toBe(false);
      found.push(...(await violations(page, 'light (toggle over dark system)')));
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByLabel('Theme', { exact: true }).selectOption('dark');
      expect(await isDark(page)).toBe(true);
      found.push(...(await violations(page, 'dark (toggle over light system)')));
      await page.context().close();
      expect(found).toEqual([]);
    });
  }

  it('would report a violation: low-contrast text added to a page is caught', async () => {
    const page = await open('');
    // Styled through the CSSOM: the Content-Security-Policy forbids inline style attributes.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'faint';
      Object.assign(p.style, { color: '#999', background: '#aaa' });
      document.querySelector('main')!.append(p);
    });
    expect((await violations(page, 'control')).some((v) => v.includes('color-contrast'))).toBe(true);
    await page.context().close();
  });
});

describe('keyboard and reading order', () => {
  it('shows a visible focus ring on links, and the skip link moves focus to the main content', async () => {
    const page = await open('');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('has one h1 and no skipped heading levels on any page type', async () => {
    const problems: string[] = [];
    for (const [type, path] of Object.entries(pages)) {
      const page = await open(path);
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      if (levels.filter((l) => l === 1).length !== 1) problems.push(`${type}: ${levels.filter((l) => l === 1).length} h1`);
      levels.forEach((l, i) => { if (i > 0 && l > levels[i - 1]! + 1) problems.push(`${type}: h${levels[i - 1]} then h${l}`); });
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});
