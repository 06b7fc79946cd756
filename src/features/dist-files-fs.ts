import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { bundleOfPath } from './search/scope';

/**
 * The files of a built site (node: reads the disk), for the build's own integrations (search
 * index, service worker, headers); the crawler in built-site.ts adds what checks need.
 */

/** Every file under a built site whose name ends with `extension` ("" for all), as site paths ("sources/x/index.html"). */
export function siteFiles(dist: string, extension: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(extension)) out.push(relative(dist, p).split(sep).join('/'));
    }
  };
  walk(dist);
  return out.sort();
}

export const htmlFiles = (dist: string): string[] => siteFiles(dist, '.html');

/** The search index's bundles in a built site ("pagefind/", "pagefind-archive/", …; src/features/search/scope.ts). */
export const bundleDirs = (dist: string): string[] =>
  readdirSync(dist).map((name) => `${name}/`).filter((name) => bundleOfPath(name) === name);
