import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../helpers/dist';
import { fixtureContent, runBuild, type BuildResult } from '../helpers/build';

/**
 * Issue 17: a rebuild with the build cache kept copies the pages an edit did not change
 * (Astro's incremental build, with the keys of src/content/page-keys.ts), and what it writes is
 * what a clean build of the same content writes, page for page.
 */
const differingPages = (one: BuildResult, two: BuildResult) => {
  const files = htmlFiles(one.outDir);
  expect(htmlFiles(two.outDir)).toEqual(files);
  return files.filter((file) => readFileSync(join(one.outDir, file), 'utf8') !== readFileSync(join(two.outDir, file), 'utf8'));
};
/** The pages Astro copied from the last build, as its log lists them (in colour where CI is set). */
const restored = (build: BuildResult) => [...stripVTControlCharacters(build.output).matchAll(/─ \/(\S+?\.html) \(restored\)/g)].map((m) => m[1]!).sort();
/** The pages of entries (a source, an actor, an event …), not the lists and the home page. */
const entryPages = (build: BuildResult) => htmlFiles(build.outDir).filter((file) => /^(actors|explainers|glossary|outlets|places|references|sources|timeline)\/[^/]+\/index\.html$/.test(file));

describe('a rebuild with the build cache kept', () => {
  it('renders again only what an edit changed, and writes what a clean build writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mte-content-'));
    cpSync(fixtureContent, dir, { recursive: true });
    const cache = mkdtempSync(join(tmpdir(), 'mte-cache-'));
    const edit = (file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    const first = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(first.code, first.output).toBe(0);

    // A source's body: its own page changes; every other page is copied from the last build.
    edit('sources/first-report.mdx', (t) => `${t}\nA paragraph added after the first build.\n`);
    const afterBody = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(afterBody.code, afterBody.output).toBe(0);
    expect(readFileSync(join(afterBody.outDir, 'sources/first-report/index.html'), 'utf8')).toContain('A paragraph added after the first build.');
    expect(differingPages(first, afterBody)).toEqual(['sources/first-report/index.html']);
    expect(entryPages(first).length).toBeGreaterThan(8);
    expect(restored(afterBody)).toEqual(entryPages(first).filter((file) => file !== 'sources/first-report/index.html'));
    const cleanAfterBody = runBuild(dir);
    expect(differingPages(afterBody, cleanAfterBody)).toEqual([]);

    // A source's title, which other pages print (its outlet, the explainers citing it): every page is rendered again.
    edit('sources/older-digest.mdx', (t) => t.replace(/^title: .*$/m, 'title: A retitled digest'));
    const afterTitle = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(afterTitle.code, afterTitle.output).toBe(0);
    expect(restored(afterTitle)).toEqual([]);
    const cleanAfterTitle = runBuild(dir);
    expect(differingPages(afterTitle, cleanAfterTitle)).toEqual([]);
    expect(differingPages(afterBody, afterTitle).length).toBeGreaterThan(2);
  });
});
