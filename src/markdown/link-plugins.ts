import type { PluggableList } from 'unified';
import rehypeExternalLinks from 'rehype-external-links';
import { paths, withBase } from '../content/urls';
import { rehypeExternalLinksOptions } from './external-links';
import { readGlossaryTerms } from './glossary-terms-fs';
import { rehypeBaseLinks } from './rehype-base-links';
import { rehypeGlossaryLinks } from './rehype-glossary-links';

/**
 * The rehype half of the Markdown pipeline (pipeline.ts): run on explainers by the unified
 * processor and on source bodies by their loader (src/content.config.ts), so both kinds of
 * content leave with the same links.
 */
export function rehypePlugins({ base, contentDir }: { base: string; contentDir: string }): PluggableList {
  return [
    [
      rehypeGlossaryLinks,
      {
        terms: readGlossaryTerms(contentDir),
        href: (id: string) => withBase(base, paths.term(id)),
        include: (path: string) => path.includes('/explainers/'),
      },
    ],
    [rehypeExternalLinks, rehypeExternalLinksOptions],
    [rehypeBaseLinks, { base }],
  ];
}
