import type { PluggableList } from 'unified';
import rehypeExternalLinks from 'rehype-external-links';
import { rehypeExternalLinksOptions } from './external-links';
import { rehypeBaseLinks } from './rehype-base-links';

/**
 * The rehype plugins every body gets, explainer or source: links that leave the site marked as
 * such, and site links under the deploy base. The unified processor runs them on explainers
 * (pipeline.ts); the source loader runs them on source bodies (src/content.config.ts).
 */
export function linkPlugins({ base }: { base: string }): PluggableList {
  return [
    [rehypeExternalLinks, rehypeExternalLinksOptions],
    [rehypeBaseLinks, { base }],
  ];
}
