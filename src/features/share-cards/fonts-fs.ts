import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Font } from 'satori';
import { cardFontSubsets } from './card';

let fonts: Font[] | undefined;

/**
 * The card fonts, read from the @fontsource/noto-sans package in the project's node_modules (the
 * build runs from the project root): nothing is fetched.
 */
export function cardFonts(projectRoot = process.cwd()): Font[] {
  if (fonts) return fonts;
  const require = createRequire(join(projectRoot, 'package.json'));
  fonts = cardFontSubsets.flatMap(([name, subset]) =>
    ([400, 700] as const).map((weight) => ({
      name,
      weight,
      style: 'normal' as const,
      data: readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`)),
    })),
  );
  return fonts;
}
