import satori, { type Font } from 'satori';
import { Resvg } from '@resvg/resvg-js';

/**
 * Share cards (Open Graph images), drawn at build time with satori and resvg from fonts the caller
 * reads (fonts-fs.ts). Each Unicode range is its own family so satori falls back glyph by glyph
 * (Latin, then Cyrillic) instead of drawing boxes.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The font families a card uses, each with its @fontsource/noto-sans subset. */
export const cardFontSubsets = [
  ['Noto Sans', 'latin'],
  ['Noto Sans Latin Ext', 'latin-ext'],
  ['Noto Sans Cyrillic', 'cyrillic'],
  ['Noto Sans Cyrillic Ext', 'cyrillic-ext'],
] as const;
const fontFamily = cardFontSubsets.map(([name]) => name).join(', ');

export interface Card {
  /** What kind of page: "Explainer", "Source". */
  kicker: string;
  title: string;
  /** A line under the title: outlet and date, or a summary. */
  detail?: string;
  siteName: string;
}

type Node = { type: string; props: { style: Record<string, unknown>; children: (Node | string)[] | Node | string } };
const el = (type: string, style: Record<string, unknown>, children: Node['props']['children']): Node => ({ type, props: { style, children } });

/** Long titles get a smaller size so they fit in four lines. */
export function titleSize(title: string): number {
  if (title.length <= 50) return 68;
  if (title.length <= 90) return 56;
  return 46;
}

/** Cuts text at a word boundary so it fits in `max` characters. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** The card's layout as satori's element tree. */
export function cardTree(card: Card): Node {
  return el('div', {
    width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', flexDirection: 'column', justifyContent: 'space-between',
    padding: '64px 72px', background: '#fdfcf9', color: '#1b1b1f', fontFamily, borderTop: '16px solid #8a3b12',
  }, [
    el('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: '#1d4e89', textTransform: 'uppercase', letterSpacing: 2 }, card.kicker),
    el('div', { display: 'flex', flexDirection: 'column' }, [
      el('div', { display: 'flex', fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.15 }, clip(card.title, 140)),
      ...(card.detail ? [el('div', { display: 'flex', fontSize: 32, color: '#585860', marginTop: 24, lineHeight: 1.3 }, clip(card.detail, 150))] : []),
    ]),
    el('div', { display: 'flex', fontSize: 30, fontWeight: 700, borderTop: '2px solid #d9d6cf', paddingTop: 24 }, card.siteName),
  ]);
}

/** The card as SVG, text drawn as outlines. */
export async function cardSvg(card: Card, fonts: Font[]): Promise<string> {
  return satori(cardTree(card) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
}

/** The card as a PNG. */
export async function cardPng(card: Card, fonts: Font[]): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await cardSvg(card, fonts);
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng());
}
