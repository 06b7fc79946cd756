import { relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { collectionOf, findContentProblems, formatContentProblems } from '../content/checks/content-guard';

export interface ContentGuardOptions {
  /** The content tree; MDX elsewhere (site pages) is code we wrote and is left alone. */
  contentDir: string;
}

/**
 * Fails the build when content MDX carries code: imports, expressions, elements off the
 * allow-list, scripts, event handlers, javascript:/vbscript:/data: URLs. Runs before
 * remark-citations, so nothing downstream sees such a tree. Every problem in the file is listed.
 */
export function remarkContentGuard(options: ContentGuardOptions) {
  const contentDir = resolve(options.contentDir);
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const collection = collectionOf(contentDir, resolve(file.cwd, file.path));
    if (collection === undefined) return;
    const problems = findContentProblems(tree, collection);
    if (problems.length === 0) return;
    const shown = relative(file.cwd, file.path);
    const lines = formatContentProblems(shown, problems);
    const first = problems[0]!;
    file.fail(`Content MDX is data, not code: ${problems.length} problem(s) in ${shown}\n${lines.join('\n')}`, {
      line: first.line,
      column: first.column,
    });
  };
}
