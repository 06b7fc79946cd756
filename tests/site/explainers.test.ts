import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { countRenderedWords, countWords, readingMinutes } from '../../src/features/reading/reading';
import { byDate, type PartialDate } from '../../src/content/dates';
import { quoteWithSic } from '../../src/content/quote-text';
import type { SourceData } from '../../src/content/schemas';
import { page } from '../helpers/dist';
import { root } from '../helpers/build';

/** Issue 3: explainers a careful reader can check sentence by sentence, over the built site. */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const explainers = entries.filter((e) => e.collection === 'explainers');
const sources = entries.filter((e) => e.collection === 'sources') as unknown as Array<{ id: string; data: SourceData }>;
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('explainers', () => {
  it('there are three, in reading order', () => {
    expect(explainers.map((e) => (e.data as { order: number }).order).sort()).toEqual([1, 2, 3]);
  });

  for (const explainer of explainers) {
    describe(explainer.id, () => {
      const $ = page(dist, `explainers/${explainer.id}/index.html`);

      it('is at least 1,200 words of our own prose', () => {
        expect(countWords(explainer.body ?? '')).toBeGreaterThanOrEqual(1200);
      });

      it('has at least 20 citations of at least three sources, each resolving to the list of sources cited', () => {
        const citations = $('sup.cite a[href^="#source-"]');
        expect(citations.length).toBeGreaterThanOrEqual(20);
        const cited = new Set(citations.map((_, a) => $(a).attr('href')!.slice('#source-'.length)).get());
        expect(cited.size).toBeGreaterThanOrEqual(3);
        for (const id of cited) expect($(`.sources-cited li[id="source-${id}"]`).length, id).toBe(1);
      });

      it('cites in every paragraph of its body', () => {
        const paragraphs = $('article.explainer .explainer-body > p');
        expect(paragraphs.length).toBeGreaterThan(10);
        const uncited = paragraphs
          .filter((_, p) => $(p).find('sup.cite a').length === 0 && normalise($(p).text()).length > 80)
          .map((_, p) => normalise($(p).text()).slice(0, 80))
          .get();
        expect(uncited).toEqual([]);
      });

      it('quotes exactly the text recorded in the source entry', () => {
        const quotes = $('[data-quote-source][data-quote-id]');
        quotes.each((_, el) => {
          const source = sources.find((s) => s.id === $(el).attr('data-quote-source'));
          const quote = source?.data.quotes.find((q) => q.id === $(el).attr('data-quote-id'));
          expect(quote, `${$(el).attr('data-quote-source')}#${$(el).attr('data-quote-id')}`).toBeDefined();
          const shown = $(el).is('q') ? $(el).text() : $(el).find('blockquote').addBack('blockquote').first().text();
          // Verbatim, with [sic] after each recorded slip.
          expect(normalise(shown)).toBe(normalise(quoteWithSic(quote!.text, quote!.sic)));
        });
      });

      it('shows near its top what its citations rest on, and marks each flagged one', () => {
        const markers = $('article sup.cite a');
        const meters = $('section.evidence meter').map((_, m) => Number($(m).attr('value'))).get();
        expect(meters).toHaveLength(4);
        expect(meters.reduce((a, b) => a + b, 0)).toBe(markers.length);
        const flagged = markers.filter((_, a) => $(a).find('.flagged').length > 0);
        expect($('section.evidence p').first().text()).toContain(`${flagged.length} citation`);
        flagged.each((_, a) => expect($(a).attr('aria-label')).toMatch(/; flagged source: /));
        // Before the first section of the body.
        expect($.html().indexOf('class="evidence"')).toBeLessThan($.html().indexOf('<h2 id=', $.html().indexOf('</section>')));
      });

      it('lists its dated corrections at the end, in its structured data and in the feed', () => {
        const corrections = (explainer.data as { corrections: unknown[] }).corrections;
        expect(corrections.length).toBeGreaterThan(0);
        expect($('section.corrections li')).toHaveLength(corrections.length);
        const ld = JSON.parse($('script[type="application/ld+json"]').first().text());
        expect(ld.correction).toHaveLength(corrections.length);
        const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
        expect(feed.split(`/explainers/${explainer.id}/#correction-`).length - 1).toBe(corrections.length * 2); // link and guid
      });

      it('gives a reading time at 230 words a minute, counted on the body as rendered, quotations included', () => {
        const body = $('.explainer-body').clone();
        body.find('section, nav').remove();
        const minutes = readingMinutes(countRenderedWords(body.html()!));
        expect(minutes).toBeGreaterThan(readingMinutes(countWords(explainer.body ?? '')));
        expect($('.explainer-head .meta').text()).toContain(`${minutes} min read`);
        expect($('nav.toc summary').text()).toContain(`${minutes} min`);
      });

      it('has a summary, table of contents, reading time, update date and read-next links', () => {
        expect($('.lede').text().length).toBeGreaterThan(50);
        expect($('nav.toc li').length).toBeGreaterThanOrEqual(3);
        expect($('article .meta').text()).toMatch(/min read/);
        expect($('article .meta time').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect($('nav[aria-label="Read next"] a').length).toBe(2);
      });
    });
  }

  it('every source is cited by at least one explainer', () => {
    const cited = new Set(
      explainers.flatMap((e) => {
        const $ = page(dist, `explainers/${e.id}/index.html`);
        return $('sup.cite a[href^="#source-"]').map((_, a) => $(a).attr('href')!.slice('#source-'.length)!).get();
      }),
    );
    expect(sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });
});

describe('timeline and glossary', () => {
  it('has at least 15 events from 2014 to 2025, placed by the evidence for their dates', () => {
    const $ = page(dist, 'timeline/index.html');
    const shown = $('article.event').map((_, e) => $(e).attr('id')!).get();
    expect(shown.length).toBeGreaterThanOrEqual(15);
    const events = entries.filter((e) => e.collection === 'events') as unknown as Array<{ id: string; data: PartialDate }>;
    expect(shown).toEqual([...events].sort(byDate((e) => e.data)).map((e) => e.id));
    // Responses follow what they respond to; talks follow the agreement that set them up.
    const before = (a: string, b: string) => expect(shown.indexOf(a), `${a} before ${b}`).toBeLessThan(shown.indexOf(b));
    before('2025-02-12-trump-putin-phone-call', '2025-02-riyadh-meeting');
    before('2025-02-12-trump-putin-phone-call', '2025-02-istanbul-meeting');
    before('2025-02-27-nawfal-interview', '2025-peskov-minsk-best-place');
    before('2025-02-27-nawfal-interview', '2025-lukashenko-host-not-mediator');
    before('2015-02-12-minsk-ii', '2015-tcg-talks-in-minsk');
  });

  it('says how far an imprecise date is known', () => {
    const $ = page(dist, 'timeline/index.html');
    expect($('#2025-peskov-minsk-best-place .meta').text()).toMatch(/not before \d+ February 2025/);
  });

  it('has at least 10 glossary terms, linked from the explainers', () => {
    const terms = entries.filter((e) => e.collection === 'glossary');
    expect(terms.length).toBeGreaterThanOrEqual(10);
    const linked = new Set(
      explainers.flatMap((e) => {
        const $ = page(dist, `explainers/${e.id}/index.html`);
        return $('a.term').map((_, a) => $(a).attr('href')!).get();
      }),
    );
    expect(linked.size).toBeGreaterThanOrEqual(8);
  });
});
