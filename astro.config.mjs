// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { remarkCitations } from './src/plugins/remark-citations.ts';
import { remarkContentGuard } from './src/plugins/remark-content-guard.ts';
import rehypeExternalLinks from 'rehype-external-links';
import { rehypeExternalLinksOptions } from './src/lib/external-links.ts';
import { rehypeBaseLinks } from './src/plugins/rehype-base-links.ts';
import { astroCspConfig } from './src/lib/csp.ts';
import { inlineScripts } from './src/layouts/inline-scripts.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { rehypeGlossaryLinks } from './src/plugins/rehype-glossary-links.ts';
import { readGlossaryTerms } from './src/lib/glossary-terms.ts';
import { paths, withBase } from './src/lib/urls.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

// SITE and BASE let the same build be deployed at a domain root or under a sub-path (/minsk/).
const base = process.env.BASE ?? '/';
// CONTENT_DIR points a build at another tree (test fixtures, the synthetic benchmark corpus).
const contentDir = process.env.CONTENT_DIR ?? './content';

export default defineConfig({
  site: process.env.SITE ?? 'https://minsk-talks.example.org',
  base,
  trailingSlash: 'always',
  // Four pages rendered at a time: one at a time, the build sat idle 60 % of the page phase waiting
  // on file writes (4,000 sources: pages 28 and 35 s → 13 and 19 s; docs/benchmarks.md).
  build: { format: 'directory', concurrency: 4 },
  // Tests build fixture trees side by side: each gets its own output and content-layer cache.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // remark/rehype plugins run on the unified processor (Astro 7's default, Sätteri, runs none).
  markdown: {
    // Shiki colours code with inline styles, which the Content-Security-Policy blocks; content has no code to colour.
    syntaxHighlight: false,
    processor: unified({
      // The guard runs first: content MDX is data, and nothing downstream should see code.
      remarkPlugins: [[remarkContentGuard, { contentDir }], remarkCitations],
      rehypePlugins: [
        [
          rehypeGlossaryLinks,
          {
            terms: readGlossaryTerms(contentDir),
            href: (/** @type {string} */ id) => withBase(base, paths.term(id)),
            include: (/** @type {string} */ path) => path.includes('/explainers/'),
          },
        ],
        [rehypeExternalLinks, rehypeExternalLinksOptions],
        [rehypeBaseLinks, { base }],
      ],
    }),
  },
  // Content-Security-Policy meta tag on every page (src/lib/csp.ts), allowing our inline scripts by hash.
  security: { csp: astroCspConfig(Object.values(inlineScripts)) },
  vite: {
    build: {
      // Astro inlines a page script under 4 kB. The citation script (scripts/citation-sheet.ts) runs on
      // every explainer, so it stays a file the browser caches once, not bytes in each explainer's
      // HTML, whose budget is the tightest (scripts/lib/page-weight.ts). Other assets: the default.
      assetsInlineLimit: (/** @type {string} */ file, /** @type {Buffer} */ content) => (file.endsWith('.js') && content.includes('cite-sheet') ? false : undefined),
    },
  },
  // Search indexes the built pages, then the service worker lists the files to save offline.
  integrations: [mdx(), sitemap(), securityHeaders(), searchIndex(), serviceWorker()],
});
