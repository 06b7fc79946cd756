import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { siteFiles } from '../dist-files-fs';
import { bundlesIn, cachePrefix, keptOnceUsed, networkFirstFiles, offlinePlan, type BuiltFile, type OfflinePlan, type PagefindEntry } from './precache';
import { inSlices } from '../../utils/in-slices';

/**
 * Writes <root>/sw.js for a built and indexed site, with each file it saves and that file's
 * revision (a hash of its bytes): a deploy changes sw.js only where files changed, and a returning
 * reader's browser fetches only those.
 */
export async function writeServiceWorker(root: string, { base }: { base: string }): Promise<OfflinePlan> {
  const revisionOf = async (path: string): Promise<BuiltFile> => {
    const bytes = await readFile(join(root, path));
    return { path, bytes: bytes.length, revision: createHash('sha256').update(bytes).digest('base64url').slice(0, 12) };
  };
  // A few hundred files at a time: a 10,000-source site has more files than a process may hold open.
  const paths = siteFiles(root, '').filter((path) => path !== 'sw.js');
  const files = await inSlices(paths, 256, revisionOf);
  const entry = JSON.parse(await readFile(join(root, 'pagefind/pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const plan = offlinePlan(files, entry);
  const runtime = await readFile(new URL('./service-worker-runtime.js', import.meta.url), 'utf8');
  const bundles = bundlesIn(files);
  const config = { base, prefix: cachePrefix(base), ...plan, networkFirst: networkFirstFiles(bundles), keptOnceUsed: keptOnceUsed(bundles) };
  await writeFile(join(root, 'sw.js'), `const CONFIG = ${JSON.stringify(config)};\n${runtime}`);
  return plan;
}
