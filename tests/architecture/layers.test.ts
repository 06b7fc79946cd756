import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The pipeline, in the order content flows (README, "Where things are"): a module may import from
 * its own layer and the ones before it, never from a later one, and nothing under src/ imports the
 * commands in scripts/ or the tests. A wrong-way import fails here naming both files.
 */
const layers: [name: string, holds: (path: string) => boolean][] = [
  // Small helpers with no knowledge of the site, for any layer.
  ['utils', (p) => p.startsWith('src/utils/')],
  ['content', (p) => p.startsWith('src/content/')],
  ['markdown', (p) => p.startsWith('src/markdown/')],
  // The collections Astro loads: the content model's loaders, given the Markdown pipeline's plugins.
  ['collections', (p) => p === 'src/content.config.ts'],
  ['features', (p) => p.startsWith('src/features/')],
  ['site', (p) => p.startsWith('src/site/')],
  ['rendering', (p) => /^src\/(components|layouts|pages|styles)\//.test(p)],
];

const root = resolve(import.meta.dirname, '../..');
const layerOf = (path: string) => layers.findIndex(([, holds]) => holds(path));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Relative import specifiers in a module (static, dynamic and side-effect imports), resolved to repo paths. */
function importsOf(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"?]+)/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(root, resolve(root, dirname(path), s)));
}

/** What is wrong with `file` importing `target` (repo paths), or undefined when the import is fine. */
function wrongWay(file: string, target: string): string | undefined {
  if (/^(scripts|tests)\//.test(target)) return `${file} imports ${target}`;
  if (target.startsWith('src/') && layerOf(target) > layerOf(file)) {
    return `${file} (${layers[layerOf(file)]![0]}) imports ${target} (${layers[layerOf(target)]![0]})`;
  }
  return undefined;
}

describe('the pipeline’s layers', () => {
  const files = sourceFiles('src');

  it('puts every module under src/ in a layer', () => {
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('imports only run down the pipeline, and src/ never imports scripts/ or tests/', () => {
    const wrong = files.flatMap((file) => importsOf(file).map((target) => wrongWay(file, target)).filter(Boolean));
    expect(wrong).toEqual([]);
  });

  it('tells a wrong-way import from a right one', () => {
    expect(wrongWay('src/content/site-index.ts', 'src/components/Cite.astro')).toBe(
      'src/content/site-index.ts (content) imports src/components/Cite.astro (rendering)',
    );
    expect(wrongWay('src/features/search/record.ts', 'src/site/url.ts')).toMatch(/\(features\) imports .*\(site\)/);
    expect(wrongWay('src/markdown/remark-citations.ts', 'scripts/lib/scaffold.ts')).toBeDefined();
    expect(wrongWay('src/pages/index.astro', 'src/content/site-index.ts')).toBeUndefined();
    expect(wrongWay('src/features/search/rank.ts', 'src/features/search/aliases.ts')).toBeUndefined();
    expect(importsOf('src/content.config.ts')).toContain('src/content/loaders/markdown-entries');
  });
});
