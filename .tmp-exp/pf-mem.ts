// Experiment: Pagefind's peak memory for N of the 10k build's source pages, in one service.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as pagefind from 'pagefind';
const n = Number(process.argv[2]);
const src = '/tmp/me/d10k/sources';
const dir = `/tmp/me/pfexp-${n}`;
rmSync(dir, { recursive: true, force: true });
for (const d of readdirSync(src).filter((d) => !d.endsWith('.html')).slice(0, n)) cpSync(`${src}/${d}`, `${dir}/sources/${d}`, { recursive: true });
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '8000';
const t0 = performance.now();
const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
const added = await index!.addDirectory({ path: dir });
const t1 = performance.now();
await index!.writeFiles({ outputPath: `${dir}-out` });
const t2 = performance.now();
console.log(`${added.page_count} pages: add ${((t1 - t0) / 1000).toFixed(1)} s, write ${((t2 - t1) / 1000).toFixed(1)} s`);
await pagefind.close();
rmSync(dir, { recursive: true, force: true }); rmSync(`${dir}-out`, { recursive: true, force: true });
