import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Hashes of what is on disk (node: reads it), for caches whose results depend on more than their
 * inputs: the installed packages, or code that no module graph shows.
 */

let lockfile: string | undefined;

/** The project's package-lock.json: as for Astro's own build cache, another lockfile starts a cache afresh. */
export function lockfileDigest(): string {
  if (lockfile === undefined) {
    try {
      lockfile = createHash('sha256').update(readFileSync(join(process.cwd(), 'package-lock.json'))).digest('base64url');
    } catch {
      lockfile = 'no lockfile';
    }
  }
  return lockfile;
}

/** Every file under each of `dirs` (relative to `root`, the project), by path and content. */
export function filesDigest(dirs: readonly string[], root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    const top = join(root, dir);
    try {
      const files = readdirSync(top, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
      for (const path of files.map((f) => relative(top, join(f.parentPath, f.name)).split('\\').join('/')).sort()) {
        hash.update(`${dir}/${path}\0`).update(readFileSync(join(top, path))).update('\0');
      }
    } catch {
      hash.update(`no ${dir}\0`);
    }
  }
  return hash.digest('base64url');
}

/**
 * The code that checks content and turns it into what pages show (src/content: schemas, loaders,
 * the content guard; src/markdown: the remark/rehype plugins). Caches of checked or rendered
 * content use it: the config imports this code, so no page's module graph shows a change to it.
 */
export const contentCodeDigest = (root = process.cwd()): string => filesDigest(['src/markdown', 'src/content'], root);
