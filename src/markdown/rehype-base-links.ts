import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../content/urls';

/**
 * Content links to site pages are written from the site root ("/sources/x/"); this prefixes the
 * deploy base so they also work when the site is served under a sub-path such as /minsk/.
 */
export function rehypeBaseLinks(options: { base: string }) {
  const base = withBase(options.base, '');
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(base)) {
          node.properties[attribute] = withBase(base, value);
        }
      }
    });
  };
}
