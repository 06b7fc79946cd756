import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from '../lib/built-site';
import { headersFile, policyInHtml, unionPolicies } from '../lib/csp';

/**
 * Writes dist/_headers (read by Netlify and Cloudflare Pages; GitHub Pages relies on the <meta>
 * tags) with the union of the pages' Content-Security-Policy meta tags, which Astro generated from
 * src/lib/csp.ts, plus frame-ancestors and other headers a <meta> tag cannot set.
 */
export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const policies = htmlFiles(dist)
          .map((file) => policyInHtml(readFileSync(join(dist, file), 'utf8')))
          .filter((p): p is string => p !== undefined);
        if (policies.length === 0) throw new Error('security-headers: no page carries a Content-Security-Policy meta tag');
        writeFileSync(join(dist, '_headers'), headersFile(unionPolicies(policies), base));
        logger.info(`_headers written from ${policies.length} pages' Content-Security-Policy`);
      },
    },
  };
}
