/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, simulated slow network and CPU, its defaults)
 * on the home page, an explainer and the search page of the built site in dist/, served locally
 * under BASE with gzip, as a host would. Each page is audited RUNS times (default 3) and the
 * median score of each category printed, since timing-based scores vary with machine load; also
 * what keeps a score below 100, and each page's weight.
 * Build first: `npm run build`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse, { type Result } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveCompressed } from './lib/serve-compressed';
import { CHROMIUM } from '../tests/helpers/browser';
import { budgets, measurePage } from './lib/page-weight';

const dist = join(import.meta.dirname, '..', process.env.OUT_DIR ?? 'dist');
const base = process.env.BASE ?? '/';
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}. Run \`npm run build\` first.`);
  process.exit(1);
}

const explainers = existsSync(join(dist, 'explainers')) ? readdirSync(join(dist, 'explainers')).sort() : [];
const pages = [
  { name: 'home', path: '' },
  ...(explainers[0] ? [{ name: `explainer (${explainers[0]})`, path: `explainers/${explainers[0]}/` }] : []),
  { name: 'search', path: 'search/' },
];

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const runs = Number(process.env.RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// The flags the project's browser tests use (tests/helpers/browser.ts): no network beyond loopback.
const chromeFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

const server = await serveCompressed(dist, base);
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags });
const rows: string[][] = [];
try {
  for (const { name, path } of pages) {
    const file = join(dist, path, 'index.html');
    if (!existsSync(file)) {
      console.log(`${name}: /${path} is not in this build; skipped.`);
      continue;
    }
    const reports: Result[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${name}`);
      reports.push(result.lhr);
    }
    const scores = categories.map((c) => median(reports.map((lhr) => Math.round((lhr.categories[c]?.score ?? 0) * 100))));
    // Explain from the run whose performance is the median.
    const byPerformance = [...reports].sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
    const lhr = byPerformance[Math.floor(byPerformance.length / 2)]!;
    const weight = measurePage(dist, join(path, 'index.html'));
    const kb = (n: number) => (n / 1024).toFixed(1);
    rows.push([name, ...scores.map(String), kb(weight.html), kb(weight.css), kb(weight.js), kb(weight.total)]);
    for (const c of categories) {
      const category = lhr.categories[c];
      if (!category || category.score === 1) continue;
      const failing = category.auditRefs
        .map((ref) => lhr.audits[ref.id]!)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
      console.log(`  ${name} · ${c}: ${failing.join(', ') || 'no single audit below 1'}`);
    }
  }
} finally {
  chrome.kill();
  await server.close();
}

const header = ['page', ...categories, 'HTML kB', 'CSS kB', 'JS kB', 'total kB'];
console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile defaults, median of ${runs} runs; sizes gzipped (level 6).`);
console.log(`Budgets: HTML ${budgets.html / 1024} kB, CSS ${budgets.css / 1024} kB, JS ${budgets.js / 1024} kB, explainer first visit ${budgets.explainerFirstVisit / 1024} kB.\n`);
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
