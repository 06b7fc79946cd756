import type { Page } from 'playwright-core';
import type { RelevanceQuery } from './relevance-queries';

/**
 * The relevance benchmark's runner: types each query into the site's own search page in Chromium
 * and reads the results as a reader sees them, so what is measured is the browser's search code
 * (src/features/search/client/engine.ts, as built) over the built index, with its ranking options, alias
 * handling and merging. A query that finds nothing follows the first "Did you mean" suggestion,
 * as a reader would with one click. Results are read two screens deep (12): a page further down
 * counts as not found.
 */

export interface RelevanceOutcome extends RelevanceQuery {
  /** The result pages in order, as site paths (without the deploy base). */
  results: string[];
  /** 1-based rank of the first expected page, if it was found. */
  rank?: number;
  /** The suggestion followed when the query itself found nothing. */
  corrected?: string;
}

export interface RelevanceScore {
  queries: number;
  /** Share of queries with an expected page in the first three results. */
  successAt3: number;
  /** Mean reciprocal rank of the first expected page (0 when not found). */
  mrr: number;
  /**
   * Share of the expected pages on the first screen (the top 6), averaged over queries: whether
   * all the pages that should come first do, not only one of them.
   */
  recallAt6: number;
  /** Queries whose first expected page is not in the top three. */
  failures: RelevanceOutcome[];
}

export const RELEVANCE_DEPTH = 12;
/** Results on the first screen (PAGE_SIZE in src/features/search/client/panel.ts). */
const FIRST_SCREEN = 6;

/** The expected pages among the first screen of results. */
const firstScreen = (o: RelevanceOutcome) => o.expect.filter((p) => o.results.slice(0, FIRST_SCREEN).includes(p));

/** Runs every query on the search page of the site at `siteUrl` (ending in the deploy base and "/"). */
export async function runRelevance(page: Page, siteUrl: string, queries: readonly RelevanceQuery[]): Promise<RelevanceOutcome[]> {
  const basePath = new URL(siteUrl).pathname;
  await page.goto(`${siteUrl}search/`);
  const input = page.locator('[data-search-root] input[type="search"]');
  await input.waitFor();
  const outcomes: RelevanceOutcome[] = [];
  let previous = '';
  for (const q of queries) {
    // The same text twice in a row would not search again: clear the box between them.
    if (q.query === previous) await settle(page, input, '');
    await settle(page, input, q.query);
    let corrected: string | undefined;
    const status = await page.locator('[data-search-root] .search-status').innerText();
    const suggestion = page.locator('[data-suggest] a').first();
    if (/^No results for/.test(status) && (await suggestion.count()) > 0) {
      corrected = (await suggestion.innerText()).trim();
      await suggestion.click();
      await waitFor(page, corrected);
    }
    previous = corrected ?? q.query;
    let results = await paths(page, basePath);
    // The second screen too.
    const more = page.locator('[data-search-root] .search-more');
    while (results.length < RELEVANCE_DEPTH && (await more.isVisible())) {
      const shown = results.length;
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-search-root] .search-result-title').length > n, shown);
      results = await paths(page, basePath);
    }
    results = results.slice(0, RELEVANCE_DEPTH);
    const at = results.findIndex((p) => q.expect.includes(p));
    outcomes.push({ ...q, results, ...(at >= 0 && { rank: at + 1 }), ...(corrected !== undefined && { corrected }) });
  }
  return outcomes;
}

async function settle(page: Page, input: ReturnType<Page['locator']>, query: string): Promise<void> {
  await input.fill(query);
  await waitFor(page, query);
}

/** Until the panel shows the results of `query` (see the data-state attribute in src/features/search/client/panel.ts). */
async function waitFor(page: Page, query: string): Promise<void> {
  await page.waitForFunction((q) => {
    const root = document.querySelector<HTMLElement>('[data-search-root]');
    return root?.dataset.query === q && (root.dataset.state === 'ready' || (q === '' && root.dataset.state !== 'searching'));
  }, query);
}

async function paths(page: Page, basePath: string): Promise<string[]> {
  const all = await page.locator('[data-search-root] .search-result-title').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return all.map((p) => decodeURIComponent(p.startsWith(basePath) ? p.slice(basePath.length) : p.replace(/^\//, '')));
}

export function scoreRelevance(outcomes: readonly RelevanceOutcome[]): RelevanceScore {
  const n = outcomes.length || 1;
  return {
    queries: outcomes.length,
    successAt3: outcomes.filter((o) => o.rank !== undefined && o.rank <= 3).length / n,
    mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
    recallAt6: outcomes.reduce((sum, o) => sum + firstScreen(o).length / Math.min(o.expect.length, FIRST_SCREEN), 0) / n,
    failures: outcomes.filter((o) => o.rank === undefined || o.rank > 3),
  };
}

/** The lines bench:search prints for one corpus: the two figures, then each failure with what came first. */
export function relevanceReport(name: string, outcomes: readonly RelevanceOutcome[], options: { misses?: number } = {}): string[] {
  const score = scoreRelevance(outcomes);
  const lines = [`${name}: ${score.queries} queries, success@3 ${(score.successAt3 * 100).toFixed(1)} % (${score.queries - score.failures.length}/${score.queries}), MRR ${score.mrr.toFixed(3)}, recall@6 ${score.recallAt6.toFixed(3)}`];
  const shown = score.failures.slice(0, options.misses ?? Infinity);
  for (const f of shown) {
    const where = f.rank ? `rank ${f.rank}` : `not in the top ${RELEVANCE_DEPTH}`;
    const via = f.corrected ? ` (via "Did you mean ${f.corrected}")` : '';
    lines.push(`  ✗ "${f.query}"${via}: ${where}; expected ${f.expect.join(' | ')}; got ${f.results.slice(0, 3).join(', ') || 'nothing'}`);
  }
  if (shown.length < score.failures.length) lines.push(`  … and ${score.failures.length - shown.length} more`);
  // Found in time, but not every page that should come first is on the first screen.
  const partial = outcomes.filter((o) => !score.failures.includes(o) && firstScreen(o).length < Math.min(o.expect.length, FIRST_SCREEN));
  for (const o of partial.slice(0, options.misses ?? Infinity)) {
    const missing = o.expect.filter((p) => !firstScreen(o).includes(p));
    lines.push(`  ~ "${o.query}": ${missing.map((p) => `${p} ${o.results.includes(p) ? `at ${o.results.indexOf(p) + 1}` : `not in the top ${RELEVANCE_DEPTH}`}`).join(', ')}`);
  }
  return lines;
}
