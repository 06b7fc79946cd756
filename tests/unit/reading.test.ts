import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { countRenderedWords, readingMinutes, standfirst } from '../../src/features/reading/reading';
import { root } from '../helpers/build';

describe('standfirst', () => {
  it('splits every explainer summary after its first sentence, keeping every word', () => {
    const { entries } = loadContent(join(root, 'content'), root);
    for (const e of entries.filter((x) => x.collection === 'explainers')) {
      const summary = (e.data as { summary: string }).summary;
      const { first, rest } = standfirst(summary);
      expect(first, e.id).toMatch(/\.$/);
      expect(rest.length, e.id).toBeGreaterThan(0);
      expect(`${first} ${rest}`, e.id).toBe(summary.trim());
    }
  });

  it('does not break after an abbreviation or an initial', () => {
    expect(standfirst('The U.S. President met Dr. Petrova and Donald J. Trump. Then they left.')).toEqual({
      first: 'The U.S. President met Dr. Petrova and Donald J. Trump.',
      rest: 'Then they left.',
    });
    expect(standfirst('“Minsk is best,” he said. “Why?” she asked.').first).toBe('“Minsk is best,” he said.');
    expect(standfirst('One sentence only.')).toEqual({ first: 'One sentence only.', rest: '' });
  });
});

describe('reading time', () => {
  it('counts the words a reader sees in rendered HTML, not markers, labels or map drawing', () => {
    const html = '<p>The Kremlin&#39;s spokesman&nbsp;spoke.<sup class="cite">\u2060<a aria-label="Source 1: a long title" href="#s">[1<span class="flagged">†</span>]</a></sup> <q>Quoted words</q></p><svg><text>Minsk</text></svg>';
    expect(countRenderedWords(html)).toBe(6);
  });

  it('reads 230 words a minute, at least one', () => {
    expect(readingMinutes(2800)).toBe(12);
    expect(readingMinutes(10)).toBe(1);
  });
});
