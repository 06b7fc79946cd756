import type { ExplainerData, OutletData, SourceData } from '../../content/schemas';
import type { Item } from '../../content/site-index';
import { dateSpan, formatDate, type PartialDate } from '../../content/dates';

/** One entry of the RSS feed. */
export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate: Date;
  categories: string[];
}

/**
 * Feed readers decode a <description> as HTML, so plain text is sent HTML-escaped (the RSS library
 * then escapes it again as XML): a summary holding "<img src=x>" shows as those characters.
 */
export const htmlText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The earliest day a partial date can be ("2025-03" → 1 March 2025, UTC; bounds narrow it). */
export function startOfPeriod(date: PartialDate): Date {
  return new Date(`${dateSpan(date).earliest}T00:00:00Z`);
}

/**
 * Sources (by publication date) and explainers (by last update), newest first. A source whose
 * date is not printed says so, since a feed reader shows only the date.
 */
export function feedItems(
  sources: Item<SourceData>[],
  explainers: Item<ExplainerData>[],
  outlets: Map<string, Item<OutletData>>,
  link: { source: (id: string) => string; explainer: (id: string) => string },
): FeedItem[] {
  const items: FeedItem[] = [
    // A correction is news to a subscriber who read the earlier text (EDITORIAL.md, corrections).
    ...explainers.flatMap((e) =>
      e.data.corrections.map((c, i) => ({
        title: `Correction: ${e.data.title}`,
        link: `${link.explainer(e.id)}#correction-${i + 1}`,
        description: htmlText(`Previously: ${c.was} Now: ${c.now}`),
        pubDate: startOfPeriod({ date: c.date, datePrecision: 'day' }),
        categories: ['correction'],
      })),
    ),
    ...explainers.map((e) => ({
      title: `Explainer: ${e.data.title}`,
      link: link.explainer(e.id),
      description: htmlText(e.data.summary),
      pubDate: startOfPeriod({ date: e.data.updated, datePrecision: 'day' }),
      categories: ['explainer', ...e.data.topics],
    })),
    ...sources.map((s) => {
      const outlet = outlets.get(s.data.outlet.id)?.data.name ?? s.data.outlet.id;
      const dated = s.data.datePrecision === 'day' ? '' : ` Date: ${formatDate(s.data)} (${s.data.datePrecision}).`;
      return {
        title: `Source: ${s.data.title}`,
        link: link.source(s.id),
        description: htmlText(`${s.data.summary} (${s.data.kind}, ${outlet}.)${dated}`),
        pubDate: startOfPeriod(s.data),
        categories: ['source', s.data.kind, ...s.data.topics],
      };
    }),
  ];
  return items.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title));
}
