import { formatDate } from '../../content/dates';
import { evidenceKindOf } from '../../content/evidence';
import { provenanceFlagLabels, reliabilityFlags, type OutletData, type provenanceFlags, type SourceData } from '../../content/schemas';

type ProvenanceFlag = (typeof provenanceFlags)[number];

/**
 * How far to trust a source, in plain words (EDITORIAL.md, principles 4, 5 and 12): the kind of
 * text, what is not known about it, and its flags as words, never as slugs. Pure: it reads a
 * source and its outlet, not the site.
 */

/** A flag as a reader sees it, capitalised for a list item or a label: "Experts who cannot be verified". */
export function flagLabel(flag: ProvenanceFlag): string {
  return capitalise(provenanceFlagLabels[flag]);
}

/** "a", "a and b", "a, b and c". */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'An' : 'A');

/** Flags that say something is unknown: the summary says what, so they are not repeated as concerns. */
const unknownFlags: readonly ProvenanceFlag[] = ['outlet-unknown', 'author-unknown', 'date-not-printed'];

/**
 * A short label for a source where its full headline would crowd the page (side-by-side
 * variants): the publisher as a reader can name it, with the author's surname when one is named.
 * An unnamed publisher is already described for a reader ("Unattributed weekly digest on
 * Belarus"); the label drops "Unattributed", which the reliability line says.
 */
export function shortSourceLabel(source: Pick<SourceData, 'authors'>, outlet: Pick<OutletData, 'name' | 'kind'>): string {
  if (outlet.kind === 'unknown') return capitalise(outlet.name.replace(/^unattributed\s+/i, ''));
  const author = source.authors?.[0]?.trim().split(/\s+/).at(-1);
  return author ? `${author}, ${outlet.name}` : outlet.name;
}

/** The flags that bear on trust (not a stated position), in schema order. */
export function reliabilityFlagsOf(source: Pick<SourceData, 'provenance'>): ProvenanceFlag[] {
  const flags = new Set(source.provenance.map((p) => p.flag));
  return reliabilityFlags.filter((f) => flags.has(f));
}

/**
 * The publisher inside a sentence: its name, or, for one the text does not name, its description
 * with an article ("an unattributed weekly digest on Belarus"), as EDITORIAL.md, principle 12, asks.
 */
export function outletInProse(outlet: Pick<OutletData, 'name' | 'kind'>): string {
  if (outlet.kind !== 'unknown') return outlet.name;
  const described = outlet.name.charAt(0).toLowerCase() + outlet.name.slice(1);
  return `${/^[aeiou]/i.test(described) ? 'an' : 'a'} ${described}`;
}

/**
 * A few words for a source beside its words: the kind of evidence, as an explainer's evidence
 * profile counts it, and how many reliability flags it carries: "news report, 7 flags",
 * "unattributed, 4 flags", "named analysis, no flags".
 */
export function reliabilityLine(source: SourceData, outlet: OutletData): { kind: string; flags: number; text: string } {
  const kind = evidenceKindOf({ kind: 'source', source, outlet });
  const flags = reliabilityFlagsOf(source).length;
  return { kind, flags, text: `${kind}, ${flags === 0 ? 'no' : flags} flag${flags === 1 ? '' : 's'}` };
}

export interface ReliabilitySummary {
  /** What the text is and who published it: "A news report whose publisher is not named." */
  kind: string;
  /** What is not known, each in words: "who wrote it", "the exact date (not before 4 March 2025)". */
  unknown: string[];
  /** The other reliability flags, in words and schema order, with the flag for an anchor. */
  concerns: Array<{ flag: ProvenanceFlag; label: string }>;
  /** Whether the source argues a position (a stance, not a doubt). */
  statesPosition: boolean;
}

/** The reliability summary a source page opens with. */
export function reliabilitySummary(source: SourceData, outlet: OutletData): ReliabilitySummary {
  const flags = new Set(source.provenance.map((p) => p.flag));
  const authors = source.authors ?? [];
  const by = authors.length > 0 ? ` by ${inWords(authors)}` : '';
  const kind = outlet.kind === 'unknown'
    ? `${article(source.kind)} ${source.kind}${by} whose publisher is not named.`
    : `${article(source.kind)} ${source.kind}${by}, published by ${outlet.name}.`;
  const unknown: string[] = [];
  if (outlet.kind === 'unknown') unknown.push('who published it');
  else if (flags.has('outlet-unknown')) unknown.push(`whether ${outlet.name} published it`);
  if (authors.length === 0 || flags.has('author-unknown')) unknown.push('who wrote it');
  if (source.datePrecision !== 'day') unknown.push(`the exact date (${formatDate(source)})`);
  if (!source.url) unknown.push('its web address');
  const concerns = reliabilityFlagsOf(source)
    .filter((f) => !unknownFlags.includes(f))
    .map((flag) => ({ flag, label: provenanceFlagLabels[flag] }));
  return { kind, unknown, concerns, statesPosition: flags.has('states-a-position') };
}
