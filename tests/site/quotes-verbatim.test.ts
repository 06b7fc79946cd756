import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import type { SourceData } from '../../src/content/schemas';
import { root } from '../helpers/build';

/** EDITORIAL.md, principle 2: a recorded quote is a verbatim passage of the source it comes from. */
const seeds = join(root, '../shared/seeds');
const { entries } = loadContent(join(root, 'content'), root);
const sources = entries.filter((e) => e.collection === 'sources') as unknown as Array<{ id: string; data: SourceData }>;
// Exact text; only runs of white space (line breaks in the seed) count as one space.
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.skipIf(!existsSync(seeds))('recorded quotes', () => {
  for (const source of sources.filter((s) => s.data.seed)) {
    it(`in ${source.id} appear verbatim in ${source.data.seed}`, () => {
      const text = squash(readFileSync(join(seeds, source.data.seed!), 'utf8'));
      const missing = source.data.quotes.filter((q) => !text.includes(squash(q.text))).map((q) => q.id);
      expect(missing).toEqual([]);
    });
  }
});
