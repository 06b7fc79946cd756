import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from '../dist-files-fs';
import { headerPolicy, headersFile, policiesInHtml } from './csp';

/**
 * Writes dist/_headers (read by Netlify and Cloudflare Pages; GitHub Pages relies on the <meta>
 * tags): the Content-Security-Policy configured in src/features/security/csp.ts with the hashes Astro put in the
 * pages, plus frame-ancestors and other headers a <meta> tag cannot set. A page with more than one
 * policy, or none, fails the build.
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
        const pages = htmlFiles(dist).map((file) => {
          const found = policiesInHtml(readFileSync(join(dist, file), 'utf8'));
          if (found.length !== 1) throw new Error(`security-headers: ${file} has ${found.length} Content-Security-Policy meta tags; every page needs exactly one`);
          return { file, policy: found[0]! };
        });
        if (pages.length === 0) throw new Error('security-headers: no page was built');
        writeFileSync(join(dist, '_headers'), headersFile(headerPolicy(pages), base));
        logger.info(`_headers written: the configured policy with the hashes of ${pages.length} pages`);
      },
    },
  };
}
