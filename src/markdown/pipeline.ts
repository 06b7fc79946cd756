import type { PluggableList } from 'unified';
import { rehypePlugins } from './rehype-pipeline';
import { remarkCitations } from './remark-citations';
import { remarkContentGuard } from './remark-content-guard';

/**
 * The Markdown pipeline for the unified processor that compiles explainers (astro.config.mjs).
 * The guard runs first: content MDX is data, and nothing downstream should see code.
 */
export function markdownPlugins({ base, contentDir }: { base: string; contentDir: string }): {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
} {
  return {
    remarkPlugins: [[remarkContentGuard, { contentDir }], remarkCitations],
    rehypePlugins: rehypePlugins({ base, contentDir }),
  };
}
