import { join } from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { quoteWithSic } from '../../src/content/quote-text';
import { provenanceFlagLabels, provenanceFlags, type ActorData, type SourceData } from '../../src/content/schemas';
import { siteInBrowser } from '../helpers/browser';
import { page } from '../helpers/dist';
import { root } from '../helpers/build';

/**
 * Issue 20, source and actor pages, over the built site (dist/, or DIST_DIR): a source page opens
 * with how far to trust it, in plain words, on a phone's first screen; provenance is never shown as
 * slugs or field names; an actor page groups quotations by the source that reports them and names
 * who spoke, where and when once per group, with every recorded quotation still there verbatim.
 */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const sources = entries.filter((e) => e.collection === 'sources') as unknown as Array<{ id: string; data: SourceData }>;
const actors = entries.filter((e) => e.collection === 'actors') as unknown as Array<{ id: string; data: ActorData }>;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
// Field names and flag slugs a reader should never see.
const slugs = [...provenanceFlags.filter((f) => f.includes('-')), ...provenanceFlags.map((f) => f.replaceAll('-', ' ')).filter((f) => f.includes(' ')), 'dateNote', 'datePrecision', 'notBefore', 'notAfter'];

describe('source pages', () => {
  for (const source of sources) {
    describe(source.id, () => {
      const $ = page(dist, `sources/${source.id}/index.html`);
      const summary = $('section.reliability');

      it('open with a reliability summary right after the title', () => {
        expect(summary.length).toBe(1);
        expect($('h1').first().next().is('section.reliability')).toBe(true);
        const text = squash(summary.text());
        expect(text).toContain(source.data.kind);
        if (!source.data.url) expect(text).toMatch(/Not known: .*its web address/);
        if (source.data.datePrecision !== 'day') expect(text).toMatch(/Not known: .*the exact date/);
        if (!source.data.authors?.length) expect(text).toMatch(/Not known: .*who wrote it/);
      });

      it('name every reliability flag in plain words, linked to what it rests on, before the quotations', () => {
        const text = squash(summary.text());
        for (const { flag } of source.data.provenance) {
          expect($(`li.flag[id="flag-${flag}"] strong`).text().toLowerCase(), flag).toBe(`${provenanceFlagLabels[flag]}:`);
          if (!['outlet-unknown', 'author-unknown', 'date-not-printed', 'states-a-position'].includes(flag)) {
            expect(text, flag).toContain(provenanceFlagLabels[flag]);
            expect(summary.find(`a[href="#flag-${flag}"]`).length, flag).toBe(1);
          }
        }
        const html = $.html();
        if (source.data.quotes.length > 0 && source.data.provenance.length > 0) expect(html.indexOf('id="provenance"')).toBeLessThan(html.indexOf('id="quotes"'));
      });

      it('show no slug or field name to a reader', () => {
        const shown = squash($('main').text());
        for (const slug of slugs) expect(shown, slug).not.toContain(slug);
      });
    });
  }
});

describe('actor pages', () => {
  for (const actor of actors) {
    const recorded = sources.flatMap((s) => s.data.quotes.filter((q) => q.speaker.id === actor.id).map((quote) => ({ source: s, quote })));
    if (recorded.length === 0) continue;
    describe(actor.id, () => {
      const $ = page(dist, `actors/${actor.id}/index.html`);
      const groups = $('section.occasion');

      it('group the quotations by the source that reports them', () => {
        expect(groups.length).toBe(new Set(recorded.map((r) => r.source.id)).size);
        const shownSources = groups.map((_, g) => /\/sources\/([^/]+)\//.exec($(g).find('h3 a').attr('href') ?? '')?.[1]).get();
        expect(new Set(shownSources).size).toBe(shownSources.length);
      });

      it('name the speaker, the outlet and the date once per group', () => {
        expect(groups.length).toBeGreaterThan(0);
        groups.each((_, g) => {
          const title = squash($(g).find('h3').text());
          expect($(g).find('figcaption').length, title).toBe(1);
          const outside = squash($(g).clone().find('blockquote').remove().end().text());
          expect(outside.split(actor.data.name).length - 1, title).toBe(1);
          expect(squash($(g).find('figcaption').text()), title).toMatch(new RegExp(`^— ${actor.data.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, as reported in `));
        });
      });

      it('still shows every recorded quotation verbatim, with [sic] after each slip', () => {
        const shown = $('section.occasion blockquote').map((_, b) => squash($(b).text())).get();
        for (const { source, quote } of recorded) {
          const words = squash(quoteWithSic(quote.text, quote.sic));
          expect(shown.some((s) => s.includes(words)), `${source.id}#${quote.id}`).toBe(true);
        }
      });
    });
  }
});

describe('on a phone (390 × 844)', () => {
  const site = siteInBrowser(dist);
  const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' };

  it('a source page’s reliability summary is on the first screen', async () => {
    const context = await site.browser.newContext(phone);
    const tab = await context.newPage();
    const positions: Record<string, { top: number; bottom: number }> = {};
    for (const source of sources) {
      await tab.goto(`${site.server.url}sources/${source.id}/`);
      positions[source.id] = await tab.locator('section.reliability').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: Math.round(r.top + window.scrollY), bottom: Math.round(r.bottom + window.scrollY) };
      });
    }
    await context.close();
    console.log('reliability summary at 390 px (top–bottom):', Object.entries(positions).map(([id, p]) => `${id} ${p.top}–${p.bottom}`).join('; '));
    for (const [id, p] of Object.entries(positions)) {
      expect(p.top, id).toBeLessThan(844);
      expect(p.bottom, id).toBeLessThan(844);
    }
  });
});
