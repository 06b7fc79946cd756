import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../helpers/dist';
import { fixtureContent, runBuild } from '../helpers/build';

/**
 * Issue 16: nothing per build in pages. Two clean builds of the same content give byte-identical
 * HTML, so a deploy changes only what changed (the service worker and search index may differ).
 */
describe('stable pages', () => {
  it('two clean builds of the same content give byte-identical HTML', () => {
    const [one, two] = [runBuild(fixtureContent), runBuild(fixtureContent)];
    expect(one.code, one.output).toBe(0);
    expect(two.code, two.output).toBe(0);
    const files = htmlFiles(one.outDir);
    expect(htmlFiles(two.outDir)).toEqual(files);
    expect(files.length).toBeGreaterThan(10);
    const differing = files.filter((file) => readFileSync(join(one.outDir, file), 'utf8') !== readFileSync(join(two.outDir, file), 'utf8'));
    expect(differing).toEqual([]);
  });
});
