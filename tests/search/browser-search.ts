import type { Page } from 'playwright-core';

/** Helpers for driving the search interface in Chromium. */

/** Waits until the search panel has rendered `query` (data-state="ready" on [data-search-root]). */
export async function waitForResults(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const root = document.querySelector<HTMLElement>('[data-search-root]');
      return root?.dataset.state === 'ready' && root.dataset.query === q;
    },
    query,
  );
}

/** Opens /search/?… under `siteUrl` and waits for its results. */
export async function searchPage(page: Page, siteUrl: string, params: Record<string, string>): Promise<void> {
  await page.goto(`${siteUrl}search/?${new URLSearchParams(params)}`);
  await waitForResults(page, params.q ?? '');
}

/** Types a new query into the open search panel and waits for its results. */
export async function searchAgain(page: Page, query: string): Promise<void> {
  await page.locator('[data-search-root] input[type="search"]').fill(query);
  await waitForResults(page, query);
}

/** The paths of the rendered results, in order (without the highlight parameters). */
export async function resultPaths(page: Page): Promise<string[]> {
  return page.locator('[data-search-root] .search-result-title').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

/** The number the status line gives: "12 results for …" → 12; "No results" → 0. */
export async function resultCount(page: Page): Promise<number> {
  const status = await page.locator('[data-search-root] .search-status').innerText();
  return /^No results/.test(status) ? 0 : Number(/^(\d+) results?/.exec(status)?.[1] ?? NaN);
}

/**
 * A facet's values as { value, label, count }, without "All": the type pills' radio buttons, or
 * a menu's options behind "Filters".
 */
export async function facetOptions(page: Page, facet: string): Promise<{ value: string; label: string; count: number }[]> {
  const read = (label: string, value: string) => ({ value, label, count: Number(/\((\d+)\)$/.exec(label.trim())?.[1]) });
  if (facet === 'type') {
    const pills = await page.locator('[data-search-root] [data-facet="type"] label').evaluateAll((labels) =>
      labels.map((l) => ({ label: l.textContent ?? '', value: l.querySelector('input')!.value })));
    return pills.filter((p) => p.value !== '').map((p) => read(p.label, p.value));
  }
  const options = await page.locator(`[data-search-root] select[data-facet="${facet}"] option`).evaluateAll((list) =>
    list.map((o) => ({ label: o.textContent ?? '', value: (o as HTMLOptionElement).value })));
  return options.filter((o) => o.value !== '').map((o) => read(o.label, o.value));
}

/** The facet value chosen: the checked type pill, or a menu's value ('' for all). */
export async function chosenFacet(page: Page, facet: string): Promise<string> {
  if (facet === 'type') return page.locator('[data-search-root] [data-facet="type"] input:checked').inputValue();
  return page.locator(`[data-search-root] select[data-facet="${facet}"]`).inputValue();
}

/** Chooses a facet value as a reader would ('' for all): taps a type pill, or opens Filters and picks from a menu. */
export async function chooseFacet(page: Page, facet: string, value: string): Promise<void> {
  if (facet === 'type') {
    await page.locator(`[data-search-root] [data-facet="type"] input[value="${value}"]`).check({ force: true });
    return;
  }
  const filters = page.locator('[data-search-root] details.search-filters');
  if (!(await filters.evaluate((d) => (d as HTMLDetailsElement).open))) await filters.locator('summary').click();
  await page.locator(`[data-search-root] select[data-facet="${facet}"]`).selectOption(value);
}

/**
 * Every page the built index returns for a query, through Pagefind's own API in the page, with
 * the options the interface uses: for checks on the whole result set, not the first screen.
 */
export async function allResults(page: Page, siteUrl: string, query: string): Promise<string[]> {
  // A string, so the test runner does not rewrite its import(), and no eval the site's CSP would block.
  // The archive's bundles, when the site has them, merged in as the interface does (src/features/search/scope.ts).
  const script = `(async () => {
    const pf = await import(${JSON.stringify(`${siteUrl}pagefind/pagefind.js`)});
    const options = { baseUrl: ${JSON.stringify(new URL(siteUrl).pathname)} };
    await pf.options(options);
    const { archives = [] } = await (await fetch(${JSON.stringify(`${siteUrl}search-vocabulary.json`)})).json();
    await Promise.all(archives.map((bundle) => pf.mergeIndex(${JSON.stringify(siteUrl)} + bundle, options)));
    const response = await pf.search(${JSON.stringify(query)});
    return Promise.all(response.results.map(async (r) => new URL((await r.data()).url, location.href).pathname));
  })()`;
  return page.evaluate(script) as Promise<string[]>;
}

/** Collects uncaught page errors and console errors, to assert none happened. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * Evaluates `check` in the page until it gives true. (page.waitForFunction would take the
 * promise an async check returns for a truthy answer.)
 */
export async function pollPage(page: Page, check: () => Promise<boolean>, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await page.evaluate(check))) {
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for: ${check.toString()}`);
    await page.waitForTimeout(200);
  }
}

/** Waits until the service worker controls the page, has saved this build's files, and no newer one waits. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await pollPage(page, async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return Boolean(navigator.serviceWorker.controller && registration?.active?.state === 'activated' && !registration.waiting && !registration.installing);
  });
}
