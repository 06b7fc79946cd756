import { createHash } from 'node:crypto';
import { headMetas } from '../page-head';

/**
 * The Content-Security-Policy, defined once. Astro (security.csp) writes it into every page as a
 * <meta> tag, adding hashes of the scripts and styles it bundles; the build writes the same policy
 * to dist/_headers for hosts that read that file, with the directives a <meta> tag cannot carry.
 * The header is made from this configuration: only the hashes are read from the pages, with an
 * HTML parser, and a page whose policy allows anything else fails the build (docs/security.md).
 */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  // Pagefind fetches its index and WASM; the service worker fetches pages to cache them.
  "connect-src 'self'",
  // Pagefind may start its worker from a blob: URL; the service worker is a same-origin script.
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Script sources besides hashes: our own files, and WebAssembly compilation for Pagefind. */
export const scriptResources = ["'self'", "'wasm-unsafe-eval'"];

/** Style sources besides hashes: our own style sheets. */
export const styleResources = ["'self'"];

/** Directives only an HTTP header can carry (a <meta> policy ignores them). */
export const headerOnlyDirectives = ["frame-ancestors 'none'"];

/** Other security headers, written to _headers alongside the policy. */
export const otherHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** A CSP source expression for an inline script or style: 'sha256-…' without the quotes. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Astro's `security.csp` option: our directives, plus hashes of the inline scripts we render. */
export function astroCspConfig(inlineScripts: readonly string[]) {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...cspDirectives],
    scriptDirective: { resources: scriptResources, hashes: inlineScripts.map(cspHash) },
    styleDirective: { resources: styleResources },
  };
}

/** Parses "a x y; b z" into directive → sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/**
 * The policy for the `_headers` file: the configured directives, with the script and style hashes
 * Astro put in the pages' policies. Throws when a page's policy allows anything the configuration
 * does not: a page cannot widen the site-wide header.
 */
export function headerPolicy(pages: ReadonlyArray<{ file: string; policy: string }>): string {
  const configured = parsePolicy([...cspDirectives, `script-src ${scriptResources.join(' ')}`, `style-src ${styleResources.join(' ')}`].join('; '));
  const hashes = { 'script-src': new Set<string>(), 'style-src': new Set<string>() };
  for (const { file, policy } of pages) {
    for (const [name, sources] of parsePolicy(policy)) {
      const allowed = configured.get(name);
      for (const source of sources) {
        if (allowed?.includes(source)) continue;
        if ((name === 'script-src' || name === 'style-src') && HASH.test(source)) hashes[name].add(source);
        else throw new Error(`${file}: its Content-Security-Policy has ${name} ${source}, which src/features/security/csp.ts does not configure`);
      }
    }
  }
  return [...configured]
    .map(([name, sources]) => [name, ...sources, ...(name === 'script-src' || name === 'style-src' ? hashes[name] : [])].join(' '))
    .join('; ');
}

/** A `_headers` file (Netlify, Cloudflare Pages) applying the policy to every path under `base`. */
export function headersFile(policy: string, base: string): string {
  const path = `${base.endsWith('/') ? base : `${base}/`}*`;
  const lines = [`Content-Security-Policy: ${[policy, ...headerOnlyDirectives].join('; ')}`];
  for (const [name, value] of Object.entries(otherHeaders)) lines.push(`${name}: ${value}`);
  return `${path}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/**
 * The policies of a built page's <meta http-equiv="content-security-policy"> elements, from its
 * head (headMetas): browsers apply such a policy only from there.
 */
export function policiesInHtml(html: string): string[] {
  return headMetas(html).filter((meta) => meta['http-equiv']?.toLowerCase() === 'content-security-policy').map((meta) => meta.content ?? '');
}

/** The first Content-Security-Policy of a built page, if it has one. */
export function policyInHtml(html: string): string | undefined {
  return policiesInHtml(html)[0];
}

/** The headers a `_headers` file gives a request path (exact paths and trailing-* prefixes). */
export function headersForPath(file: string, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  let applies = false;
  for (const line of file.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      applies = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    } else if (applies) {
      const colon = line.indexOf(':');
      out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return out;
}
