import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetProblems, measurePage } from '../../scripts/lib/page-weight';
import { htmlFiles } from '../helpers/dist';
import { root } from '../helpers/build';

/** Over the real site as `npm run build` left it in dist/ (gzip level 6; see scripts/lib/page-weight.ts). */
const dist = process.env.DIST_DIR ?? join(root, 'dist');

describe('page-weight budgets', () => {
  const weights = htmlFiles(dist).map((page) => measurePage(dist, page));

  it('measures every page, explainers included', () => {
    expect(weights.length).toBeGreaterThan(20);
    expect(weights.some((w) => w.page.startsWith('explainers/'))).toBe(true);
  });

  it('keeps every page within its HTML, CSS, script, font and first-visit budgets, with lazy images', () => {
    expect(budgetProblems(weights)).toEqual([]);
  });
});
