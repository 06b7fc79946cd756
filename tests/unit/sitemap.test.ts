import { describe, expect, it } from 'vitest';
import { asksNotToIndex } from '../../src/features/seo/sitemap';

describe('asksNotToIndex (which built pages the sitemap leaves out)', () => {
  it('finds a robots noindex in the head, however it is written', () => {
    expect(asksNotToIndex('<html><head><meta name="robots" content="noindex"></head><body></body></html>')).toBe(true);
    expect(asksNotToIndex('<head><META NAME="Robots" CONTENT="NOINDEX, follow"></head>')).toBe(true);
  });

  it('lists a page that allows indexing, or says noindex only outside its head', () => {
    expect(asksNotToIndex('<head><meta name="robots" content="index, follow"></head>')).toBe(false);
    expect(asksNotToIndex('<head><meta name="description" content="noindex"></head>')).toBe(false);
    expect(asksNotToIndex('<head></head><body><meta name="robots" content="noindex"></body>')).toBe(false);
    expect(asksNotToIndex('<head><meta name="description" content="<meta name=robots content=noindex>"></head>')).toBe(false);
  });
});
