import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent, fixtureWith, runBuild } from '../helpers/build';

/**
 * Source bodies are plain Markdown rendered once in the content layer and cached between builds
 * (src/content/loaders/markdown-entries.ts): the cache must never serve a stale page, and MDX syntax that
 * Markdown would print as text must fail the build.
 */
const pageText = (outDir: string, slug: string) => readFileSync(join(outDir, 'sources', slug, 'index.html'), 'utf8');

describe('source bodies', () => {
  it('fail the Astro build on a component only explainers may use, naming the file, the line and the fix', () => {
    const added = 'As the digest reports.<Cite source="older-digest" />';
    const dir = fixtureWith('sources/first-report.mdx', (t) => `${t}\n${added}\n`);
    const line = readFileSync(join(dir, 'sources/first-report.mdx'), 'utf8').split('\n').indexOf(added) + 1;
    // Astro alone, past check:content: the loader runs the same content guard.
    const { code, output } = runBuild(dir, { astroOnly: true });
    expect(code).not.toBe(0);
    expect(output).toContain(`sources/first-report.mdx:${line}:23: <Cite> is not available in sources. Fix: use it only in explainers.`);
  });

  it('are rendered afresh after an edit, and a deleted source loses its page, when the build cache is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mte-content-'));
    cpSync(fixtureContent, dir, { recursive: true });
    const cache = mkdtempSync(join(tmpdir(), 'mte-cache-'));
    const extra = join(dir, 'sources/extra-report.mdx');
    writeFileSync(extra, readFileSync(join(dir, 'sources/first-report.mdx'), 'utf8').replace('title: First report', 'title: Extra report'));

    const first = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(first.code, first.output).toBe(0);
    expect(pageText(first.outDir, 'first-report')).toContain('Our own summary of the first report.');
    expect(pageText(first.outDir, 'extra-report')).toContain('<h1>Extra report</h1>');

    const source = join(dir, 'sources/first-report.mdx');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Our own summary', 'Our revised summary'));
    rmSync(extra);
    const second = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(second.code, second.output).toBe(0);
    const page = pageText(second.outDir, 'first-report');
    expect(page).toContain('Our revised summary of the first report.');
    expect(page).not.toContain('Our own summary');
    expect(() => pageText(second.outDir, 'extra-report')).toThrow();
  });

  it('get the same link handling as other content, and follow a change of deploy base with the cache kept', () => {
    const dir = fixtureWith('sources/first-report.mdx', (t) => `${t}\nSee [the agency](https://example.org/report) and [the digest](/sources/older-digest/).\n`);
    const cache = mkdtempSync(join(tmpdir(), 'mte-cache-'));
    const atRoot = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(atRoot.code, atRoot.output).toBe(0);
    expect(pageText(atRoot.outDir, 'first-report')).toContain('<a href="/sources/older-digest/">the digest</a>');

    const { code, output, outDir } = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache, BASE: '/minsk/' } });
    expect(code, output).toBe(0);
    const html = pageText(outDir, 'first-report');
    expect(html).toMatch(/<a href="https:\/\/example\.org\/report" class="external" rel="noopener noreferrer">the agency<span class="external-marker">/);
    expect(html).toContain('<a href="/minsk/sources/older-digest/">the digest</a>');
  });
});
