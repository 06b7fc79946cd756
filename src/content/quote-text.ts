/** A piece of a quotation as shown: verbatim text, then [sic] after a printed slip. */
export interface QuotePiece {
  text: string;
  /** True when this piece is a slip the source printed: shown followed by [sic]. */
  sic: boolean;
}

/**
 * Splits a verbatim quotation at its recorded slips (the quote's `sic` list) so each can be
 * followed by [sic]: the stored text stays exactly as printed, and the marker is ours. Each slip
 * is marked at its first occurrence.
 */
export function quotePieces(text: string, sic: readonly string[] = []): QuotePiece[] {
  const marks = sic
    .map((slip) => ({ slip, at: text.indexOf(slip) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  const pieces: QuotePiece[] = [];
  let from = 0;
  for (const { slip, at } of marks) {
    if (at < from) continue; // overlaps a slip already marked
    if (at > from) pieces.push({ text: text.slice(from, at), sic: false });
    pieces.push({ text: slip, sic: true });
    from = at + slip.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), sic: false });
  return pieces;
}

/** The quotation as plain text with [sic] markers, for places that take text only (search, feeds). */
export const quoteWithSic = (text: string, sic: readonly string[] = []): string =>
  quotePieces(text, sic).map((p) => (p.sic ? `${p.text} [sic]` : p.text)).join('');
