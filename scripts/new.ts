/**
 * Scaffolds a content entry that passes the schema: `npm run new -- source` asks for each field;
 * with flags (and --yes) it asks nothing, e.g.
 *   npm run new -- source --title "…" --outlet belta --date 2025-03-19 --precision day \
 *     --kind "news report" --summary "…" --yes
 * It never overwrites an existing entry. CONTENT_DIR or --content-dir picks another content tree.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as p from '@clack/prompts';
import { loadContent } from '../src/content/load-content';
import {
  buildData, entryPath, existingEntryFile, fieldsOf, isKind, kinds, nextSteps, renderEntry, scaffoldDefaults,
  slugFor, titleFields, validateData, type Answer, type FieldProblem, type FieldSpec, type Kind,
} from './lib/scaffold';
import { paths } from '../src/content/urls';
import type { CollectionName } from '../src/content/schemas/common';

/** Short flags people reach for, mapped to schema fields. */
const flagAliases: Record<string, string> = { precision: 'datePrecision' };

const pagePaths: Record<CollectionName, (id: string) => string> = {
  sources: paths.source, explainers: paths.explainer, actors: paths.actor, outlets: paths.outlet,
  events: paths.event, glossary: paths.term, references: paths.reference, places: paths.place,
};

function usage(kind?: Kind): string {
  const lines = [`Usage: npm run new -- <${Object.keys(kinds).join('|')}> [--field value …] [--slug id] [--content-dir dir] [--yes]`];
  if (kind) {
    const { fields, structured } = fieldsOf(kinds[kind]);
    lines.push('', `Fields of ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} (* required):`);
    for (const f of fields) {
      const values = f.options ? ` One of: ${f.options.join(', ')}.` : f.format ? ` Written as: ${f.format}.` : '';
      const list = ['list', 'references', 'numbers'].includes(f.type) ? ' (comma-separated)' : '';
      lines.push(`  --${f.flag}${f.required ? ' *' : ''}${list}  ${f.description}${values}`);
    }
    for (const s of structured) lines.push(`  (${s.name}: edit the file; ${s.description})`);
  }
  lines.push('', 'Without --yes, and in a terminal, it asks for every field not given as a flag.');
  return lines.join('\n');
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const kindArg = process.argv[2];
if (!isKind(kindArg)) fail(kindArg && !kindArg.startsWith('-') ? `Unknown kind "${kindArg}".\n\n${usage()}` : usage());
const kind: Kind = kindArg;
const collection = kinds[kind];
const { fields } = fieldsOf(collection);

const options: ParseArgsConfig['options'] = {
  slug: { type: 'string' },
  'content-dir': { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
};
for (const f of fields) options[f.flag] = { type: 'string', multiple: ['list', 'references', 'numbers'].includes(f.type) };
for (const [alias, name] of Object.entries(flagAliases)) {
  if (fields.some((f) => f.name === name)) options[alias] = { type: 'string' };
}

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs({ args: process.argv.slice(3), options, strict: true, allowPositionals: false });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage(kind)}`);
}
const flags = parsed.values as Record<string, string | string[] | boolean | undefined>;
if (flags.help) {
  console.log(usage(kind));
  process.exit(0);
}

const contentDir = resolve((flags['content-dir'] as string | undefined) ?? process.env.CONTENT_DIR ?? 'content');
const { entries: existing } = loadContent(contentDir);
const answers: Record<string, Answer> = { ...scaffoldDefaults(collection, existing) };
const aliasFor = Object.fromEntries(Object.entries(flagAliases).map(([alias, name]) => [name, alias]));
const givenByFlag = new Set<string>();
for (const f of fields) {
  const alias = aliasFor[f.name];
  const given = flags[f.flag] ?? (alias ? flags[alias] : undefined);
  if (given !== undefined && typeof given !== 'boolean') {
    answers[f.name] = given;
    givenByFlag.add(f.name);
  }
}
const interactive = !flags.yes && process.stdin.isTTY === true && process.stdout.isTTY === true;

const fieldFlag = (name: string) => fields.find((f) => f.name === name)?.flag ?? name;
const describeProblem = (problem: FieldProblem) =>
  problem.message === 'required'
    ? `--${fieldFlag(problem.field)} is required: ${fields.find((f) => f.name === problem.field)?.description ?? ''}`
    : `${problem.path} (--${fieldFlag(problem.field)}): ${problem.message}`;

function check(slug: string): { data: Record<string, unknown>; problems: FieldProblem[] } {
  const data = buildData(collection, answers);
  return { data, problems: validateData(collection, slug, data, existing) };
}

function write(slug: string, data: Record<string, unknown>): void {
  const file = entryPath(contentDir, collection, slug);
  try {
    writeFileSync(file, renderEntry(collection, data), { flag: 'wx' });
  } catch (error) {
    fail(`Could not write ${file}: ${(error as Error).message}`);
  }
  const shown = relative(process.cwd(), file) || file;
  const steps = nextSteps(collection, shown, `/${pagePaths[collection](slug)}`);
  const text = `Created ${shown}\n\nNext steps:\n${steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}`;
  if (interactive) p.outro(text);
  else console.log(text);
}

function refuseExisting(slug: string): string | undefined {
  const existingFile = existingEntryFile(contentDir, collection, slug);
  return existingFile
    ? `${relative(process.cwd(), existingFile)} already exists; it is not overwritten. Edit that file, or choose another title or --slug.`
    : undefined;
}

if (!interactive) {
  const slug = (flags.slug as string | undefined) ?? slugFor(collection, buildData(collection, answers));
  const { data, problems } = check(slug || 'new-entry');
  if (problems.length) {
    fail(`Cannot create the ${kind}; fix these and run again:\n${problems.map((x) => `  ${describeProblem(x)}`).join('\n')}\n\n${usage(kind)}`);
  }
  if (!slug) fail(`The ${titleFields[collection]} gives no usable file name; pass --slug.`);
  const refusal = refuseExisting(slug);
  if (refusal) fail(refusal);
  write(slug, data);
  process.exit(0);
}

// Interactive: ask for each field not given as a flag, then re-ask any the schema rejects.
const labelOf = (entry: (typeof existing)[number]) => {
  const d = entry.data as { title?: string; name?: string; term?: string };
  return d.title ?? d.name ?? d.term ?? entry.id;
};

function cancelled<T>(value: T): Exclude<T, symbol> {
  if (p.isCancel(value)) {
    p.cancel('Nothing written.');
    process.exit(1);
  }
  return value as Exclude<T, symbol>;
}

async function ask(field: FieldSpec, problem?: string): Promise<Answer> {
  const format = field.format && !field.reference ? ` [${field.format}]` : '';
  const label = `${field.name}${field.required ? '' : ' (optional)'}: ${field.description}${format}${problem ? `\n  ✗ ${problem}` : ''}`;
  const current = answers[field.name];
  const currentList = Array.isArray(current) ? current : current ? current.split(',').map((s) => s.trim()) : [];
  const targets = field.reference ? existing.filter((e) => e.collection === field.reference) : [];
  if (field.options) {
    const options = field.options.map((o) => ({ value: o, label: o }));
    if (!field.required) options.unshift({ value: '', label: '(leave out)' });
    return cancelled(await p.select({ message: label, options, initialValue: typeof current === 'string' ? current : options[0]!.value }));
  }
  if (field.type === 'reference' && targets.length) {
    const options = targets.map((e) => ({ value: e.id, label: labelOf(e), hint: e.id }));
    if (!field.required) options.unshift({ value: '', label: '(none)', hint: '' });
    return cancelled(await p.autocomplete({ message: label, options, placeholder: 'type to filter', ...(typeof current === 'string' ? { initialValue: current } : {}) }));
  }
  if (field.type === 'references' && targets.length) {
    const options = targets.map((e) => ({ value: e.id, label: labelOf(e), hint: e.id }));
    return cancelled(await p.autocompleteMultiselect({ message: label, options, initialValues: currentList, required: false }));
  }
  const multiple = ['list', 'references', 'numbers'].includes(field.type);
  const placeholder = { url: 'https://…', numbers: 'longitude, latitude' }[field.type as string] ?? field.format;
  return cancelled(
    await p.text({
      message: multiple ? `${label} (comma-separated)` : label,
      ...(placeholder ? { placeholder } : {}),
      initialValue: currentList.join(', '),
      validate: (value) => (field.required && !value?.trim() ? 'required' : undefined),
    }),
  );
}

p.intro(`New ${kind} in ${relative(process.cwd(), resolve(contentDir, collection)) || collection}/`);
for (const field of fields) {
  if (!givenByFlag.has(field.name)) answers[field.name] = await ask(field);
}
let slug = '';
for (;;) {
  slug = (flags.slug as string | undefined) ?? slugFor(collection, buildData(collection, answers));
  const { problems } = check(slug || 'new-entry');
  if (problems.length === 0) break;
  p.log.error(`The schema rejects some answers:\n${problems.map(describeProblem).join('\n')}`);
  for (const problem of problems) {
    const field = fields.find((f) => f.name === problem.field);
    if (field) answers[field.name] = await ask(field, problem.message);
  }
}
slug = cancelled(
  await p.text({
    message: `File name (id) for this ${kind}`,
    initialValue: slug,
    validate: (value) => (!value || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? 'lowercase words joined by hyphens' : refuseExisting(value)),
  }),
);
const refusal = refuseExisting(slug);
if (refusal) fail(refusal);
write(slug, check(slug).data);
