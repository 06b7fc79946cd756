import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetProblems, budgets, gzipSize, measurePage, type PageWeight } from '../../scripts/lib/page-weight';

/** Text that gzip cannot shrink much, of about `n` bytes compressed. */
const noise = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 65521).toString(36)).join('').slice(0, Math.round(n * 1.6));

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mte-weight-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('measurePage', () => {
  const css = 'body{color:red}'.repeat(10);
  const js = 'console.log(1);'.repeat(10);
  const dist = site({
    'explainers/x/index.html': `<html><head><link rel="stylesheet" href="/minsk/_astro/a.css"><style>p{margin:0}</style>
      <script type="application/ld+json">{"@type":"Article","x":"${noise(4000)}"}</script></head>
      <body><script src="/minsk/_astro/b.js"></script><script>var t=1</script>
      <img src="/minsk/a.png" loading="lazy"><img src="/minsk/b.png"><link rel="stylesheet" href="/minsk/gone.css"></body></html>`,
    '_astro/a.css': `${css}@font-face{src:url(/minsk/f.woff2)}`,
    '_astro/b.js': js,
    'f.woff2': 'x'.repeat(40_000),
  });
  const w = measurePage(dist, 'explainers/x/index.html', '/minsk/');

  it('counts linked and inline CSS and scripts under the base path, but not JSON-LD as script', () => {
    expect(w.css).toBe(gzipSize(`${css}@font-face{src:url(/minsk/f.woff2)}`) + gzipSize('p{margin:0}') + gzipSize(''));
    expect(w.js).toBe(gzipSize(js) + gzipSize('var t=1'));
    expect(w.total).toBe(w.html + w.css + w.js);
  });

  it('finds eager images, fonts and missing files', () => {
    expect(w.eagerImages).toEqual(['/minsk/b.png']);
    expect(w.fonts).toEqual([{ file: '/minsk/f.woff2', bytes: 40_000 }]);
    expect(w.missing).toEqual(['/minsk/gone.css']);
  });

  it('reports each broken budget with the page and the overshoot', () => {
    const problems = budgetProblems([w]);
    expect(problems).toContain('explainers/x/index.html: web fonts is 39.1 kB gzipped, over the 30.0 kB budget by 9.1 kB');
    expect(problems.some((p) => p.includes('image /minsk/b.png loads eagerly'))).toBe(true);
    expect(problems.some((p) => p.includes('links /minsk/gone.css'))).toBe(true);
  });
});

describe('budgetProblems', () => {
  const page = (p: Partial<PageWeight>): PageWeight => ({ page: 'sources/a/index.html', html: 1000, css: 1000, js: 0, total: 2000, eagerImages: [], fonts: [], missing: [], ...p });

  it('passes pages within every budget', () => {
    expect(budgetProblems([page({}), page({ page: 'explainers/e/index.html', html: budgets.html, total: budgets.explainerFirstVisit })])).toEqual([]);
  });

  it('fails HTML, CSS and JS one byte over', () => {
    expect(budgetProblems([page({ html: budgets.html + 1 })])).toEqual(['sources/a/index.html: HTML is 12.0 kB gzipped, over the 12.0 kB budget by 0.0 kB']);
    expect(budgetProblems([page({ css: budgets.css + 1 })])).toHaveLength(1);
    expect(budgetProblems([page({ js: budgets.js + 1 })])).toHaveLength(1);
  });

  it('exempts the search page from the script budget, not from the others', () => {
    expect(budgetProblems([page({ page: 'search/index.html', js: 50_000 })])).toEqual([]);
    expect(budgetProblems([page({ page: 'search/index.html', html: 50_000 })])).toHaveLength(1);
  });

  it('holds explainers, and only explainers, to the first-visit total', () => {
    expect(budgetProblems([page({ page: 'explainers/e/index.html', total: budgets.explainerFirstVisit + 1 })])[0]).toMatch(/first visit/);
    expect(budgetProblems([page({ total: 99_999 })])).toEqual([]);
  });
});
