/**
 * Writes a synthetic content tree for build benchmarks (never committed: .bench/ is git-ignored).
 * Usage: npm run synth -- --sources 1000 [--seed 1] [--out .bench/corpus-1000]
 * Then build it: CONTENT_DIR=.bench/corpus-1000 npm run build
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './lib/synth-corpus';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const sources = Number(values.sources);
const seed = Number(values.seed);
if (!Number.isInteger(sources) || sources < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run synth -- --sources N [--seed S] [--out DIR]  (N and S whole numbers, N ≥ 1)');
  process.exit(2);
}
const out = resolve(values.out ?? `.bench/corpus-${sources}-seed${seed}`);
const started = performance.now();
const counts = writeCorpus(out, { sources, seed });
const summary = Object.entries(counts).map(([collection, n]) => `${n} ${collection}`).join(', ');
console.log(`wrote ${summary} to ${out} in ${Math.round(performance.now() - started)} ms`);
