// @ts-check
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { markdownPlugins } from './src/markdown/pipeline.ts';
import { astroCspConfig } from './src/features/security/csp.ts';
import { inlineScripts } from './src/features/security/inline-scripts.ts';
import { securityHeaders } from './src/features/security/integration.ts';
import { searchIndex } from './src/features/search/integration.ts';
import { serviceWorker } from './src/features/offline/integration.ts';
import { indexablePages } from './src/features/seo/sitemap-fs.ts';

// SITE and BASE let the same build be deployed at a domain root or under a sub-path (/minsk/).
const base = process.env.BASE ?? '/';
// Where the build writes, resolved here because the sitemap's filter reads the built pages.
const outDir = resolve(dirname(fileURLToPath(import.meta.url)), process.env.OUT_DIR ?? './dist');
// CONTENT_DIR points a build at another tree (test fixtures, the synthetic benchmark corpus).
const contentDir = process.env.CONTENT_DIR ?? './content';

export default defineConfig({
  site: process.env.SITE ?? 'https://minsk-talks.example.org',
  base,
  trailingSlash: 'always',
  // Four pages rendered at a time: one at a time, the build sat idle much of the page phase waiting
  // on file writes (docs/benchmarks.md, "Build at scale").
  build: { format: 'directory', concurrency: 4 },
  // Tests build fixture trees side by side: each gets its own output and content-layer cache.
  outDir,
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // remark/rehype plugins (src/markdown/pipeline.ts) run on the unified processor (Astro 7's default, Sätteri, runs none).
  markdown: {
    // Shiki colours code with inline styles, which the Content-Security-Policy blocks; content has no code to colour.
    syntaxHighlight: false,
    // unified's plugin lists, which Astro types more narrowly (plugins by name or function).
    processor: unified(/** @type {import('@astrojs/markdown-remark').UnifiedProcessorOptions} */ (markdownPlugins({ base, contentDir }))),
  },
  // Content-Security-Policy meta tag on every page (src/features/security/csp.ts), allowing our inline scripts by hash.
  security: { csp: astroCspConfig(Object.values(inlineScripts)) },
  vite: {
    build: {
      // Astro inlines a page script under 4 kB. The citation script (src/features/reading/client/citation-sheet.ts) runs on
      // every explainer, so it stays a file the browser caches once, not bytes in each explainer's
      // HTML, whose budget is the tightest (scripts/lib/page-weight.ts). Other assets: the default.
      assetsInlineLimit: (/** @type {string} */ file, /** @type {Buffer} */ content) => (file.endsWith('.js') && content.includes('cite-sheet') ? false : undefined),
    },
  },
  // A rebuild copies the last build's HTML of a page whose cache key (src/content/page-keys.ts), code
  // and config are unchanged, instead of rendering it again (docs/benchmarks.md, "Build at scale").
  experimental: { incrementalBuild: true },
  // Search indexes the built pages, then the service worker lists the files to save offline.
  integrations: [mdx(), sitemap({ filter: indexablePages(outDir, base) }), securityHeaders(), searchIndex(), serviceWorker()],
});
