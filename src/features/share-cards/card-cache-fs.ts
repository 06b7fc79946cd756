import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir } from 'astro:config/server';
import { cardPng, cardTree, type Card } from './card';
import { cardFonts } from './fonts-fs';

/**
 * A share card as PNG, drawn once and then taken from Astro's cache directory: drawing one (satori,
 * resvg, PNG encoding) at thousands of sources outweighed the rest of a build (docs/benchmarks.md,
 * "Build at scale"). The key is the card's whole layout tree (text,
 * sizes, colours) and the versions of the fonts and drawing packages, so any change draws anew.
 */
const require = createRequire(join(process.cwd(), 'package.json'));
const drawing = ['@fontsource/noto-sans', 'satori', '@resvg/resvg-js']
  .map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`)
  .join(' ');
const dir = new URL('share-cards/', cacheDir);

export async function shareCardPng(card: Card): Promise<Uint8Array<ArrayBuffer>> {
  const key = createHash('sha256').update(drawing).update(JSON.stringify(cardTree(card))).digest('hex').slice(0, 32);
  const file = new URL(`${key}.png`, dir);
  try {
    return await readFile(file);
  } catch {
    const png = await cardPng(card, cardFonts());
    await mkdir(dir, { recursive: true });
    // Written aside, then renamed: pages render four at a time, and another may be reading this card.
    const part = new URL(`${key}.${process.pid}.${Math.random().toString(36).slice(2)}.part`, dir);
    await writeFile(part, png);
    await rename(part, file);
    return png;
  }
}
