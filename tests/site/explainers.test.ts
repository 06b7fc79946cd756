import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content';
import { countWords } from '../../src/lib/reading';
import { sortKey } from '../../src/lib/dates';
import type { SourceData } from '../../src/schemas';
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
        const citations = $('a[data-cite]');
        expect(citations.length).toBeGreaterThanOrEqual(20);
        const cited = new Set(citations.map((_, a) => $(a).attr('data-cite')).get());
        expect(cited.size).toBeGreaterThanOrEqual(3);
        for (const id of cited) expect($(`.sources-cited li[id="source-${id}"]`).length, id).toBe(1);
      });

      it('cites in every paragraph of its body', () => {
        const uncited = $('article.explainer > p')
          .not('.meta, .lede')
          .filter((_, p) => $(p).find('a[data-cite]').length === 0 && normalise($(p).text()).length > 80)
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
          expect(normalise(shown)).toBe(normalise(quote!.text));
        });
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
        return $('a[data-cite]').map((_, a) => $(a).attr('data-cite')!).get();
      }),
    );
    expect(sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });
});

describe('timeline and glossary', () => {
  it('has at least 15 events from 2014 to 2025, in date order', () => {
    const $ = page(dist, 'timeline/index.html');
    const dates = $('.event time').map((_, t) => $(t).attr('datetime')!).get();
    expect(dates.length).toBeGreaterThanOrEqual(15);
    expect(dates[0]!.slice(0, 4)).toBe('2014');
    const keys = dates.map((date) => sortKey({ date, datePrecision: 'approximate' }));
    expect(keys).toEqual([...keys].sort());
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
