import type { ReferenceProblem } from './references';
import type { Citation, SiteIndex, QuoteInSource } from '../site-index';

/** Finds the quote a <Quote source id> names, or undefined. */
export function findQuote(site: Pick<SiteIndex, 'byId'>, source: string, quote: string): QuoteInSource | undefined {
  const entry = site.byId.sources.get(source);
  const found = entry?.data.quotes.find((q) => q.id === quote);
  return entry && found ? { source: entry, quote: found } : undefined;
}

/** Every citation whose source or quote id does not exist, named by file:line:column. */
export function findBrokenCitations(site: Pick<SiteIndex, 'byId'>, citations: Citation[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  for (const c of citations) {
    const file = c.at ?? `explainers/${c.explainer}`;
    if (c.kind === 'reference') {
      if (!site.byId.references.has(c.source)) {
        problems.push({ file, field: 'doc', message: `unknown document id "${c.source}": expected the name of a file in content/references/ without its extension` });
      }
      continue;
    }
    const source = site.byId.sources.get(c.source);
    if (!source) {
      problems.push({ file, field: 'source', message: `unknown source id "${c.source}": expected the name of a file in content/sources/ without its extension` });
    } else if (c.quote !== undefined && !findQuote(site, c.source, c.quote)) {
      const ids = source.data.quotes.map((q) => q.id).join(', ') || '(none recorded)';
      problems.push({ file, field: 'id', message: `source "${c.source}" has no quote with id "${c.quote}"; its quote ids are: ${ids}` });
    }
  }
  return problems;
}
