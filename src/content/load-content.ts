import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, extname, basename, dirname, resolve } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isAlias, isNode, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'astro/zod';
import {
  actorSchema, eventSchema, explainerSchema, glossarySchema, outletSchema, placeSchema,
  plainReference, referenceSchema, slugLike, sourceSchema, type CollectionName,
} from './schemas';
import type { PlainEntry } from './entries';
import { lockfileDigest } from '../utils/digests-fs';
import { sha256 } from '../utils/hash';
import { positionOfField, formatSchemaIssues, yamlLocator } from './checks/issues';
import type { Problem } from './checks/annotations';
import { namesToAvoid, proseCheckCode, proseProblems, runIndex, type NameRule, type RunIndex } from './checks/prose';

/**
 * Reads content/ from disk with the rules every entry point shares: `npm run check:content` and
 * the scripts call loadContent; Astro's loaders (src/content/loaders/) call listEntryFiles and
 * readEntryText before Astro reads a file, so all of them refuse the same files with the same
 * messages. The schemas are those of src/content.config.ts.
 */
export const schemas: Record<CollectionName, z.ZodType> = {
  sources: sourceSchema(plainReference),
  explainers: explainerSchema(plainReference),
  actors: actorSchema,
  outlets: outletSchema,
  events: eventSchema(plainReference),
  glossary: glossarySchema(plainReference),
  references: referenceSchema,
  places: placeSchema,
};

/**
 * YAML 1.2's core schema keeps an unquoted date as written, so an impossible one (2025-02-30) is
 * reported instead of being rolled over to another day, as a JavaScript Date would. (js-yaml, the
 * parser Astro uses, is several times faster than the yaml package on thousands of files.)
 */
const parseYaml = (text: string): unknown => load(text, { schema: CORE_SCHEMA });

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The text with its frontmatter blanked to spaces, so MDX positions stay those of the file (as Astro does). */
export function blankFrontmatter(text: string): string {
  return text.replace(FRONTMATTER, (block) => block.replace(/[^\r\n]/g, ' '));
}

export function parseContentFile(text: string, ext: string): { data: unknown; body?: string | undefined } {
  if (ext === '.mdx' || ext === '.md') {
    const match = FRONTMATTER.exec(text);
    if (!match) return { data: undefined, body: text };
    return { data: parseYaml(match[1]!), body: text.slice(match[0].length) };
  }
  return { data: parseYaml(text) };
}

export interface LoadResult {
  entries: PlainEntry[];
  errors: string[];
}

/** A content file found in a collection folder. */
export interface EntryFile {
  /** Id: the file name without its extension. */
  id: string;
  /** Absolute path. */
  path: string;
  /** Path as shown to editors, relative to the project root, with forward slashes. */
  shown: string;
  ext: string;
}

/** The extensions each collection's files may have. */
export const collectionExtensions = (collection: CollectionName): readonly string[] =>
  collection === 'sources' || collection === 'explainers' ? ['.mdx'] : ['.yaml', '.yml'];

/**
 * The entry files of one collection folder, and problems with their names (no file is read):
 * an id comes from the file name only, so two files claiming one id (x.yaml beside x.yml) fail
 * naming both, and a file in a sub-folder or with a name that is no id fails naming the file.
 */
export function listEntryFiles(dir: string, extensions: readonly string[], root: string): { files: EntryFile[]; problems: string[] } {
  const problems: string[] = [];
  const files: EntryFile[] = [];
  const byId = new Map<string, string>();
  if (!existsSync(dir)) return { files, problems };
  const inDir = resolve(dir);
  const listed = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && extensions.includes(extname(d.name)))
    .map((d) => ({ dirent: d, path: join(d.parentPath, d.name) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const { dirent, path } of listed) {
    const ext = extname(dirent.name);
    const shown = relative(root, path).split('\\').join('/');
    if (resolve(dirent.parentPath) !== inDir) {
      problems.push(`${shown}:1:1: (file): entries are read only directly inside ${relative(root, dir).split('\\').join('/')}/; move the file there (sub-folders are not read)`);
      continue;
    }
    const id = basename(dirent.name, ext);
    if (!slugLike.safeParse(id).success) {
      problems.push(`${shown}:1:1: (file name): the file name becomes the entry's id and page address: expected lowercase words joined by hyphens, e.g. "minsk-talks-resume${ext}"`);
      continue;
    }
    const other = byId.get(id);
    if (other) {
      problems.push(`${shown}:1:1: (file name): id "${id}" is already taken by ${other}; one entry, one file: rename or remove one of them`);
      continue;
    }
    byId.set(id, shown);
    files.push({ id, path, shown, ext });
  }
  return { files, problems };
}

/** Blockquotes or lists nested deeper than this are refused (real content uses two or three). */
export const MAX_NESTING = 20;

/**
 * One file's data, or its problems: YAML that cannot be read safely (syntax errors, anchors and
 * aliases: an alias bomb costs seconds and gigabytes to expand), Markdown nested deeper than a
 * parser's stack, and the schema's findings on the data as written.
 */
export function readEntryText(text: string, ext: string, collection: CollectionName, shown: string): { data?: unknown; body?: string | undefined; problems: string[] } {
  const isData = ext === '.yaml' || ext === '.yml';
  const yamlText = isData ? text : FRONTMATTER.exec(text)?.[1];
  // Lines are the file's: the frontmatter starts on line 2.
  const lineOffset = isData ? 0 : 1;
  const yamlProblem = yamlText === undefined ? undefined : unsafeYaml(yamlText);
  if (yamlProblem) return { problems: [`${shown}:${yamlProblem.line + lineOffset}:${yamlProblem.column}: ${yamlProblem.message}`] };
  if (!isData) {
    const line = tooDeep(blankFrontmatter(text));
    if (line) return { problems: [`${shown}:${line}:1: (body): quotes or lists nested more than ${MAX_NESTING} deep; flatten them`] };
  }
  let parsed: { data: unknown; body?: string | undefined };
  try {
    parsed = parseContentFile(text, ext);
  } catch (error) {
    // js-yaml's mark is 0-based and counts from the top of the YAML; its reason is the message without it.
    const { mark, reason, message } = error as { mark?: { line?: number; column?: number }; reason?: string; message: string };
    const at = mark?.line === undefined ? `${1 + lineOffset}:1` : `${mark.line + 1 + lineOffset}:${(mark.column ?? 0) + 1}`;
    return { problems: [`${shown}:${at}: (file): not valid YAML: ${reason ?? message.split('\n')[0]}`] };
  }
  const result = schemas[collection].safeParse(parsed.data ?? {});
  if (!result.success) return { problems: formatSchemaIssues(shown, result.error.issues, yamlLocator(text, ext)) };
  return { data: result.data, body: parsed.body, problems: [] };
}

/** Syntax errors and anchors or aliases, which content never needs, with their line and column in the YAML. */
function unsafeYaml(text: string): { line: number; column: number; message: string } | undefined {
  // Most files have no & or * where YAML could read an anchor or alias: skip parsing those twice.
  if (!/(^|[\s[{,:-])[&*][^\s]/m.test(text)) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    const at = error.linePos?.[0] ?? { line: 1, col: 1 };
    return { line: at.line, column: at.col, message: `(file): not valid YAML: ${error.message.split('\n')[0]}` };
  }
  let found: { what: string; offset: number } | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) found = { what: `alias *${node.source}`, offset: node.range?.[0] ?? 0 };
    else if (isNode(node) && node.anchor) found = { what: `anchor &${node.anchor}`, offset: node.range?.[0] ?? 0 };
    return found ? visit.BREAK : undefined;
  });
  if (!found) return undefined;
  const { line, col } = lineCounter.linePos(found.offset);
  return { line, column: col, message: `(file): YAML ${found.what}: anchors and aliases are not allowed in content; write each value out in full` };
}

/** The first line whose blockquote or list markers nest deeper than MAX_NESTING, if any. */
function tooDeep(body: string): number | undefined {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const quotes = (/^[ \t>]*/.exec(line)![0].match(/>/g) ?? []).length;
    // A nested list item sits at least two columns further in than its parent's.
    const item = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/.exec(line);
    const indent = item ? item[1]!.replace(/\t/g, '    ').length : 0;
    if (quotes > MAX_NESTING || indent > MAX_NESTING * 2) return i + 1;
  }
  return undefined;
}

export function loadContent(contentDir: string, root = process.cwd()): LoadResult {
  const entries: PlainEntry[] = [];
  const errors: string[] = [];
  for (const collection of Object.keys(schemas) as CollectionName[]) {
    const { files, problems } = listEntryFiles(join(contentDir, collection), collectionExtensions(collection), root);
    errors.push(...problems);
    for (const file of files) {
      const read = readEntryText(readFileSync(file.path, 'utf8'), file.ext, collection, file.shown);
      errors.push(...read.problems);
      if (read.problems.length) continue;
      entries.push({ collection, id: file.id, filePath: file.shown, data: read.data as Record<string, unknown>, body: read.body });
    }
  }
  return { entries, errors };
}

/** What the prose checks look our words up against: recorded quotations, and names to write canonically. */
function proseRules(entries: ReadonlyArray<Pick<PlainEntry, 'collection' | 'data'>>): { quotes: string[]; names: NameRule[] } {
  const quotes = entries.flatMap((e) => (e.collection === 'sources' ? ((e.data.quotes ?? []) as Array<{ text: string }>).map((q) => q.text) : []));
  const names = entries
    .filter((e) => e.collection === 'actors' || e.collection === 'places')
    .map((e) => namesToAvoid(e.data.name as string, (e.data.aliases ?? []) as string[]))
    .filter((rule) => rule.avoid.length > 0);
  return { quotes, names };
}

/** What is kept between builds: for one set of rules and one version of the checks, each file's problems by a hash of its path and text. */
interface StoredProse {
  key: string;
  files: Record<string, string[]>;
}

function readStoredProse(cacheFile: string | undefined, key: string): Record<string, string[]> {
  if (!cacheFile) return {};
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as StoredProse;
    return stored.key === key && typeof stored.files === 'object' ? stored.files : {};
  } catch {
    return {};
  }
}

/**
 * Our own words in every entry file, checked against the rules (src/content/checks/prose.ts): one line a
 * problem, "file:line:column: field: what. Fix: how.", as the build and check:content print them.
 *
 * With `cacheFile`, each file's result is kept there and taken again while the file, the rules
 * (every quotation, every name), the checks' code and the installed packages are as they were: a
 * build checks the files an edit changed, not all of them (3 s at 2,000 sources, docs/benchmarks.md).
 */
export function checkProseFiles(entries: ReadonlyArray<Pick<PlainEntry, 'collection' | 'data' | 'filePath'>>, root = process.cwd(), cacheFile?: string): string[] {
  const rules = proseRules(entries);
  const key = sha256(proseCheckCode, String(checkProseFiles), lockfileDigest(), JSON.stringify(rules));
  const stored = readStoredProse(cacheFile, key);
  const files: Record<string, string[]> = {};
  // The run index takes a while at thousands of quotations: made only when a file is checked.
  let quotes: RunIndex | undefined;
  const problems = entries.flatMap((entry) => {
    if (!entry.filePath) return [];
    const text = readFileSync(resolve(root, entry.filePath), 'utf8');
    const id = sha256(entry.collection, entry.filePath, text);
    // One line a problem: a name that is an alias of two entries is reported once.
    files[id] = stored[id] ?? [...new Set(proseProblems(text, entry.collection, quotes ??= runIndex(rules.quotes), rules.names).map(
      (p) => `${entry.filePath}:${p.line}:${p.column}: ${p.field}: ${p.message}. Fix: ${p.fix}.`,
    ))];
    return files[id];
  });
  if (cacheFile) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ key, files } satisfies StoredProse));
  }
  return problems;
}


/**
 * A problem whose check names only the field (cross-links between entries) gets the line of that
 * field in its file, so the build and check:content print the same "file:line:column" and CI can
 * annotate the line.
 */
export function locateProblem(problem: Problem, root = process.cwd()): Problem {
  if (problem.line !== undefined || !problem.file) return problem;
  const path = resolve(root, problem.file);
  if (!existsSync(path)) return { ...problem, line: 1, column: 1 };
  const { line, column } = positionOfField(readFileSync(path, 'utf8'), extname(path), problem.field ?? '(file)');
  return { ...problem, line, column };
}
