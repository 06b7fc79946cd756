/**
 * What a pull request adds or changes under content/, in plain words, for the job summary on
 * GitHub (scripts/pr-summary.ts gathers the diff and the entries; this turns them into Markdown).
 * Pure: no files, no git.
 */
import type { Problem } from '../../src/content/checks/annotations';
import type { PlainEntry } from '../../src/content/entries';
import { collectionNames, type CollectionName } from '../../src/content/schemas/common';
import { entryPaths } from '../../src/content/site-index';
import { paths } from '../../src/content/urls';

export type ChangeKind = 'added' | 'changed' | 'removed' | 'renamed';

/** One file in `git diff --name-status`, paths from the repository root. */
export interface FileChange {
  kind: ChangeKind;
  path: string;
  /** A renamed file's old path. */
  from?: string | undefined;
}

/**
 * `git diff --name-status -z` output: "A\0path\0", "M\0path\0", "D\0path\0", "R087\0old\0new\0"
 * (renames and copies name two paths; a copy is a file added).
 */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++]!.trim();
    if (!status) continue;
    const letter = status[0]!;
    if (letter === 'R' || letter === 'C') {
      const from = fields[i++]!;
      const path = fields[i++]!;
      changes.push(letter === 'R' ? { kind: 'renamed', path, from } : { kind: 'added', path });
      continue;
    }
    const path = fields[i++];
    if (path === undefined) break;
    changes.push({ kind: letter === 'A' ? 'added' : letter === 'D' ? 'removed' : 'changed', path });
  }
  return changes;
}

/** The entry a path names (content/sources/minsk-offer.mdx is sources/minsk-offer), if it is one. */
export function entryOfPath(path: string, contentDir = 'content'): { collection: CollectionName; id: string } | undefined {
  const match = new RegExp(`^${contentDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)/([^/]+)\\.(mdx|ya?ml)$`).exec(path);
  if (!match || !(collectionNames as readonly string[]).includes(match[1]!)) return undefined;
  const collection = match[1] as CollectionName;
  const mdx = collection === 'sources' || collection === 'explainers';
  if (mdx !== (match[3] === 'mdx')) return undefined;
  return { collection, id: match[2]! };
}

/** The explainers whose body cites or quotes the source: <Cite source="id">, <Quote source="id">, <Variant source="id">. */
export function citingExplainers(sourceId: string, explainers: ReadonlyArray<Pick<PlainEntry, 'id' | 'body'>>): string[] {
  const id = sourceId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const use = new RegExp(`<(?:Cite|Quote|Variant)\\b[^>]*?\\bsource\\s*=\\s*(?:"${id}"|'${id}')`);
  return explainers.filter((e) => use.test(e.body ?? '')).map((e) => e.id);
}

const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;

/** The events and glossary entries that list the source in their `sources`. */
export function listingEntries(sourceId: string, entries: ReadonlyArray<PlainEntry>): PlainEntry[] {
  return entries.filter(
    (e) => (e.collection === 'events' || e.collection === 'glossary') && Array.isArray(e.data.sources) && e.data.sources.some((s: unknown) => idOf(s) === sourceId),
  );
}

/** Text from an entry, shown as text: Markdown and HTML in a title do nothing in the summary. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A path or id in backticks, which GitHub shows as written. */
const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;

const kindOf: Record<CollectionName, string> = {
  sources: 'source', explainers: 'explainer', actors: 'actor', outlets: 'outlet',
  events: 'event', glossary: 'glossary term', references: 'reference document', places: 'place',
};

/** The name an entry is shown by: its title, name or term. */
export function entryTitle(data: Record<string, unknown> | undefined): string | undefined {
  const title = data?.title ?? data?.name ?? data?.term;
  return typeof title === 'string' && title.trim() ? title : undefined;
}

const pageOf = (collection: CollectionName, id: string) => `/${paths[entryPaths[collection]](id)}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface SummaryInput {
  /** The ref compared with, as given ("origin/main"). */
  base: string;
  /** Said first when the comparison is not the one asked for (the base did not exist). */
  note?: string | undefined;
  changes: ReadonlyArray<FileChange>;
  /** Every entry that passed its schema, as the pull request leaves content/. */
  entries: ReadonlyArray<PlainEntry>;
  /** A changed file's data as far as it can be read now, and at the base, by path: for titles and counts. */
  now?: Readonly<Record<string, Record<string, unknown> | undefined>>;
  before?: Readonly<Record<string, Record<string, unknown> | undefined>>;
  /** What `npm run check:content` finds. */
  problems: ReadonlyArray<Problem>;
  /** Where content/ is, as paths in the diff name it. */
  contentDir?: string;
}

/** The job summary, one Markdown line an item. */
export function summaryLines(input: SummaryInput): string[] {
  const contentDir = input.contentDir ?? 'content';
  const out: string[] = ['## Content in this pull request', ''];
  if (input.note) out.push(`> ${input.note}`, '');
  const changes = input.changes.filter((c) => c.path.startsWith(`${contentDir}/`) || c.from?.startsWith(`${contentDir}/`));
  if (!changes.length) {
    out.push(`This pull request changes nothing under ${contentDir}/ (compared with ${code(input.base)}).`, '');
  } else {
    const counts = (['added', 'changed', 'removed', 'renamed'] as const)
      .map((kind) => [kind, changes.filter((c) => c.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`);
    out.push(`Compared with ${code(input.base)}: ${plural(changes.length, 'file')} under ${contentDir}/, ${counts.join(', ')}.`, '');
    const problemsIn = (path: string) => input.problems.filter((p) => p.file === path).length;
    for (const change of changes) out.push(...describeChange(change, input, contentDir, problemsIn(change.path)));
    out.push('');
  }
  out.push(...problemLines(input.problems, input.entries.length));
  return out;
}

function describeChange(change: FileChange, input: SummaryInput, contentDir: string, problems: number): string[] {
  const entry = entryOfPath(change.path, contentDir);
  if (!entry) {
    const what = { added: 'Added', changed: 'Changed', removed: 'Removed', renamed: 'Renamed' }[change.kind];
    const line = `- **${what} file** ${code(change.path)}: not an entry of any collection, so the site does not read it (entries are \`${contentDir}/<collection>/<id>.mdx\` or \`.yaml\`).`;
    return problems ? [line, `  - **${plural(problems, 'problem')} to fix** in this file: see below.`] : [line];
  }
  const { collection, id } = entry;
  const current = input.entries.find((e) => e.collection === collection && e.id === id);
  const data = change.kind === 'removed' ? input.before?.[change.path] : (current?.data ?? input.now?.[change.path]);
  const title = entryTitle(data);
  const name = title ? `“${escapeMarkdown(title)}”` : code(id);
  const verb = { added: 'New', changed: 'Changed', removed: 'Removed', renamed: 'Renamed' }[change.kind];
  const lines = [`- **${verb} ${kindOf[collection]}** ${name}: ${code(change.path)}`];
  const detail = (text: string) => lines.push(`  - ${text}`);
  if (change.kind === 'renamed' && change.from) detail(`Renamed from ${code(change.from)}.`);
  if (problems) detail(`**${plural(problems, 'problem')} to fix** in this file: see below.`);
  else if (change.kind !== 'removed' && !current) detail('**Not read**: see the problems below.');

  const page = pageOf(collection, id);
  if (change.kind === 'removed') {
    const heir = input.entries.find((e) => e.collection === collection && Array.isArray(e.data.formerIds) && e.data.formerIds.includes(id));
    detail(heir ? `Its address ${code(page)} will lead to ${code(pageOf(collection, heir.id))}, which lists it in \`formerIds\`.` : `Its page ${code(page)} will no longer exist.`);
  } else {
    detail(change.kind === 'changed' ? `Page: ${code(page)}` : `New page: ${code(page)}`);
    const former = Array.isArray(data?.formerIds) ? (data.formerIds as unknown[]).filter((f): f is string => typeof f === 'string') : [];
    if (former.length) detail(`Old address${former.length > 1 ? 'es' : ''} ${former.map((f) => code(pageOf(collection, f))).join(', ')} will lead here.`);
    const old = change.kind === 'renamed' && change.from ? entryOfPath(change.from, contentDir) : undefined;
    if (old && old.collection === collection && old.id !== id && !former.includes(old.id)) {
      detail(`The old address ${code(pageOf(collection, old.id))} will no longer exist: add \`formerIds: [${old.id}]\` to keep it working.`);
    }
  }
  if (collection === 'sources' && change.kind !== 'removed') lines.push(...sourceLines(id, data, input.before?.[change.from ?? change.path], input.entries, change.kind));
  if (collection === 'sources' && change.kind === 'removed') {
    const still = [...citingExplainers(id, input.entries.filter((e) => e.collection === 'explainers')), ...listingEntries(id, input.entries).map((e) => e.id)];
    if (still.length) detail(`Still named by ${still.map(code).join(', ')}: the check fails until those are changed too.`);
  }
  return lines;
}

function sourceLines(id: string, data: Record<string, unknown> | undefined, before: Record<string, unknown> | undefined, entries: ReadonlyArray<PlainEntry>, kind: ChangeKind): string[] {
  const lines: string[] = [];
  const count = (d: Record<string, unknown> | undefined) => (Array.isArray(d?.quotes) ? d.quotes.length : undefined);
  const quotes = count(data);
  const was = kind === 'added' ? undefined : count(before);
  if (quotes !== undefined) lines.push(`  - ${plural(quotes, 'quote')} recorded${was !== undefined && was !== quotes ? ` (was ${was})` : ''}.`);
  const explainers = entries.filter((e) => e.collection === 'explainers');
  const citing = citingExplainers(id, explainers);
  const named = (e: PlainEntry) => {
    const title = entryTitle(e.data);
    return title ? `“${escapeMarkdown(title)}” (${code(e.id)})` : code(e.id);
  };
  lines.push(
    citing.length
      ? `  - Cited in ${plural(citing.length, 'explainer')}: ${citing.map((c) => named(explainers.find((e) => e.id === c)!)).join(', ')}.`
      : '  - Not cited in any explainer yet.',
  );
  const listing = listingEntries(id, entries);
  const groups = (['events', 'glossary'] as const)
    .map((collection) => listing.filter((e) => e.collection === collection))
    .filter((group) => group.length)
    .map((group) => `${plural(group.length, kindOf[group[0]!.collection])} (${group.map(named).join(', ')})`);
  lines.push(groups.length ? `  - Listed in \`sources\` of ${groups.join(' and ')}.` : '  - No event or glossary term lists it in `sources`.');
  return lines;
}

function problemLines(problems: ReadonlyArray<Problem>, entries: number): string[] {
  if (!problems.length) return [`**Content check passed**: ${plural(entries, 'entry', 'entries')}, no problems.`];
  const lines = [
    `### ${plural(problems.length, 'problem')} to fix`,
    '',
    'The same list `npm run check:content` prints. GitHub also marks them at their lines under "Files changed" (only the first few of a long list); this list has them all.',
    '',
  ];
  for (const p of problems) {
    const at = p.line === undefined ? '' : `, line ${p.line}${p.column === undefined ? '' : `, column ${p.column}`}`;
    const field = p.field ? `${code(p.field)}: ` : '';
    lines.push(`- ${p.file ? code(p.file) : 'content'}${at}: ${field}${escapeMarkdown(p.message)}`);
  }
  return lines;
}
