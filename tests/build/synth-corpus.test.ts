import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { writeCorpus } from '../../scripts/lib/synth-corpus';
import { runBuild, type BuildResult } from '../helpers/build';
import { fileForPath, page } from '../helpers/dist';

/** The benchmark corpus goes through the real `npm run build`, citations and all. */
describe('a synthetic corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mte-synth-build-'));
  writeCorpus(dir, { sources: 25, seed: 11 });
  const { entries } = loadContent(dir, dir);
  let build: BuildResult;
  beforeAll(() => {
    build = runBuild(dir);
  });

  it('builds, with a page for every source showing its body', () => {
    expect(build.code, build.output).toBe(0);
    for (const source of entries.filter((e) => e.collection === 'sources')) {
      const file = fileForPath(build.outDir, `/sources/${source.id}/`);
      expect(file, source.id).toBeDefined();
      const $ = page(build.outDir, file!);
      expect($('h1').first().text()).toBe(source.data.title);
      // Every heading of the body is on the page, in the body's order.
      const bodyHeadings = [...source.body!.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      const shown = $('article h2').map((_, h) => $(h).text()).get();
      expect(shown.filter((h) => bodyHeadings.includes(h)), source.id).toEqual(bodyHeadings);
    }
  });

  it('numbers the citations of its explainers and links them to the sources cited', () => {
    for (const explainer of entries.filter((e) => e.collection === 'explainers')) {
      const $ = page(build.outDir, fileForPath(build.outDir, `/explainers/${explainer.id}/`)!);
      const cites = $('sup.cite a[href^="#source-"]');
      expect(cites.length, explainer.id).toBeGreaterThan(5);
      expect($('.sources-cited li').length).toBe(new Set(cites.map((_, a) => $(a).attr('href')!.slice('#source-'.length)).get()).size);
    }
  });
});
