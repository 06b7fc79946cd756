import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/** Every .html file under a built site, as site paths ("sources/x/index.html"). */
export function htmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(relative(dist, p).split(sep).join('/'));
    }
  };
  walk(dist);
  return out.sort();
}

const cache = new Map<string, CheerioAPI>();
export function page(dist: string, file: string): CheerioAPI {
  const path = join(dist, file);
  let $ = cache.get(path);
  if (!$) {
    $ = load(readFileSync(path, 'utf8'));
    cache.set(path, $);
  }
  return $;
}

/** The file a site path serves: "/sources/x/" → "sources/x/index.html". */
export function fileForPath(dist: string, sitePath: string): string | undefined {
  const clean = decodeURIComponent(sitePath.replace(/^\//, ''));
  const candidates = clean === '' ? ['index.html'] : clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`];
  return candidates.find((c) => existsSync(join(dist, c)));
}
