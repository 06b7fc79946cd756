// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { remarkCitations } from './src/plugins/remark-citations.ts';

// SITE and BASE let the same build be deployed at a domain root or under a sub-path (/minsk/).
export default defineConfig({
  site: process.env.SITE ?? 'https://minsk-talks.example.org',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Tests build fixture trees side by side: each gets its own output and content-layer cache.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // remark/rehype plugins run on the unified processor (Astro 7's default, Sätteri, runs none).
  markdown: {
    processor: unified({ remarkPlugins: [remarkCitations] }),
  },
  integrations: [mdx(), sitemap()],
});
