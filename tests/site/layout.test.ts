import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { siteInBrowser } from '../helpers/browser';
import { root } from '../helpers/build';

/**
 * Issue 20: the reading layout on a 390 × 844 phone and a 1280 × 900 desktop, over the built site
 * (dist/, or DIST_DIR). Each test waits for the state it asserts; none sleeps.
 */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const explainers = entries
  .filter((e) => e.collection === 'explainers')
  .sort((a, b) => (a.data as { order: number }).order - (b.data as { order: number }).order)
  .map((e) => e.id);
const first = (dir: string) => readdirSync(join(dist, dir), { withFileTypes: true }).find((e) => e.isDirectory())!.name;

const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' };

/** One page of each type a reader lands on. */
const pageTypes: Record<string, string> = {
  home: '',
  explainer: `explainers/${explainers[0]}/`,
  source: `sources/${first('sources')}/`,
  sources: 'sources/',
  timeline: 'timeline/',
  actor: `actors/${first('actors')}/`,
  glossary: 'glossary/',
  term: `glossary/${first('glossary')}/`,
};

const site = siteInBrowser(dist);

async function open(path: string, options: BrowserContextOptions): Promise<Page> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  return page;
}

const rect = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  });

describe('on a phone (390 × 844)', () => {
  it('has a header of one row, at most 64 px tall, on every page type', async () => {
    const problems: string[] = [];
    const page = await open('', phone);
    for (const [type, path] of Object.entries(pageTypes)) {
      await page.goto(site.server.url + path);
      const header = await rect(page, '.site-header');
      if (header.height > 64) problems.push(`${type}: header ${header.height} px tall`);
      // The wordmark, the menu button and search side by side: their middles within a few pixels.
      const middles = await page.locator('.wordmark, .menu > summary, .search-trigger').evaluateAll((els) =>
        els.map((el) => { const r = el.getBoundingClientRect(); return r.top + r.height / 2; }));
      if (middles.length !== 3 || Math.max(...middles) - Math.min(...middles) > 6) problems.push(`${type}: not one row (${middles.join(', ')})`);
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('opens the menu without JavaScript: every section, in a panel under the header', async () => {
    const context = await site.browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}sources/`);
    const links = page.locator('nav[aria-label="Main"] a');
    await expect.poll(() => links.first().isVisible()).toBe(false);
    const menu = page.locator('.menu > summary');
    expect(await page.locator('.menu').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await menu.click();
    await page.locator('.menu[open]').waitFor();
    expect(await links.evaluateAll((as) => as.map((a) => a.textContent))).toEqual(['Explainers', 'Sources', 'Timeline', 'Actors', 'Glossary']);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    expect(await page.locator('nav[aria-label="Main"] [aria-current="page"]').textContent()).toBe('Sources');
    // The panel lies below the header row, and the theme control, which needs JavaScript, is not shown.
    expect((await rect(page, '.menu-panel')).top).toBeGreaterThanOrEqual((await rect(page, '.site-header')).bottom - 1);
    expect(await page.getByLabel('Theme', { exact: true }).isVisible()).toBe(false);
    await context.close();
  });

  for (const id of explainers) {
    it(`starts the body of ${id} on the first screen, with the contents folded under the standfirst`, async () => {
      const page = await open(`explainers/${id}/`, phone);
      const lede = await rect(page, '.lede');
      const contents = page.locator('nav.toc summary');
      expect(await contents.textContent()).toMatch(/^Contents · \d+ sections · \d+ min$/);
      const summary = await rect(page, 'nav.toc summary');
      expect(summary.top).toBeGreaterThan(lede.bottom);
      expect(summary.height).toBeGreaterThanOrEqual(44);
      // The body's first paragraph begins on the first screen, its first line whole.
      const body = await rect(page, '.explainer-body > p');
      expect(body.top + 27).toBeLessThanOrEqual(844);
      // Folded, the contents list is hidden; opened, it lists every section with the rest of the summary.
      const links = page.locator('nav.toc ol a');
      expect(await links.first().isVisible()).toBe(false);
      await contents.click();
      await expect.poll(() => links.first().isVisible()).toBe(true);
      expect(await page.locator('.toc-rest').isVisible()).toBe(true);
      expect(await page.locator('.lede-rest').isVisible()).toBe(false);
      const sections = await page.locator('.explainer-body > h2[id]').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(sections);
      await page.context().close();
    });

    it(`glues every citation marker in ${id} to the word before it, with targets of at least 24 × 24 px`, async () => {
      const page = await open(`explainers/${id}/`, phone);
      const found = await page.evaluate(() => {
        const starting: string[] = [];
        const small: string[] = [];
        let checked = 0;
        const charRect = (node: Text, index: number) => {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          return range.getBoundingClientRect();
        };
        for (const sup of document.querySelectorAll<HTMLElement>('.explainer-body .cite')) {
          const a = sup.querySelector('a')!;
          const box = a.getBoundingClientRect();
          if (box.width < 24 || box.height < 24) small.push(`${a.id}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
          // The last visible character before the marker in the same block, and the marker's first.
          const block = sup.closest('p, li, figcaption, dd, td, blockquote')!;
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          let before: { node: Text; index: number } | undefined;
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            if (sup.contains(n)) break;
            const index = n.data.search(/[^\s\u2060]\s*$/u);
            if (index >= 0) before = { node: n, index };
          }
          if (!before) continue;
          checked++;
          const prev = charRect(before.node, before.index);
          const mark = charRect([...a.childNodes].find((c) => c.nodeType === Node.TEXT_NODE) as Text, 0);
          // On the same line, the marker sits to the right of the character before it; on the next
          // line it would sit at the left edge, left of it.
          if (mark.left < prev.right - 1) starting.push(`${a.id} after “${before.node.data.slice(Math.max(0, before.index - 20), before.index + 1)}”`);
        }
        // Padding on the markers leaves the lines evenly spaced: a paragraph is a whole number of lines.
        const uneven = [...document.querySelectorAll<HTMLElement>('.explainer-body > p')].filter((p) => {
          const lines = p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight);
          return Math.abs(lines - Math.round(lines)) > 0.05;
        }).length;
        return { starting, small, checked, uneven };
      });
      await page.context().close();
      expect(found.checked).toBeGreaterThan(20);
      expect(found.starting).toEqual([]);
      expect(found.small).toEqual([]);
      expect(found.uneven).toBe(0);
    });
  }

  it('has no axe violations with the menu and the contents open, light and dark', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(`explainers/${explainers[0]}/`, { ...phone, colorScheme: scheme });
      await page.locator('.menu > summary').click();
      await page.locator('nav.toc summary').click();
      await page.locator('.evidence summary').click();
      await page.locator('nav.toc ol a').first().waitFor();
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze();
      problems.push(...violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});

describe('on a desktop (1280 × 900)', () => {
  it('shows the whole navigation and the theme control in one header row of at most 64 px', async () => {
    const page = await open(`explainers/${explainers[0]}/`, desktop);
    const header = await rect(page, '.site-header');
    expect(header.height).toBeLessThanOrEqual(64);
    expect(await page.locator('.menu > summary').isVisible()).toBe(false);
    for (const link of await page.locator('nav[aria-label="Main"] a').all()) {
      expect(await link.isVisible()).toBe(true);
      const r = await link.evaluate((a) => a.getBoundingClientRect().bottom);
      expect(r).toBeLessThanOrEqual(header.bottom);
    }
    await expect.poll(() => page.getByLabel('Theme', { exact: true }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('reaches the contents before the body by keyboard', async () => {
    const page = await open(`explainers/${explainers[0]}/`, desktop);
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement!;
        return el.closest('nav.toc') ? 'contents' : el.closest('.explainer-body') ? 'body' : 'other';
      });
      seen.push(where);
      if (where === 'body') break;
    }
    await page.context().close();
    expect(seen.indexOf('contents')).toBeGreaterThan(-1);
    expect(seen.indexOf('contents')).toBeLessThan(20);
    expect(seen.includes('body') ? seen.indexOf('body') : Infinity).toBeGreaterThan(seen.indexOf('contents'));
  });

  it('keeps the contents in view beside the text and marks the section being read', async () => {
    const page = await open(`explainers/${explainers[0]}/`, desktop);
    const toc = page.locator('nav.toc');
    expect(await toc.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    const links = page.locator('nav.toc ol a');
    expect(await links.first().isVisible()).toBe(true);
    // Beside the text, not under it.
    expect((await rect(page, 'nav.toc')).left).toBeGreaterThan((await rect(page, '.explainer-body > p')).right);
    const count = await links.count();
    const target = Math.floor(count / 2);
    const id = (await links.nth(target).getAttribute('href'))!.slice(1);
    await page.locator(`[id="${id}"]`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1500);
    const box = await rect(page, 'nav.toc');
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(900);
    await expect.poll(() => links.evaluateAll((as) => as.findIndex((a) => a.matches(':target-current')))).toBe(target);
    await page.context().close();
  });

  it('puts the next explainer right after the last section, before corrections and sources cited', async () => {
    for (const [i, id] of explainers.entries()) {
      const page = await open(`explainers/${id}/`, desktop);
      const order = await page.evaluate(() => {
        const after = (a: Element, b: Element) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING);
        const next = document.querySelector('nav.next')!;
        const sections = [...document.querySelectorAll('.explainer-body > h2[id]')].filter((h) => !h.closest('section'));
        return {
          afterLastSection: after(next, sections.at(-1)!),
          beforeCorrections: after(document.querySelector('#corrections')!, next),
          beforeSources: after(document.querySelector('#sources-cited')!, next),
          href: next.querySelector('a')!.getAttribute('href'),
        };
      });
      await page.context().close();
      expect(order, id).toMatchObject({ afterLastSection: true, beforeCorrections: true, beforeSources: true });
      expect(order.href, id).toBe(`/explainers/${explainers[(i + 1) % explainers.length]}/`);
    }
  });

  it('keeps running text to about 75 characters a line on every page type', async () => {
    const page = await open('', desktop);
    const widest: string[] = [];
    for (const [type, path] of Object.entries(pageTypes)) {
      await page.goto(site.server.url + path);
      const most = await page.evaluate(() => {
        let max = 0;
        for (const el of [...document.querySelectorAll('main p, main li, main dd')].slice(0, 40)) {
          // Characters per line, counted by where each character is laid out.
          const lines = new Map<number, number>();
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            if ((n.parentElement?.closest('.cite, svg'))) continue;
            for (let i = 0; i < n.data.length; i++) {
              range.setStart(n, i);
              range.setEnd(n, i + 1);
              const r = range.getBoundingClientRect();
              if (!r.width) continue;
              const line = Math.round(r.bottom / 4);
              lines.set(line, (lines.get(line) ?? 0) + 1);
            }
          }
          max = Math.max(max, ...lines.values());
        }
        return max;
      });
      if (most > 75) widest.push(`${type}: ${most} characters on a line`);
    }
    await page.context().close();
    expect(widest).toEqual([]);
  });

  it('prints sources with their addresses, without navigation, contents or “Cited at” links', async () => {
    const page = await open(`explainers/${explainers[0]}/`, desktop);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.menu', '.search-trigger', 'nav.toc', 'nav.next', '.backlinks']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    const url = page.locator('.sources-cited .print-url').first();
    expect(await url.isVisible()).toBe(true);
    expect(await url.textContent()).toMatch(/^ https:\/\/[^ ]+\/(sources|references)\/[^ ]+\/$/);
    expect(await page.locator('.lede-rest').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the theme control', () => {
  it('is labelled, offers system, light and dark, remembers a choice and forgets it for system', async () => {
    const page = await open('', { ...desktop, colorScheme: 'light' });
    const theme = page.getByLabel('Theme', { exact: true });
    await theme.waitFor();
    const scheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    expect(await theme.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.text))).toEqual(['System', 'Light', 'Dark']);
    expect(await theme.inputValue()).toBe('');
    await theme.selectOption('dark');
    expect(await scheme()).toBe('dark');
    await page.reload();
    expect(await scheme()).toBe('dark');
    expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe('dark');
    await page.getByLabel('Theme', { exact: true }).selectOption('');
    expect(await scheme()).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await scheme()).toBe('dark');
    await page.reload();
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, localStorage.getItem('theme')])).toEqual([undefined, null]);
    await page.context().close();
  });
});

/**
 * Screenshots for reviewers (docs/reading.md): SCREENSHOTS=1 writes the first screen of each page
 * type at both sizes in both themes to docs/screenshots/.
 */
describe.runIf(process.env.SCREENSHOTS)('screenshots', () => {
  const out = join(root, 'docs/screenshots');
  const shots: Record<string, string> = {
    home: '',
    explainer: `explainers/${explainers[0]}/`,
    source: `sources/${first('sources')}/`,
    timeline: 'timeline/',
  };
  it('saves the home page, an explainer, a source and the timeline, phone and desktop, light and dark', { timeout: 300_000 }, async () => {
    mkdirSync(out, { recursive: true });
    for (const [size, options] of Object.entries({ phone, desktop })) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await open('', { ...options, colorScheme: scheme, deviceScaleFactor: 1 });
        for (const [name, path] of Object.entries(shots)) {
          await page.goto(site.server.url + path, { waitUntil: 'load' });
          await page.screenshot({ path: join(out, `${name}-${size}-${scheme}.png`) });
        }
        // The explainer further down: the contents in view beside the text, open on the phone.
        await page.goto(`${site.server.url}${shots.explainer}`, { waitUntil: 'load' });
        if (size === 'phone') {
          await page.locator('nav.toc summary').click();
          await page.locator('nav.toc ol a').first().waitFor();
          await page.locator('nav.toc').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        } else {
          const id = (await page.locator('nav.toc ol a').nth(2).getAttribute('href'))!.slice(1);
          await page.locator(`[id="${id}"]`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
          await expect.poll(() => page.locator('nav.toc ol a').nth(2).evaluate((a) => a.matches(':target-current'))).toBe(true);
        }
        await page.screenshot({ path: join(out, `explainer-contents-${size}-${scheme}.png`) });
        await page.context().close();
      }
    }
  });
});
