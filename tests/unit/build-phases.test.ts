import { describe, expect, it } from 'vitest';
import { buildPhases, parseDuration } from '../../scripts/lib/build-phases';

/** The lines of a real `astro build` log (4,000 sources) that carry durations, among others that do not. */
const log = `content OK: 6411 entries in .bench/corpus-4000-seed1
17:32:45 [content] Syncing content
17:32:53 [content] Synced content
17:32:53 [types] Generated 9.21s
17:32:53 [build] ✓ Completed in 9.25s.
17:32:56 [vite] ✓ built in 2.83s
17:32:56 [vite] ✓ built in 59ms
17:32:59   ├─ /sources/x/index.html (+3ms)
17:33:07 ✓ Completed in 10.90s.
17:33:07 [build] ✓ Completed in 13.94s.
17:33:08 [security-headers] _headers written from 6421 pages' Content-Security-Policy
17:33:49 [mte:search-index] indexed 6411 pages (7 batches) in 38.21s; 6411 carry aliases of the names they mention (0 pages' names as found by the last build)
17:33:49 [build] 6421 page(s) built in 1m 5s
`;

describe('buildPhases', () => {
  it('reads the content layer, Vite, pages and search step from a build log', () => {
    const phases = buildPhases(log);
    expect(phases.contentLayer).toBeCloseTo(9.21);
    expect(phases.vite).toBeCloseTo(2.889);
    expect(phases.pages).toBeCloseTo(10.9);
    expect(phases.search).toBeCloseTo(38.21);
  });

  it("leaves out what a log does not report, such as a failed build's search step", () => {
    expect(Object.keys(buildPhases(log.split('\n').slice(0, 9).join('\n'))).sort()).toEqual(['contentLayer', 'pages', 'vite']);
    expect(buildPhases('')).toEqual({});
  });
});

describe('parseDuration', () => {
  it("reads Astro's three formats, and nothing else", () => {
    expect(parseDuration('59ms')).toBeCloseTo(0.059);
    expect(parseDuration('12.24s')).toBeCloseTo(12.24);
    expect(parseDuration('1m 5s')).toBe(65);
    expect(parseDuration('soon')).toBeUndefined();
  });
});
