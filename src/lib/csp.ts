import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy, defined once. Astro (security.csp) writes it into every page as a
 * <meta> tag, adding hashes of the scripts and styles it bundles; the build then writes the union
 * of the pages' policies to dist/_headers for hosts that read that file, with the directives a
 * <meta> tag cannot carry.
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

/** One policy that allows what any of the pages' policies allows, directive by directive. */
export function unionPolicies(policies: readonly string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const set = merged.get(name) ?? new Set<string>();
      sources.forEach((s) => set.add(s));
      merged.set(name, set);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** A `_headers` file (Netlify, Cloudflare Pages) applying the policy to every path under `base`. */
export function headersFile(policy: string, base: string): string {
  const path = `${base.endsWith('/') ? base : `${base}/`}*`;
  const lines = [`Content-Security-Policy: ${[policy, ...headerOnlyDirectives].join('; ')}`];
  for (const [name, value] of Object.entries(otherHeaders)) lines.push(`${name}: ${value}`);
  return `${path}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** The policy of a built page's <meta http-equiv="content-security-policy">, if it has one. */
export function policyInHtml(html: string): string | undefined {
  const meta = /<meta\b[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  const content = meta && /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(meta);
  const value = content ? (content[1] ?? content[2] ?? '') : undefined;
  return value?.replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
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
