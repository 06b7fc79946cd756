import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import type { ActorData, SourceData } from '../../src/content/schemas';
import { htmlFiles, page } from '../helpers/dist';
import { root } from '../helpers/build';

/**
 * EDITORIAL.md, principle 11: a quotation always shows who said it, wherever it appears, so an
 * unverifiable expert's words never read as a report's own finding.
 */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const sources = new Map(entries.filter((e) => e.collection === 'sources').map((e) => [e.id, e.data as unknown as SourceData]));
const actors = new Map(entries.filter((e) => e.collection === 'actors').map((e) => [e.id, e.data as unknown as ActorData]));

describe('every quotation names its speaker beside it', () => {
  const files = htmlFiles(dist);
  it('on every page of the site', () => {
    let checked = 0;
    const unnamed: string[] = [];
    for (const file of files) {
      const $ = page(dist, file);
      $('[data-quote-source][data-quote-id]').each((_, el) => {
        const quote = sources.get($(el).attr('data-quote-source')!)?.quotes.find((q) => q.id === $(el).attr('data-quote-id'));
        expect(quote, `${file}: ${$(el).attr('data-quote-source')}#${$(el).attr('data-quote-id')}`).toBeDefined();
        const speaker = actors.get(quote!.speaker.id)!.name;
        // The words and the name sit in one figure, one variant, or one sentence's paragraph.
        const holder = $(el).is('figure') ? $(el) : $(el).closest('figure, .variant, p, li');
        if (!holder.text().includes(speaker)) unnamed.push(`${file}: ${quote!.id} (${speaker})`);
        checked++;
      });
    }
    expect(unnamed).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});
