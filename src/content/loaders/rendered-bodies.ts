/**
 * Where the content layer keeps the rendered HTML of bodies it renders itself (src/content/loaders/
 * markdown-entries.ts): one file per entry version, named by the digest of its source file, in
 * Astro's cache directory. Kept out of Astro's data store, which Astro serializes, bundles and
 * parses again on every build, where their HTML was most of it at scale (docs/benchmarks.md).
 */
export function renderedBodyFile(cacheDir: URL, collection: string, digest: string): URL {
  return new URL(`rendered/${collection}/${digest}.html`, cacheDir);
}
