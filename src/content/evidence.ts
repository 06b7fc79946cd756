import { provenanceFlagLabels, reliabilityFlags, type OutletData, type SourceData } from './schemas';

/** The kinds of evidence a reader weighs differently (EDITORIAL.md, principle 5). */
export const evidenceKinds = ['named analysis', 'news report', 'unattributed', 'primary document'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/**
 * What a cited work counts as: a primary document; a text whose publisher is not named
 * (whatever its kind); an analysis or opinion piece by a named outlet; otherwise a news report.
 */
export function evidenceKindOf(work: { kind: 'reference' } | { kind: 'source'; source: SourceData; outlet: OutletData }): EvidenceKind {
  if (work.kind === 'reference') return 'primary document';
  if (work.outlet.kind === 'unknown') return 'unattributed';
  return work.source.kind === 'analysis' || work.source.kind === 'opinion' ? 'named analysis' : 'news report';
}

/** The reliability flags of a source, in plain words ("experts who cannot be verified"). */
export function reliabilityConcerns(source: SourceData): string[] {
  const flags = new Set(source.provenance.map((p) => p.flag));
  return reliabilityFlags.filter((f) => flags.has(f)).map((f) => provenanceFlagLabels[f]);
}

export interface EvidenceProfile {
  /** Citation markers in the explainer. */
  citations: number;
  /** Citations by kind of evidence, every kind listed (zero included), in evidenceKinds order. */
  byKind: Array<{ kind: EvidenceKind; count: number }>;
  /** Citations whose source carries at least one reliability flag. */
  flagged: number;
  /** Each concern and how many citations rest on a source that has it, most first. */
  concerns: Array<{ concern: string; count: number }>;
}

/** One explainer's profile from the works behind each of its citation markers, in order. */
export function evidenceProfile(cited: ReadonlyArray<{ kind: EvidenceKind; concerns: readonly string[] }>): EvidenceProfile {
  const byKind = evidenceKinds.map((kind) => ({ kind, count: cited.filter((c) => c.kind === kind).length }));
  const concerns = new Map<string, number>();
  for (const c of cited) for (const concern of c.concerns) concerns.set(concern, (concerns.get(concern) ?? 0) + 1);
  return {
    citations: cited.length,
    byKind,
    flagged: cited.filter((c) => c.concerns.length > 0).length,
    concerns: [...concerns].map(([concern, count]) => ({ concern, count })).sort((a, b) => b.count - a.count || a.concern.localeCompare(b.concern)),
  };
}
