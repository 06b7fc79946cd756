import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEntryFiles, collectionExtensions } from '../../src/content/load-content';
import { copiedRuns, proseOf, RUN_WORDS, runIndex } from '../../src/content/checks/prose';
import { collectionNames } from '../../src/content/schemas/common';
import { root } from '../helpers/build';

/**
 * EDITORIAL.md, principle 3: our summaries and explainers are our own words. The build compares our
 * prose with the recorded quotations; where the seed articles are at hand (../shared/seeds, as in
 * CI) this compares it with their whole text too.
 */
const seeds = join(root, '../shared/seeds');

describe.skipIf(!existsSync(seeds))(`no run of ${RUN_WORDS} words of the seed articles in our own prose`, () => {
  const index = runIndex(readdirSync(seeds).map((f) => readFileSync(join(seeds, f), 'utf8')));
  for (const collection of collectionNames) {
    const { files } = listEntryFiles(join(root, 'content', collection), collectionExtensions(collection), root);
    for (const file of files) {
      it(file.shown, () => {
        const { own } = proseOf(readFileSync(file.path, 'utf8'), collection);
        const copied = own.flatMap((segment) => copiedRuns(segment.text, index).map((run) => `${segment.field}: ${run.text}`));
        expect(copied).toEqual([]);
      });
    }
  }
});
