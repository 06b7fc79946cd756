import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let digest: string | undefined;

/**
 * A hash of the project's package-lock.json (node: reads the disk), for caches whose results
 * depend on what is installed: as Astro's own build cache, another lockfile starts them afresh.
 */
export function lockfileDigest(): string {
  if (digest === undefined) {
    try {
      digest = createHash('sha256').update(readFileSync(join(process.cwd(), 'package-lock.json'))).digest('base64url');
    } catch {
      digest = 'no lockfile';
    }
  }
  return digest;
}
