/**
 * An actor's quotations grouped by occasion, so a page names who spoke and where once per group
 * instead of under every quotation (EDITORIAL.md, principle 11, without the repetition). Pure.
 *
 * An occasion is one source's report of the speaker: same source, same date. What the contexts of
 * its quotations share, sentence by sentence from the start, is the setting, written once; what is
 * left of each context is that quotation's own note. Setting and note together are the context as
 * recorded, so nothing is lost. A quotation whose words lie wholly inside a longer quotation of
 * the same occasion (a sentence of a passage recorded whole) is shown inside it, not twice.
 */

export interface QuoteLike {
  id: string;
  text: string;
  context: string;
}

export interface QuoteOnOccasion<Q extends QuoteLike> {
  quote: Q;
  /** What this quotation's context adds to the setting; empty when nothing. */
  note: string;
  /** Shorter quotations of the same occasion whose words are all in this one. */
  parts: Q[];
}

export interface Occasion<S extends { id: string }, Q extends QuoteLike> {
  source: S;
  /** The sentences every context in the group starts with; the whole context for a single quotation. */
  setting: string;
  quotes: Array<QuoteOnOccasion<Q>>;
}

/** Sentences of a context, split at white space after a full stop (or ! ? …) before a capital or digit. */
export function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?…]["”’')\]]*)\s+(?=["“‘'(\[]?[\p{Lu}\p{N}])/u)
    .filter((s) => s.length > 0);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The longest run of whole sentences every context starts with. */
function sharedStart(contexts: readonly string[][]): string[] {
  const [first = [], ...rest] = contexts;
  let n = first.length;
  for (const c of rest) {
    let i = 0;
    while (i < n && i < c.length && c[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

/**
 * Groups (source, quote) pairs by source, in order of first appearance, keeping the quotations'
 * order within each; see the module comment for setting, notes and parts.
 */
export function groupQuotesByOccasion<S extends { id: string }, Q extends QuoteLike>(
  items: ReadonlyArray<{ source: S; quote: Q }>,
): Array<Occasion<S, Q>> {
  const bySource = new Map<string, { source: S; quotes: Q[] }>();
  for (const { source, quote } of items) {
    const group = bySource.get(source.id) ?? { source, quotes: [] };
    group.quotes.push(quote);
    bySource.set(source.id, group);
  }
  return [...bySource.values()].map(({ source, quotes }) => {
    // The longest quotation containing each one (not itself), if any.
    const containerOf = new Map<Q, Q>();
    for (const q of quotes) {
      const words = squash(q.text);
      const containers = quotes.filter((c) => c !== q && squash(c.text).length > words.length && squash(c.text).includes(words));
      if (containers.length > 0) containerOf.set(q, containers.reduce((a, b) => (squash(b.text).length > squash(a.text).length ? b : a)));
    }
    const shown = quotes.filter((q) => !containerOf.has(q));
    const split = shown.map((q) => sentences(q.context));
    const shared = shown.length > 1 ? sharedStart(split) : (split[0] ?? []);
    return {
      source,
      setting: shared.join(' '),
      quotes: shown.map((quote, i) => ({
        quote,
        note: split[i]!.slice(shared.length).join(' '),
        // A part inside a part is shown in the outermost quotation that holds it.
        parts: quotes.filter((p) => outermost(p, containerOf) === quote),
      })),
    };
  });
}

function outermost<Q>(q: Q, containerOf: Map<Q, Q>): Q | undefined {
  let at = containerOf.get(q);
  while (at && containerOf.has(at)) at = containerOf.get(at);
  return at;
}
