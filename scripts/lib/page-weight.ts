import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';

/**
 * Page-weight budgets (issue 6), measured over a built site as a server would send it:
 * gzip at its default level 6, the common server setting (brotli would come out smaller).
 */
export const budgets = {
  /** Each page's HTML. */
  html: 12 * 1024,
  /**
   * An explainer's HTML: its prose is the product, and the fact-check (issue 14) made it longer
   * (every sentence citing every source behind it, corrections, new background). The markup was
   * trimmed to compensate; the rest is text (docs/benchmarks.md, "Budgets").
   */
  explainerHtml: 16 * 1024,
  /** All CSS a page loads: linked files and <style> elements. */
  css: 8 * 1024,
  /** JavaScript that runs before any interaction: inline and linked scripts (JSON-LD is data, not counted). */
  js: 3 * 1024,
  /** A first visit to an explainer: HTML + CSS + JS, each file once; images and fonts excepted. */
  explainerFirstVisit: 25 * 1024,
  /** Web fonts, if any, in total. */
  fonts: 30 * 1024,
} as const;

export const gzipSize = (data: string | Uint8Array): number => gzipSync(data, { level: 6 }).length;

export interface PageWeight {
  /** Site path of the HTML file, e.g. "explainers/x/index.html". */
  page: string;
  html: number;
  css: number;
  js: number;
  /** HTML + CSS + JS: what a first visit downloads, images and fonts aside. */
  total: number;
  /** Images that load eagerly without being marked as above the fold. */
  eagerImages: string[];
  /** Font files the page's CSS refers to, with their sizes. */
  fonts: { file: string; bytes: number }[];
  /** Linked files that are not in the build. */
  missing: string[];
}

/**
 * Measures one built page. `base` is the deploy base ("/" or "/minsk/"): links carry it, files
 * under `dist` do not.
 */
export function measurePage(dist: string, page: string, base = '/'): PageWeight {
  const html = readFileSync(join(dist, page), 'utf8');
  const $ = load(html);
  const missing: string[] = [];
  const fileFor = (href: string): string | undefined => {
    if (/^(https?:)?\/\//.test(href) || href.startsWith('data:')) return undefined;
    const path = href.startsWith('/') ? href.slice(base.length) : posix.join(posix.dirname(page), href);
    const file = join(dist, path.split(/[?#]/)[0]!);
    if (!existsSync(file)) missing.push(href);
    return existsSync(file) ? file : undefined;
  };
  const read = (href: string) => {
    const file = fileFor(href);
    return file ? readFileSync(file, 'utf8') : '';
  };

  const cssTexts = [
    ...$('link[rel="stylesheet"][href]').map((_, el) => read($(el).attr('href')!)).get(),
    ...$('style').map((_, el) => $(el).text()).get(),
  ];
  const jsTexts = [
    ...$('script[src]').map((_, el) => read($(el).attr('src')!)).get(),
    ...$('link[rel="modulepreload"][href]').map((_, el) => read($(el).attr('href')!)).get(),
    ...$('script:not([src])')
      .filter((_, el) => !/json/.test($(el).attr('type') ?? ''))
      .map((_, el) => $(el).text())
      .get(),
  ];
  const css = cssTexts.reduce((n, t) => n + gzipSize(t), 0);
  const js = jsTexts.reduce((n, t) => n + gzipSize(t), 0);
  const htmlSize = gzipSize(html);

  const fonts = [...new Set(cssTexts.flatMap((t) => [...t.matchAll(/url\(\s*['"]?([^'")]+\.(?:woff2?|ttf|otf))/g)].map((m) => m[1]!)))]
    .map((href) => ({ file: href, bytes: (() => { const f = fileFor(href); return f ? readFileSync(f).length : 0; })() }));
  const eagerImages = $('img')
    .filter((_, el) => $(el).attr('loading') !== 'lazy' && $(el).attr('fetchpriority') !== 'high')
    .map((_, el) => $(el).attr('src') ?? '(no src)')
    .get();

  return { page, html: htmlSize, css, js, total: htmlSize + css + js, eagerImages, fonts, missing };
}

export interface BudgetOptions {
  /** Pages where search is open (its script loads on purpose): exempt from the JS budget. */
  searchPages?: (page: string) => boolean;
  isExplainer?: (page: string) => boolean;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** Every broken budget, one line each, naming the page, what is over and by how much. */
export function budgetProblems(weights: PageWeight[], options: BudgetOptions = {}): string[] {
  const { searchPages = (p) => p.startsWith('search/'), isExplainer = (p) => p.startsWith('explainers/') } = options;
  const problems: string[] = [];
  const over = (w: PageWeight, what: string, size: number, limit: number) => {
    if (size > limit) problems.push(`${w.page}: ${what} is ${kb(size)} gzipped, over the ${kb(limit)} budget by ${kb(size - limit)}`);
  };
  for (const w of weights) {
    over(w, 'HTML', w.html, isExplainer(w.page) ? budgets.explainerHtml : budgets.html);
    over(w, 'CSS', w.css, budgets.css);
    if (!searchPages(w.page)) over(w, 'JavaScript before interaction', w.js, budgets.js);
    if (isExplainer(w.page)) over(w, 'a first visit (HTML + CSS + JS)', w.total, budgets.explainerFirstVisit);
    over(w, 'web fonts', w.fonts.reduce((n, f) => n + f.bytes, 0), budgets.fonts);
    for (const src of w.eagerImages) problems.push(`${w.page}: image ${src} loads eagerly; add loading="lazy" (or fetchpriority="high" if it is above the fold)`);
    for (const href of w.missing) problems.push(`${w.page}: links ${href}, which is not in the build`);
  }
  return problems;
}
