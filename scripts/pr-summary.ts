/**
 * What a pull request adds or changes under content/, in plain words, as Markdown on stdout: CI
 * appends it to the job summary ($GITHUB_STEP_SUMMARY). Runs the checks of `npm run check:content`
 * too, and lists what to fix when they fail. Always exits 0: the content check step fails the job.
 * Usage: tsx scripts/pr-summary.ts [base-ref]   (default origin/main; HEAD~1 when that does not exist)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseContentFile } from '../src/content/load-content';
import { parseNameStatus, summaryLines, type FileChange } from './lib/pr-summary';
import { runContentChecks } from './check-content';

const git = (args: string[], cwd: string) => {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, out: result.stdout ?? '' };
};

/** An entry file's data as far as it can be read, for its title and counts; undefined when it cannot. */
function dataOf(text: string | undefined, path: string): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const { data } = parseContentFile(text, extname(path));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const root = git(['rev-parse', '--show-toplevel'], process.cwd()).out.trim() || process.cwd();
const asked = process.argv[2] || 'origin/main';
const exists = (ref: string) => git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root).ok;

let base = asked;
let note: string | undefined;
if (!exists(asked)) {
  base = 'HEAD~1';
  note = exists(base)
    ? `${asked} was not found here, so this compares the last commit with the one before it (HEAD~1).`
    : `${asked} was not found here, and there is no earlier commit to compare with.`;
}

let changes: FileChange[] = [];
let mergeBase: string | undefined;
if (exists(base)) {
  const diff = git(['diff', '--name-status', '-z', `${base}...HEAD`, '--', 'content/'], root);
  if (diff.ok) changes = parseNameStatus(diff.out);
  else note = `${note ? `${note} ` : ''}git could not compare ${base} with this pull request.`;
  mergeBase = git(['merge-base', base, 'HEAD'], root).out.trim() || base;
}

const now: Record<string, Record<string, unknown> | undefined> = {};
const before: Record<string, Record<string, unknown> | undefined> = {};
for (const change of changes) {
  const path = join(root, change.path);
  if (change.kind !== 'removed' && existsSync(path)) now[change.path] = dataOf(readFileSync(path, 'utf8'), change.path);
  const old = change.from ?? change.path;
  if (change.kind !== 'added' && mergeBase) {
    const shown = git(['show', `${mergeBase}:${old}`], root);
    if (shown.ok) before[old] = dataOf(shown.out, old);
  }
}

const { entries, problems } = await runContentChecks(resolve(root, 'content'), root);
console.log(summaryLines({ base, note, changes, entries, now, before, problems }).join('\n'));
