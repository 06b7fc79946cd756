import type { PluggableList } from 'unified';
import { paths, withBase } from '../content/urls';
import { readGlossaryTerms } from './glossary-terms-fs';
import { linkPlugins } from './link-plugins';
import { rehypeGlossaryLinks } from './rehype-glossary-links';
import { remarkCitations } from './remark-citations';
import { remarkContentGuard } from './remark-content-guard';

/**
 * The Markdown pipeline for the unified processor that compiles explainers (astro.config.mjs).
 * The guard runs first: content MDX is data, and nothing downstream should see code. Glossary
 * terms are linked in explainers only; the links every body gets are in link-plugins.ts.
 */
export function markdownPlugins({ base, contentDir }: { base: string; contentDir: string }): {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
} {
  return {
    remarkPlugins: [[remarkContentGuard, { contentDir }], remarkCitations],
    rehypePlugins: [
      [
        rehypeGlossaryLinks,
        {
          terms: readGlossaryTerms(contentDir),
          href: (id: string) => withBase(base, paths.term(id)),
          include: (path: string) => path.includes('/explainers/'),
        },
      ],
      ...linkPlugins({ base }),
    ],
  };
}
