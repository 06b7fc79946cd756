/**
 * Validates every file in content/ against the schemas, checks that every cross-link resolves and
 * that content MDX is data (the build's content guard), without a full build.
 * Usage: npm run check:content [-- content-dir]
 *
 * Prints one line a problem, "file:line:column: field: message". Under GitHub Actions
 * (GITHUB_ACTIONS=true) each problem is also printed as an annotation (src/content/checks/annotations.ts),
 * which GitHub shows on the pull request's diff at that line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { annotation, formatProblem, parseProblem, type Problem } from '../src/content/checks/annotations';
import { checkMdxText, formatContentProblems } from '../src/content/checks/content-guard';
import type { PlainEntry } from '../src/content/entries';
import { positionOfField } from '../src/content/checks/issues';
import { blankFrontmatter, checkProseFiles, loadContent, locateProblem } from '../src/content/load-content';
import { findBrokenReferences } from '../src/content/checks/references';
import { createBodyRenderer, disallowedHtmlMessage, sanitizeBodyHtml } from '../src/content/loaders/body-html';

export interface ContentCheck {
  /** The entries that passed their schema (the others are among the problems). */
  entries: PlainEntry[];
  /** Every problem, each with the line (and column where known) of what it is about. */
  problems: Problem[];
}

/**
 * Every check of `npm run check:content` on one content folder; scripts/pr-summary.ts runs the
 * same. Paths are shown relative to `root`.
 */
export async function runContentChecks(contentDir: string, root = process.cwd()): Promise<ContentCheck> {
  const { entries, errors } = loadContent(contentDir, root);
  // Each check prints its lines as the build does; they are read back as problems, and those that
  // name only a field (cross-links) get its line here (locateProblem), as in the build.
  const problems: Problem[] = [
    ...errors.map(parseProblem),
    ...findBrokenReferences(entries).map((p) => ({ file: p.file, field: p.field, message: p.message })),
  ];
  const printed = entries
    .filter((e) => e.filePath?.endsWith('.mdx'))
    .flatMap((e) => formatContentProblems(e.filePath!, checkMdxText(blankFrontmatter(readFileSync(resolve(root, e.filePath!), 'utf8')), e.collection)));
  // Source bodies are rendered as the build renders them (Sätteri, where raw HTML is live) and held to
  // the same allow-list, so this check and the build refuse the same bodies (docs/security.md).
  const renderer = await createBodyRenderer();
  for (const entry of entries.filter((e) => e.collection === 'sources' && e.body !== undefined)) {
    const { code } = await renderer.render(entry.body!, { frontmatter: {}, fileURL: new URL(`file:///${entry.filePath}`) } as Parameters<typeof renderer.render>[1]);
    const { disallowed } = sanitizeBodyHtml(code);
    if (disallowed.length) printed.push(disallowedHtmlMessage(entry.filePath!, disallowed, positionOfField(readFileSync(resolve(root, entry.filePath!), 'utf8'), '.mdx', '(body)')));
  }
  // Our own words: no copied quotations, canonical names, no internal labels (src/content/checks/prose.ts).
  printed.push(...checkProseFiles(entries, root));
  problems.push(...printed.map(parseProblem));
  return { entries, problems: problems.map((p) => locateProblem(p, root)) };
}

async function main(): Promise<void> {
  const contentDir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
  const { entries, problems } = await runContentChecks(contentDir);
  if (problems.length) {
    console.error(problems.map(formatProblem).join('\n'));
    console.error(`\n${problems.length} problem(s) in ${contentDir}`);
    // Workflow commands, read by GitHub Actions from the job's output: one annotation a problem.
    if (process.env.GITHUB_ACTIONS === 'true') console.log(problems.map(annotation).join('\n'));
    process.exitCode = 1;
    return;
  }
  console.log(`content OK: ${entries.length} entries in ${contentDir}`);
}

// Run as a command, not when scripts/pr-summary.ts imports runContentChecks.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) await main();
