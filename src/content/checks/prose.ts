import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { CollectionName } from '../schemas/common';

/**
 * Our own prose, as opposed to what we quote or copy as printed (EDITORIAL.md, principles 3 and 12
 * and "Names"). Pure: it reads a file's text, not the disk. Three checks run on it:
 * - own words: no run of RUN_WORDS words repeats a recorded quotation (or, in a test, a seed text);
 * - names: an alias of an actor or place is written in its canonical form;
 * - internal labels: no seed numbers, seed file names or internal ids reach a reader.
 * Text between double quotation marks is left out of the first two: it is quoted, and says so.
 */

/** A piece of our prose in a file: its text and where it starts in the file. */
export interface ProseSegment {
  /** Which field, e.g. "summary", "quotes[2].context" or "(body)". */
  field: string;
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
}

/** Fields in our own words, per collection; titles of sources (printed headlines) and quotes are not ours. */
const ownFields: Record<CollectionName, readonly string[]> = {
  sources: ['summary', 'dateNote', 'quotes.*.context', 'provenance.*.note'],
  explainers: ['title', 'summary', 'corrections.*.was', 'corrections.*.now'],
  actors: ['role', 'description'],
  outlets: ['description', 'evidence'],
  events: ['title', 'description', 'dateNote'],
  glossary: ['term', 'definition'],
  references: ['description', 'dateNote'],
  places: ['description'],
};

/**
 * Fields that are never shown to readers, exempt from the internal-label check. Not formerIds:
 * each becomes the address of a "moved" page, which readers follow and the sitemap lists.
 */
const unshownFields = new Set(['seed']);

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Our prose in one file, and every shown string (for the internal-label check). */
export function proseOf(text: string, collection: CollectionName): { own: ProseSegment[]; shown: ProseSegment[] } {
  const isMdx = collection === 'sources' || collection === 'explainers';
  const front = isMdx ? FRONTMATTER.exec(text) : null;
  const yamlText = isMdx ? (front?.[1] ?? '') : text;
  const yamlOffset = front ? front[0].indexOf(front[1]!) : 0;
  const own: ProseSegment[] = [];
  const shown: ProseSegment[] = [];
  const doc = parseDocument(yamlText, { schema: 'core' });
  const visit = (node: YamlNode | null | undefined, path: string[]): void => {
    if (isMap(node)) for (const pair of node.items) visit(pair.value as YamlNode, [...path, String((pair.key as { value?: unknown })?.value ?? pair.key)]);
    else if (isSeq(node)) node.items.forEach((item, i) => visit(item as YamlNode, [...path, String(i)]));
    else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const segment = { field: fieldName(path), text: node.value, offset: yamlOffset + node.range[0] };
      if (!unshownFields.has(path[0]!)) shown.push(segment);
      const pattern = path.map((p) => (/^\d+$/.test(p) ? '*' : p)).join('.');
      if (ownFields[collection].includes(pattern)) own.push(segment);
    }
  };
  visit(doc.contents as YamlNode, []);
  if (isMdx) {
    const bodyStart = front ? front[0].length : 0;
    const body = bodyProse(text.slice(bodyStart)).map((s) => ({ ...s, offset: s.offset + bodyStart }));
    own.push(...body);
    shown.push(...body);
  }
  return { own, shown };
}

const fieldName = (path: string[]) => path.reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');

/** Attributes of content components that readers see as our words (a comparison's title, its one-line statement, a version's stance). */
const proseAttributes: Readonly<Record<string, readonly string[]>> = { Variants: ['title', 'statement'], Variant: ['stance'] };

/** Where an attribute's value starts in the body: after `name="` inside the element; the element's start if not found. */
function attributeOffset(body: string, start: number, end: number, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']`).exec(body.slice(start, end));
  return m ? start + m.index + m[0].length : start;
}

/**
 * The text nodes of an MDX body that are our words: not code, not a recorded quotation
 * (<Quote>, or <Variant quote="…">), each with its offset in the body; and the attributes of
 * proseAttributes.
 */
function bodyProse(body: string): ProseSegment[] {
  let tree: Root;
  try {
    tree = mdxToMdast(body) as Root;
  } catch {
    return []; // the content guard reports what cannot be parsed
  }
  const out: ProseSegment[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text' && node.position?.start.offset !== undefined) {
      out.push({ field: '(body)', text: node.value, offset: node.position.start.offset });
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? body.length;
      for (const name of proseAttributes[node.name ?? ''] ?? []) {
        const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
        if (attribute && typeof attribute.value === 'string') out.push({ field: '(body)', text: attribute.value, offset: attributeOffset(body, start, end, name) });
      }
      if (node.name === 'Quote' || node.name === 'q') return;
      if (node.name === 'Variant' && node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'quote')) return;
    }
    if ('children' in node) (node.children as Nodes[]).forEach(walk);
  };
  walk(tree);
  return out;
}

/** The text with everything between double quotation marks blanked (offsets kept). */
export function unquoted(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, (q) => ' '.repeat(q.length));
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words with their offsets, lowercased, apostrophes normalised. */
function words(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  // Lowercased at once, which is faster, unless that moves offsets (a few letters lowercase to two).
  const lower = text.toLowerCase();
  const whole = lower.length === text.length;
  const curly = text.includes('’');
  for (const m of (whole ? lower : text).matchAll(WORD)) {
    const word = whole ? m[0] : m[0].toLowerCase();
    out.push({ word: curly ? word.replace(/’/g, "'") : word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** How many words in a row make a copied run. */
export const RUN_WORDS = 10;

/** The runs of RUN_WORDS words of some texts, and the numbers and hashes that find them quickly (runIndex). */
export interface RunIndex {
  numbers: Map<string, number>;
  hashes: Set<number>;
  runs: Set<string>;
}

const runHash = (numbers: ArrayLike<number>, from: number) => {
  let hash = 0;
  for (let k = from; k < from + RUN_WORDS; k++) hash = (Math.imul(hash, 1000003) + numbers[k]!) | 0;
  return hash;
};

/**
 * Every run of RUN_WORDS words in some texts, to look prose up against. Each word is numbered and
 * each run hashed from its numbers, so a text is checked without building a string at each of its
 * words (a build checks millions); a hash found is confirmed against the run itself.
 */
export function runIndex(texts: Iterable<string>): RunIndex {
  const index: RunIndex = { numbers: new Map(), hashes: new Set(), runs: new Set() };
  for (const text of texts) {
    const w = words(text).map((x) => x.word);
    const numbers = w.map((word) => {
      if (!index.numbers.has(word)) index.numbers.set(word, index.numbers.size + 1);
      return index.numbers.get(word)!;
    });
    for (let i = 0; i + RUN_WORDS <= w.length; i++) {
      index.runs.add(w.slice(i, i + RUN_WORDS).join(' '));
      index.hashes.add(runHash(numbers, i));
    }
  }
  return index;
}

/** The copied runs in a text (outside quotation marks), merged where they overlap: start, end and words. */
export function copiedRuns(text: string, index: RunIndex): Array<{ start: number; end: number; text: string }> {
  const w = words(unquoted(text));
  // A word no run has is 0: no run spans it.
  const numbers = Int32Array.from(w, (x) => index.numbers.get(x.word) ?? 0);
  const hits: Array<{ start: number; end: number; text: string }> = [];
  let known = 0;
  for (let j = 0; j < w.length; j++) {
    known = numbers[j] ? known + 1 : 0;
    const i = j - RUN_WORDS + 1;
    if (known < RUN_WORDS || !index.hashes.has(runHash(numbers, i))) continue;
    if (!index.runs.has(w.slice(i, j + 1).map((x) => x.word).join(' '))) continue;
    const start = w[i]!.start;
    const end = w[j]!.end;
    const last = hits.at(-1);
    if (last && start <= last.end) last.end = end;
    else hits.push({ start, end, text: '' });
  }
  for (const hit of hits) hit.text = text.slice(hit.start, hit.end);
  return hits;
}

/** A name and the spellings of it our prose must not use. */
export interface NameRule {
  canonical: string;
  /** Aliases that are another form of the name, not a short form of it (see namesToAvoid). */
  avoid: string[];
}

/**
 * The aliases our prose must not use. Short forms of the canonical name are ours to use: part of
 * it ("Lukashenko" of "Alexander Lukashenko"), initials for some of its words ("U.S.", "UN Security
 * Council"), the same letters in another case ("BelTA"), or any of these after a title ("Dr.
 * Petrova"). Any other alias (Lukashenka, Kiev, Byelorussia) is another spelling.
 */
export function namesToAvoid(canonical: string, aliases: readonly string[]): NameRule {
  const words = canonical.split(/\s+/);
  const isShortForm = (alias: string): boolean => {
    const tokens = alias.replace(/^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+/, '').split(/\s+/);
    // Each token, in order, is a later word of the name or the initials of a run of its words.
    let at = 0;
    for (const token of tokens) {
      const initials = token.replace(/\./g, '');
      let matched = false;
      for (let i = at; i < words.length && !matched; i++) {
        if (words[i]!.toLowerCase() === token.toLowerCase()) {
          at = i + 1;
          matched = true;
        } else if (initials.length >= 2 && initials === initials.toUpperCase()) {
          const end = initialsEnd(words, i, initials);
          if (end !== undefined) {
            at = end;
            matched = true;
          }
        }
      }
      if (!matched) return false;
    }
    return tokens.length > 0;
  };
  return { canonical, avoid: aliases.filter((a) => !isShortForm(a)) };
}

/**
 * Where initials starting at word `from` end, if they spell its capitalised words in order
 * ("OSCE" over "Organization for Security and Co-operation in Europe"; small words are skipped).
 */
function initialsEnd(words: readonly string[], from: number, initials: string): number | undefined {
  let k = 0;
  for (let j = from; j < words.length; j++) {
    const w = words[j]!;
    if (!/^\p{Lu}/u.test(w)) {
      if (j === from) return undefined;
      continue;
    }
    if (w[0] !== initials[k]) return undefined;
    if (++k === initials.length) return j + 1;
  }
  return undefined;
}

/** Each alias as a whole-word pattern, compiled once: every file is checked against every alias. */
const aliasPatterns = new Map<string, RegExp>();
function aliasPattern(alias: string): RegExp {
  let pattern = aliasPatterns.get(alias);
  if (!pattern) {
    const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
    aliasPatterns.set(alias, pattern);
  }
  return pattern;
}

/** Another spelling of a name in a text (outside quotation marks): the first, with its offset. */
export function aliasesIn(text: string, rules: readonly NameRule[]): Array<{ alias: string; canonical: string; start: number }> {
  const found: Array<{ alias: string; canonical: string; start: number }> = [];
  const plain = unquoted(text);
  for (const rule of rules) {
    for (const alias of rule.avoid) {
      // Most texts contain few of the aliases: a plain substring test rules the others out cheaply.
      const m = plain.includes(alias) ? aliasPattern(alias).exec(plain) : null;
      if (m) found.push({ alias, canonical: rule.canonical, start: m.index });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Labels only we use: seed numbers, seed file names, ids made from them. */
const INTERNAL_LABEL = /\bseeds?[\s_-]*(?:no\.?\s*)?\d{1,3}\b|\b\d{3}_[0-9a-f]{16}(?:\.txt)?\b|\bunknown-publisher-seed[\w-]*/i;

export function internalLabelIn(text: string): { label: string; start: number } | undefined {
  const m = INTERNAL_LABEL.exec(text);
  return m ? { label: m[0], start: m.index } : undefined;
}

/** One problem in a file, with where it is. */
export interface ProseProblem {
  line: number;
  column: number;
  field: string;
  message: string;
  fix: string;
}

/** Line and column (1-based) of an offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * All three checks on one file. `quotes` indexes the recorded quotations of every source;
 * `names` are the actors' and places' canonical names with the spellings to avoid.
 */
export function proseProblems(text: string, collection: CollectionName, quotes: RunIndex, names: readonly NameRule[]): ProseProblem[] {
  const { own, shown } = proseOf(text, collection);
  const problems: ProseProblem[] = [];
  // A YAML scalar's text is not always its source text (quotes, folding): point at the field when
  // the words cannot be found where it starts.
  const at = (segment: ProseSegment, start: number, words: string) => {
    const exact = text.indexOf(words, segment.offset);
    return positionOf(text, exact >= 0 && exact - segment.offset < segment.text.length + 200 ? exact : segment.offset + (segment.field === '(body)' ? start : 0));
  };
  for (const segment of own) {
    for (const run of copiedRuns(segment.text, quotes)) {
      problems.push({ ...at(segment, run.start, run.text), field: segment.field, message: `repeats a recorded quotation word for word: "${abbreviate(run.text)}"`, fix: 'say it in our own words, or quote it with <Quote> or quotation marks and name who said it' });
    }
    for (const hit of aliasesIn(segment.text, names)) {
      problems.push({ ...at(segment, hit.start, hit.alias), field: segment.field, message: `"${hit.alias}" in our own words`, fix: `write "${hit.canonical}" or a short form of it (a surname, initials); other spellings belong only in quotations and printed headlines` });
    }
  }
  for (const segment of shown) {
    const label = internalLabelIn(segment.text);
    if (label) {
      problems.push({ ...at(segment, label.start, label.label), field: segment.field, message: `internal label "${label.label}" would reach readers`, fix: 'describe it for a reader (e.g. "an unattributed weekly digest on Belarus"); keep seed names in the seed field, which is never shown' });
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 67)}…` : flat;
}

/**
 * The checks' own code and settings, for a cache of their results (load-content.ts): a result
 * found by other code is not reused. Every function and table above belongs here.
 */
export const proseCheckCode = [
  proseOf, fieldName, attributeOffset, bodyProse, unquoted, words, runHash, runIndex, copiedRuns,
  namesToAvoid, initialsEnd, aliasPattern, aliasesIn, internalLabelIn, positionOf, proseProblems, abbreviate,
].map(String).concat(JSON.stringify([ownFields, [...unshownFields], proseAttributes, RUN_WORDS]), String(FRONTMATTER), String(WORD), String(INTERNAL_LABEL)).join('\n');
