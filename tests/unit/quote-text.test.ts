import { describe, expect, it } from 'vitest';
import { quotePieces, quoteWithSic } from '../../src/content/quote-text';

describe('quotations with printed slips', () => {
  it('keeps the text verbatim and follows each recorded slip with [sic]', () => {
    expect(quoteWithSic('If thay want peace, come to us,Minsk.', ['thay', 'us,Minsk'])).toBe('If thay [sic] want peace, come to us,Minsk [sic].');
    expect(quotePieces('If thay want', ['thay']).map((p) => p.text).join('')).toBe('If thay want');
  });

  it('leaves a quotation without slips as one piece', () => {
    expect(quotePieces('Come to Minsk.')).toEqual([{ text: 'Come to Minsk.', sic: false }]);
  });

  it('marks overlapping slips once', () => {
    expect(quoteWithSic('a teh cat', ['teh', 'eh'])).toBe('a teh [sic] cat');
  });
});
