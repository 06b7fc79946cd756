import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardPng, cardSvg, clip } from '../../src/features/share-cards/card';
import { cardFonts } from '../../src/features/share-cards/fonts-fs';
import { root } from '../helpers/build';

const card = (title: string) => ({ kicker: 'Source', title, detail: 'Outlet · 19 March 2025', siteName: 'Minsk Talks Explained' });

describe('share cards', () => {
  it('is a 1200×630 PNG', async () => {
    const png = Buffer.from(await cardPng(card('Belarus offers to host talks'), cardFonts(root)));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(CARD_WIDTH);
    expect(png.readUInt32BE(20)).toBe(CARD_HEIGHT);
  });

  it('draws Cyrillic letters from the bundled fonts, not placeholder boxes', async () => {
    // Missing glyphs all draw as the same box: two different words of equal length would then be identical.
    const a = await cardSvg(card('Беларусь Лукашенко'), cardFonts(root));
    const b = await cardSvg(card('Україна Зеленський'), cardFonts(root));
    const c = await cardSvg(card('Ъъъъъъъъ Ъъъъъъъъъ'), cardFonts(root));
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('clips long text at a word boundary', () => {
    expect(clip('one two three four', 12)).toBe('one two…');
    expect(clip('short', 12)).toBe('short');
  });
});
