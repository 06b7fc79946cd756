import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { inSlices } from '../../utils/in-slices';
import { lockfileDigest } from '../../utils/digests-fs';

/**
 * The last build's search bundles, kept in Astro's cache directory (node: reads and writes the
 * disk), so a rebuild after one edit writes again only the bundle whose pages changed: Pagefind
 * indexes every page it is given, and indexing was most of a rebuild (docs/benchmarks.md, "Build
 * at scale"). A bundle is known by a hash of every copy Pagefind would read for it (its path and
 * its bytes, facets and aliases included) and of what else shapes the index: its settings, and
 * the lockfile, as for Astro's own build cache, so that another Pagefind (or its binary) indexes
 * afresh. One bundle is kept per name, the last written, so the cache does not grow.
 */

/** Hashes a bundle's pages as they are prepared, in the order they are given. */
export function bundleKey(settings: readonly string[]): { add: (path: string, copy: string) => void; digest: () => string } {
  const hash = createHash('sha256').update(`${lockfileDigest()}\0${settings.join('\0')}\0`);
  return {
    add: (path, copy) => hash.update(`${path}\0${createHash('sha256').update(copy).digest('base64url')}\0`),
    digest: () => hash.digest('base64url'),
  };
}

const keyFile = '.mte-bundle-key';

/**
 * The files of one tree in another, as hard links where the two are on one disk: a bundle is
 * thousands of small files, and a link costs no copy. Both sides are only ever replaced whole
 * (Astro empties the output directory, a bundle is deleted before it is written), never written
 * in place, so neither can change the other.
 */
async function linkTree(from: string, to: string, skip?: string): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true })).filter((f) => f.isFile() && f.name !== skip);
  await mkdir(to, { recursive: true });
  for (const dir of new Set(files.map((f) => relative(from, f.parentPath)))) await mkdir(join(to, dir), { recursive: true });
  await inSlices(files, 64, async (f) => {
    const path = join(relative(from, f.parentPath), f.name);
    await link(join(from, path), join(to, path)).catch(() => copyFile(join(from, path), join(to, path)));
  });
}

const cachedDir = (cacheDir: string, bundle: string) => join(cacheDir, 'search-bundles', bundle);

/** Puts the bundle kept under `key` at <root>/<bundle> (linked, or copied); false when none is kept. */
export async function restoreBundle(cacheDir: string, bundle: string, key: string, root: string): Promise<boolean> {
  const dir = cachedDir(cacheDir, bundle);
  if ((await readFile(join(dir, keyFile), 'utf8').catch(() => undefined)) !== key) return false;
  await rm(join(root, bundle), { recursive: true, force: true });
  await linkTree(dir, join(root, bundle), keyFile);
  return true;
}

/**
 * Keeps <root>/<bundle> under `key`, in place of the bundle of that name kept before. The key goes
 * first and comes back last, so a bundle half deleted or half kept (a build stopped, a full disk)
 * has none and is never taken for whole. A bundle that could not be kept is indexed again next
 * time: the build it came from is complete either way.
 */
export async function keepBundle(cacheDir: string, bundle: string, key: string, root: string): Promise<void> {
  const dir = cachedDir(cacheDir, bundle);
  try {
    await rm(join(dir, keyFile), { force: true });
    await rm(dir, { recursive: true, force: true });
    await linkTree(join(root, bundle), dir);
    await writeFile(join(dir, keyFile), key);
  } catch {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
