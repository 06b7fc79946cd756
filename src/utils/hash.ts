import { createHash } from 'node:crypto';

/** SHA-256 of some strings, each ended by a NUL so that ("ab", "c") and ("a", "bc") differ; base64url. */
export function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}
