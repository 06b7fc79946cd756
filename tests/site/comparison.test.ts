import { join } from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import type { ActorData, SourceData } from '../../src/content/schemas';
import { siteInBrowser } from '../helpers/browser';
import { page } from '../helpers/dist';
import { root } from '../helpers/build';

/**
 * Issue 20, "Where the sources differ" as a comparison, over the built site (dist/, or DIST_DIR):
 * each block names the disagreement in a line, groups the versions by stance under one label, names
 * each source by a short label with its reliability, and names who speaks; no quotation it shows is
 * shown again next to it. At 390 px the tallest block is far shorter than the 1,473 px of the issue.
 */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const explainers = entries.filter((e) => e.collection === 'explainers').map((e) => e.id);
const sources = new Map(entries.filter((e) => e.collection === 'sources').map((e) => [e.id, e.data as unknown as SourceData]));
const actors = new Map(entries.filter((e) => e.collection === 'actors').map((e) => [e.id, e.data as unknown as ActorData]));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const sourceOf = (href: string) => /\/sources\/([^/#]+)\//.exec(href)?.[1];

describe('where the sources differ', () => {
  for (const id of explainers) {
    describe(id, () => {
      const $ = page(dist, `explainers/${id}/index.html`);
      const blocks = $('figure.variants');

      it('states each disagreement in one line of our words, under what differs', () => {
        expect(blocks.length).toBeGreaterThan(0);
        blocks.each((_, figure) => {
          const caption = $(figure).children('figcaption');
          const title = squash(caption.find('.variants-title').text());
          const statement = squash(caption.find('.variants-statement').text());
          expect(title, id).toMatch(/^Where the sources differ: \S/);
          expect(statement.length, title).toBeGreaterThan(20);
          // One line on a wide screen, two or three on a phone: a sentence, not a paragraph.
          expect(statement.split(/\s+/).length, title).toBeLessThanOrEqual(25);
        });
      });

      it('groups the versions by stance: one label per stance, every version under its own', () => {
        blocks.each((_, figure) => {
          const title = squash($(figure).find('.variants-title').text());
          const groups = $(figure).find('.stances > .stance');
          expect(groups.length, title).toBeGreaterThanOrEqual(2);
          const labels = groups.map((_, g) => squash($(g).children('.stance-label').text())).get();
          expect(labels.every((l) => l.length > 0), title).toBe(true);
          expect(new Set(labels).size, `${title}: ${labels.join(' | ')}`).toBe(labels.length);
          groups.each((i, g) => {
            const variants = $(g).children('.variant');
            expect(variants.length, `${title}: ${labels[i]}`).toBeGreaterThan(0);
            variants.each((_, v) => expect($(v).attr('data-stance'), title).toBe(labels[i]));
          });
          // Nothing outside a group.
          expect($(figure).find('.variant').length, title).toBe($(figure).find('.stance > .variant').length);
        });
      });

      it('names each source by a short label with its kind and flags; the full headline is in the list of sources cited', () => {
        $('figure.variants .variant').each((_, v) => {
          const link = $(v).find('.variant-by > a').first();
          const source = sources.get(sourceOf(link.attr('href') ?? '') ?? '');
          expect(source, link.attr('href')).toBeDefined();
          const label = squash(link.text());
          expect(label.length).toBeLessThan(45);
          expect(label).not.toBe(source!.title);
          expect(squash($(v).find('.variant-reliability').text())).toMatch(/^· (named analysis|news report|unattributed), (no|\d+) flags?$/);
          // The marker leads to the list of sources cited, where the headline is given in full.
          const target = $(v).find('.variant-by sup.cite a').attr('href')!;
          expect(squash($(target.replace(/^#(.*)$/, '[id="$1"]')).find('a').first().text())).toBe(source!.title);
        });
      });

      it('names who speaks under every quotation in a comparison', () => {
        $('figure.variants .variant blockquote[data-quote-id]').each((_, q) => {
          const quote = sources.get($(q).attr('data-quote-source')!)!.quotes.find((x) => x.id === $(q).attr('data-quote-id'))!;
          expect(squash($(q).closest('figure.quote').children('figcaption').text())).toContain(actors.get(quote.speaker.id)!.name);
        });
      });

      it('shows no quotation of a comparison again in the blocks around it (its section)', () => {
        const repeated: string[] = [];
        blocks.each((_, figure) => {
          const inBlock = new Set($(figure).find('[data-quote-id]').map((_, q) => `${$(q).attr('data-quote-source')}#${$(q).attr('data-quote-id')}`).get());
          // The blocks of its section: siblings up to the previous and the next heading.
          const before = $(figure).prevUntil('h2');
          const after = $(figure).nextUntil('h2');
          [...before.toArray(), ...after.toArray()].forEach((el) => {
            $(el).find('[data-quote-id]').addBack('[data-quote-id]').each((_, q) => {
              const key = `${$(q).attr('data-quote-source')}#${$(q).attr('data-quote-id')}`;
              if (inBlock.has(key)) repeated.push(`${squash($(figure).find('.variants-title').text())}: ${key}`);
            });
          });
        });
        expect(repeated).toEqual([]);
      });
    });
  }
});

describe('on a phone (390 × 844)', () => {
  const site = siteInBrowser(dist);
  const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' };

  it('every comparison is much shorter than the 1,473 px block of the issue', async () => {
    const context = await site.browser.newContext(phone);
    const tab = await context.newPage();
    const heights: Array<{ explainer: string; title: string; height: number }> = [];
    for (const id of explainers) {
      await tab.goto(`${site.server.url}explainers/${id}/`);
      await tab.locator('figure.variants').first().waitFor();
      heights.push(...(await tab.locator('figure.variants').evaluateAll((els, explainer) => els.map((el) => ({
        explainer,
        title: el.querySelector('.variants-title')?.textContent ?? '',
        height: Math.round(el.getBoundingClientRect().height),
      })), id)));
    }
    await context.close();
    const tallest = heights.reduce((a, b) => (b.height > a.height ? b : a));
    console.log(`tallest comparison at 390 px: ${tallest.height} px (${tallest.explainer}: ${tallest.title})`);
    expect(tallest.height).toBeLessThan(1100);
  });
});
