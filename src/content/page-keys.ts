import type { Citation, Item, SiteContent } from './site-index';
import { sha256 } from '../utils/hash';

/**
 * Collections whose body is shown on the entry's own page and nowhere else: a change to one of
 * these bodies changes that page alone. Every other part of the content (all data, and the bodies
 * of explainers, whose citations and quotes other pages list) may show on any page.
 */
const bodyOnOwnPage: ReadonlySet<keyof SiteContent> = new Set(['sources']);

/** The whole entry: the content layer's digest of its file, or its data and body. */
const wholeEntry = (entry: Item<unknown>): string => entry.digest ?? sha256(JSON.stringify(entry.data), entry.body ?? '');

/** What an entry adds to what every page may show: all of it, or its data without a body shown only on its own page. */
function sharedPart(collection: keyof SiteContent, entry: Item<unknown>): string {
  return bodyOnOwnPage.has(collection) ? sha256(JSON.stringify(entry.data)) : wholeEntry(entry);
}

/**
 * The cache key of each entry's page, for Astro's incremental build (experimental.incrementalBuild):
 * Astro renders a page again when its key, its code or the config changed, and otherwise copies
 * the last build's HTML. A page shows its own entry and looks anything else up in the site index
 * (names, titles, who cites whom, the reading order), so its key covers its entry and everything
 * any page may show: all entries, the citations found in explainers, and `context`, what pages
 * are shaped by besides content that Astro's own checks do not see (facts from the environment,
 * the code of the Markdown pipeline and of the content model it uses, which the config holds, so
 * no page's module graph shows it).
 * Coarse on purpose: an edit to a source's body, the most common one, re-renders one page; any
 * other edit re-renders every page, as a clean build would.
 */
export function pageKeys(content: SiteContent, citations: readonly Citation[], context: readonly string[]): (collection: keyof SiteContent, id: string) => string {
  const collections = (Object.keys(content) as (keyof SiteContent)[]).sort();
  const shared = sha256(...context, JSON.stringify(citations), ...collections.flatMap((collection) =>
    [...(content[collection] as Item<unknown>[])].sort((a, b) => a.id.localeCompare(b.id)).map((entry) => `${collection}/${entry.id}:${sharedPart(collection, entry)}`)));
  const byId = new Map(collections.map((collection) => [collection, new Map((content[collection] as Item<unknown>[]).map((entry) => [entry.id, entry]))]));
  return (collection, id) => {
    const entry = byId.get(collection)?.get(id);
    if (!entry) throw new Error(`No ${collection} entry "${id}" to key a page by`);
    return sha256(shared, collection, id, wholeEntry(entry));
  };
}
