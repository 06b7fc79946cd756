import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { htmlFiles, siteFiles } from '../../src/features/dist-files-fs';

/**
 * Reads a built site (dist/) as a visitor would reach it: the crawl behind `npm run check`
 * (scripts/check-site.ts) and the built-site tests.
 */

export { htmlFiles, siteFiles };

const cache = new Map<string, CheerioAPI>();
/** A built page parsed once per process. */
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

/** The URL path a built file is served at under `base`: "sources/x/index.html" → "/minsk/sources/x/". */
export function pathForFile(base: string, file: string): string {
  return normalizeBase(base) + file.replace(/(^|\/)index\.html$/, '$1');
}

export function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

export interface Finding {
  /** The built file the problem is in. */
  file: string;
  message: string;
}

export interface CrawlOptions {
  /** Deploy sub-path, "/" or "/minsk/": every internal URL must start with it. */
  base?: string;
  /** Deploy origin (SITE); absolute URLs on it are checked like internal ones. */
  site?: string | undefined;
}

/** Elements and attributes that point at another page or a file the browser fetches. */
const urlAttributes: Array<[selector: string, attribute: string]> = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['iframe[src]', 'src'],
  ['use[href]', 'href'],
  ['image[href]', 'href'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
];

const ORIGIN = 'http://site.invalid';

/**
 * Every internal link, asset reference or #fragment in the built site that does not resolve,
 * and every internal URL outside the base path (it would 404 when deployed under a sub-path).
 * CSS url() references are checked too. External URLs are not fetched.
 */
export function findBrokenLinks(dist: string, options: CrawlOptions = {}): Finding[] {
  const base = normalizeBase(options.base ?? '/');
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const findings: Finding[] = [];

  const check = (file: string, raw: string, what: string, from: URL) => {
    const value = raw.trim();
    if (value === '' || /^(mailto|tel):/i.test(value)) return;
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:/i.test(value)) {
      findings.push({ file, message: `${what} ${value}: a ${value.split(':')[0]}: URL` });
      return;
    }
    const url = new URL(value, from);
    if (url.origin !== ORIGIN && url.origin !== siteOrigin) return; // external
    if (!url.pathname.startsWith(base)) {
      findings.push({ file, message: `${what} ${value}: outside the base path ${base}` });
      return;
    }
    const target = fileForPath(dist, url.pathname.slice(base.length - 1));
    if (!target) {
      findings.push({ file, message: `${what} ${value}: no such page or file` });
      return;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.endsWith('.html')) {
      const $t = page(dist, target);
      if ($t(`[id="${CSS.escape(fragment)}"], a[name="${CSS.escape(fragment)}"]`).length === 0) {
        findings.push({ file, message: `${what} ${value}: ${target} has no element with id "${fragment}"` });
      }
    }
  };

  for (const file of htmlFiles(dist)) {
    const $ = page(dist, file);
    const from = new URL($('base[href]').attr('href') ?? pathForFile(base, file), ORIGIN);
    for (const [selector, attribute] of urlAttributes) {
      $(selector).each((_, el) => {
        const value = $(el).attr(attribute)!;
        const urls = attribute.endsWith('srcset') ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        const tag = 'tagName' in el ? el.tagName : selector;
        for (const u of urls) check(file, u, `<${tag} ${attribute}>`, from);
      });
    }
  }
  for (const file of siteFiles(dist, '.css')) {
    const css = readFileSync(join(dist, file), 'utf8');
    const from = new URL(pathForFile(base, file), ORIGIN);
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      if (!match[2]!.startsWith('data:')) check(file, match[2]!, 'url()', from);
    }
  }
  return findings;
}

/** CSS.escape for attribute selectors, without a DOM. */
const CSS = { escape: (s: string) => s.replace(/["\\]/g, '\\$&') };

/** html-validate's recommended rules (validity, accessibility, deprecated markup). */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Ids such as "2015-02-12-test-accord" (file names) are valid HTML; the strict form also wants CSS-friendly ids.
    'valid-id': ['error', { relaxed: true }],
    // MDX writes void elements as <br/>, Astro as <br>: both are valid HTML, so the style is not judged.
    'void-style': 'off',
    // A search-snippet length heuristic, not validity: titles carry source headlines as printed.
    'long-title': 'off',
  },
};

/** Every HTML validation error in the built site, as "file:line:column: message (rule)". */
export async function validateHtml(dist: string, config: ConfigData = htmlValidateConfig): Promise<Finding[]> {
  const validator = new HtmlValidate(config);
  const findings: Finding[] = [];
  for (const file of htmlFiles(dist)) {
    const report = await validator.validateFile(join(dist, file));
    for (const result of report.results) {
      for (const m of result.messages) {
        findings.push({ file: `${file}:${m.line}:${m.column}`, message: `${m.message} (${m.ruleId})` });
      }
    }
  }
  return findings;
}
