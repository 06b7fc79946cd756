/**
 * Where the content layer keeps the rendered HTML of bodies it renders itself (src/loaders/
 * markdown-entries.ts): one file per entry version, named by the digest of its source file, in
 * Astro's cache directory. Kept out of Astro's data store, which Astro serializes, bundles and
 * parses again on every build: at 4,000 sources their HTML was two thirds of it.
 */
export function renderedBodyFile(cacheDir: URL, collection: string, digest: string): URL {
  return new URL(`rendered/${collection}/${digest}.html`, cacheDir);
}
