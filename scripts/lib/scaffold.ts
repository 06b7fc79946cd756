import { existsSync } from 'node:fs';
import { join } from 'node:path';
import slugify from '@sindresorhus/slugify';
import { z } from 'astro/zod';
import { Document, isMap, isScalar } from 'yaml';
import type { CollectionName } from '../../src/content/schemas/common';
import type { PlainEntry } from '../../src/content/entries';
import { fieldPath } from '../../src/content/checks/issues';
import { schemas } from '../../src/content/load-content';
import { findBrokenReferences } from '../../src/content/checks/references';

/**
 * The logic behind `npm run new`: which fields an entry has (read from the zod schemas, so the
 * scaffold cannot drift from them), turning answers into data, validating it exactly as the
 * build will, and writing the file. scripts/new.ts only asks and prints.
 */

/** What editors type after `npm run new --`, and the collection each writes to. */
export const kinds = {
  source: 'sources',
  explainer: 'explainers',
  actor: 'actors',
  outlet: 'outlets',
  event: 'events',
  term: 'glossary',
  reference: 'references',
  place: 'places',
} as const satisfies Record<string, CollectionName>;
export type Kind = keyof typeof kinds;

export const isKind = (value: string | undefined): value is Kind => value !== undefined && Object.hasOwn(kinds, value);

/** The field an entry's slug is made from. */
export const titleFields: Record<CollectionName, string> = {
  sources: 'title',
  explainers: 'title',
  events: 'title',
  references: 'title',
  actors: 'name',
  outlets: 'name',
  places: 'name',
  glossary: 'term',
};

/** Collections written as MDX (frontmatter and a body); the others are YAML files. */
export const mdxCollections: ReadonlySet<CollectionName> = new Set(['sources', 'explainers']);

export type FieldType = 'text' | 'url' | 'date' | 'enum' | 'boolean' | 'number' | 'numbers' | 'list' | 'reference' | 'references';

/** One field an editor answers, as a prompt or a --flag. */
export interface FieldSpec {
  name: string;
  /** The command-line flag, kebab-case: datePrecision → --date-precision. */
  flag: string;
  type: FieldType;
  required: boolean;
  description: string;
  /** How the value is written, from the schema's type title ("YYYY-MM-DD, YYYY-MM or YYYY"). */
  format?: string;
  /** Allowed values, for enum and true-or-false fields. */
  options?: string[];
  /** The collection a reference field names. */
  reference?: CollectionName;
  /** The value the schema fills in when the field is left out. */
  defaultValue?: unknown;
  /** An array field the schema defaults to [] (written out empty so editors see it). */
  listDefault?: boolean;
}

/** A list of records (a source's quotes, provenance): left for the editor, explained in a comment. */
export interface StructuredField {
  name: string;
  description: string;
  items: FieldSpec[];
}

interface JsonSchema {
  type?: string;
  enum?: string[];
  format?: string;
  title?: string;
  description?: string;
  reference?: CollectionName;
  default?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** The JSON Schema of what an editor writes (the input side of the zod schema). */
export function inputJsonSchema(collection: CollectionName): JsonSchema {
  return z.toJSONSchema(schemas[collection], { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function typeOf(p: JsonSchema): FieldType | 'structured' {
  if (p.enum) return 'enum';
  if (p.type === 'boolean') return 'boolean';
  if (p.reference) return 'reference';
  if (p.anyOf) return 'date'; // partialDate is the schemas' only union
  if (p.type === 'integer' || p.type === 'number') return 'number';
  if (p.type === 'array') {
    if (p.prefixItems) return 'numbers';
    const items = p.items || {};
    if (items.reference) return 'references';
    if (items.type === 'object') return 'structured';
    return 'list';
  }
  if (p.format === 'uri') return 'url';
  return 'text';
}

function specOf(name: string, p: JsonSchema, required: boolean, type: FieldType): FieldSpec {
  const description = p.description ?? p.title ?? '';
  const spec: FieldSpec = { name, flag: kebab(name), type, required, description };
  if (p.enum) spec.options = p.enum;
  if (type === 'boolean') spec.options = ['true', 'false'];
  const format = p.title ?? (p.items ? p.items.title : undefined);
  if (format && format !== description) spec.format = format;
  const reference = p.reference ?? (p.items ? p.items.reference : undefined);
  if (reference) spec.reference = reference;
  if (p.default !== undefined) spec.defaultValue = p.default;
  return spec;
}

/** The fields of a collection, in schema order: those asked for, and the structured ones left for the editor. */
export function fieldsOf(collection: CollectionName): { fields: FieldSpec[]; structured: StructuredField[] } {
  const schema = inputJsonSchema(collection);
  const required = new Set(schema.required ?? []);
  const fields: FieldSpec[] = [];
  const structured: StructuredField[] = [];
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    const type = typeOf(p);
    if (type === 'structured') {
      const items = (p.items || {}) as JsonSchema;
      const itemRequired = new Set(items.required ?? []);
      structured.push({
        name,
        description: p.description ?? '',
        items: Object.entries(items.properties ?? {}).map(([n, q]) => {
          const itemType = typeOf(q);
          return specOf(n, q, itemRequired.has(n), itemType === 'structured' ? 'text' : itemType);
        }),
      });
      continue;
    }
    const spec = specOf(name, p, required.has(name), type);
    if (p.type === 'array' && defaultsToEmptyList(collection, name)) spec.listDefault = true;
    fields.push(spec);
  }
  return { fields, structured };
}

/** True when the schema fills a missing field with [] (actors), rather than leaving it out (authors). */
function defaultsToEmptyList(collection: CollectionName, name: string): boolean {
  const shape = (schemas[collection] as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Array.isArray(shape[name]?.safeParse(undefined).data);
}

/** What an editor typed, for one field: a string, or several for a list given as repeated flags. */
export type Answer = string | string[] | undefined;

/** Turns a typed answer into the value written to the file; undefined when left empty. */
export function valueOf(field: FieldSpec, answer: Answer): unknown {
  const parts = (Array.isArray(answer) ? answer : answer === undefined ? [] : [answer])
    .flatMap((a) => (['list', 'references', 'numbers'].includes(field.type) ? a.split(',') : [a]))
    .map((a) => a.trim())
    .filter((a) => a !== '');
  if (parts.length === 0) return field.listDefault ? [] : undefined;
  switch (field.type) {
    case 'list':
    case 'references':
      return parts;
    case 'numbers':
      return parts.map(Number);
    case 'number':
      return Number(parts[0]);
    // Anything but true or false is kept as typed, for the schema to refuse by name.
    case 'boolean':
      return parts[0] === 'true' ? true : parts[0] === 'false' ? false : parts[0];
    default:
      return parts.join(', ');
  }
}

/** Defaults that save typing but that the schema cannot know: today's date, the next reading position. */
export function scaffoldDefaults(collection: CollectionName, existing: PlainEntry[], today = new Date()): Record<string, string> {
  const defaults: Record<string, string> = {};
  if (collection === 'sources') defaults.language = 'en';
  if (collection === 'explainers') {
    defaults.updated = today.toISOString().slice(0, 10);
    const orders = existing.filter((e) => e.collection === 'explainers').map((e) => Number(e.data.order) || 0);
    defaults.order = String(Math.max(0, ...orders) + 1);
  }
  return defaults;
}

/** The entry's data in schema order, without the fields left empty. */
export function buildData(collection: CollectionName, answers: Record<string, Answer>): Record<string, unknown> {
  const { fields, structured } = fieldsOf(collection);
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = valueOf(field, answers[field.name]);
    if (value !== undefined) data[field.name] = value;
  }
  for (const s of structured) data[s.name] = [];
  return data;
}

/** The slug (file name) for an entry: its title, lowercase and hyphenated; events lead with their date. */
export function slugFor(collection: CollectionName, data: Record<string, unknown>): string {
  const title = slugify(String(data[titleFields[collection]] ?? ''));
  return collection === 'events' && typeof data.date === 'string' ? slugify(`${data.date} ${title}`) : title;
}

/** content/<collection>/<slug>.<mdx|yaml> */
export function entryPath(contentDir: string, collection: CollectionName, slug: string): string {
  return join(contentDir, collection, `${slug}.${mdxCollections.has(collection) ? 'mdx' : 'yaml'}`);
}

/** The file that already holds this id, whatever its extension. */
export function existingEntryFile(contentDir: string, collection: CollectionName, slug: string): string | undefined {
  return ['mdx', 'md', 'yaml', 'yml'].map((ext) => join(contentDir, collection, `${slug}.${ext}`)).find((p) => existsSync(p));
}

export interface FieldProblem {
  /** Top-level field, "" for the entry as a whole. */
  field: string;
  /** Full path, "quotes[0].id". */
  path: string;
  message: string;
}

/**
 * Validates data exactly as the build will: the zod schema, then every cross-link against the
 * existing entries (with "did you mean" hints).
 */
export function validateData(
  collection: CollectionName,
  id: string,
  data: Record<string, unknown>,
  existing: PlainEntry[],
): FieldProblem[] {
  const result = schemas[collection].safeParse(data);
  if (!result.success) {
    return result.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const missing = issue.path.length === 1 && data[field] === undefined;
      return { field, path: fieldPath(issue.path) || '(entry)', message: missing ? 'required' : issue.message };
    });
  }
  const entry: PlainEntry = { collection, id, filePath: `${collection}/${id}`, data: result.data as Record<string, unknown> };
  const others = existing.filter((e) => !(e.collection === collection && e.id === id));
  return findBrokenReferences([...others, entry])
    .filter((p) => p.file === entry.filePath)
    .map((p) => ({ field: p.field.replace(/[[.].*$/, ''), path: p.field, message: p.message }));
}

/** Starting text for the body of an MDX entry: headings to fill in, no components that could fail. */
export const bodyTemplates: Partial<Record<CollectionName, string>> = {
  sources: [
    'Replace this paragraph with our own summary of the source: what it says, in our words, never its sentences.',
    '',
    '## Key points',
    '',
    '- One key point per line, in our words.',
    '',
    '## How to read it',
    '',
    'What a careful reader should know: the kind of text, any stance it states, and its provenance problems.',
    '',
  ].join('\n'),
  explainers: [
    '## Background',
    '',
    'Replace this paragraph with the explainer. Cite every factual claim where it is made with `<Cite source="source-id" />`,',
    'and quote only through `<Quote source="source-id" id="quote-id" />` (see CONTRIBUTING.md).',
    '',
  ].join('\n'),
};

/** The file's text: YAML (frontmatter for MDX), with structured fields explained in comments. */
export function renderEntry(collection: CollectionName, data: Record<string, unknown>): string {
  const doc = new Document(data);
  const { structured } = fieldsOf(collection);
  if (isMap(doc.contents)) {
    for (const s of structured) {
      const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === s.name);
      if (pair && isScalar(pair.key)) pair.key.commentBefore = structuredComment(s);
    }
  }
  const yaml = doc.toString({ lineWidth: 0 });
  return mdxCollections.has(collection) ? `---\n${yaml}---\n${bodyTemplates[collection] ?? ''}` : yaml;
}

function structuredComment(s: StructuredField): string {
  const width = Math.max(...s.items.map((i) => i.name.length));
  const lines = s.items.map((item, i) => {
    const how = item.options ? ` One of: ${item.options.join(', ')}.` : item.format ? ` (${item.format})` : '';
    return `${i === 0 ? '  - ' : '    '}${`${item.name}:`.padEnd(width + 2)}${item.description}${how}${item.required ? '' : ' (optional)'}`;
  });
  return [` ${s.name}: ${s.description} Each item:`, ...lines.map((l) => ` ${l}`)].join('\n');
}

/** What to do after the file is written. */
export function nextSteps(collection: CollectionName, file: string, pagePath: string): string[] {
  const steps = [`Open ${file} and check every field against the text.`];
  if (collection === 'sources') {
    steps.push(
      'Add the quotations the explainers may use under quotes (verbatim) and any reliability problems under provenance.',
      'Replace the body with our own summary and key points.',
    );
  }
  if (collection === 'explainers') steps.push('Write the body, citing every factual claim with <Cite> and <Quote>.');
  steps.push(
    'Run `npm run check:content`: it names the file, the field and the fix for any problem.',
    `Preview with \`npm run dev\` at ${pagePath}.`,
    'Open a pull request with this one file (CONTRIBUTING.md describes the review).',
  );
  return steps;
}
