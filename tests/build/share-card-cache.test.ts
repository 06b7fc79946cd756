import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent, runBuild } from '../helpers/build';

/** Share cards are drawn once and then taken from the build cache, never stale (src/features/share-cards/card-cache-fs.ts). */
describe('share cards with the build cache kept', () => {
  it('are reused unchanged, and drawn anew when their text changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mte-content-'));
    cpSync(fixtureContent, dir, { recursive: true });
    const cache = mkdtempSync(join(tmpdir(), 'mte-cache-'));
    const card = (outDir: string, path: string) => readFileSync(join(outDir, 'og', path));

    const first = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(first.code, first.output).toBe(0);
    const cached = readdirSync(join(cache, 'share-cards'));
    expect(cached.length).toBeGreaterThan(2);

    const explainer = join(dir, 'explainers/the-test-talks.mdx');
    writeFileSync(explainer, readFileSync(explainer, 'utf8').replace('title: The test talks', 'title: The test talks, revised'));
    const second = runBuild(dir, { env: { ASTRO_CACHE_DIR: cache } });
    expect(second.code, second.output).toBe(0);
    expect(card(second.outDir, 'sources.png').equals(card(first.outDir, 'sources.png'))).toBe(true);
    expect(card(second.outDir, 'explainers/the-test-talks.png').equals(card(first.outDir, 'explainers/the-test-talks.png'))).toBe(false);
    expect(readdirSync(join(cache, 'share-cards')).length).toBe(cached.length + 1);
  });
});
