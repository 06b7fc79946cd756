import type {
  ActorData, EventData, ExplainerData, GlossaryData, OutletData, PlaceData, QuoteData,
  ReferenceData, SourceData,
} from './schemas';
import { byDate, sortKey } from './dates';
import { paths } from './urls';
import { pageKeys } from './page-keys';

export interface Item<D> {
  id: string;
  data: D;
  filePath?: string | undefined;
  /** The MDX body, for collections written in MDX. */
  body?: string | undefined;
  /** Digest of the entry's file, from the content layer. */
  digest?: string | undefined;
}

export interface SiteContent {
  sources: Item<SourceData>[];
  explainers: Item<ExplainerData>[];
  actors: Item<ActorData>[];
  outlets: Item<OutletData>[];
  events: Item<EventData>[];
  glossary: Item<GlossaryData>[];
  references: Item<ReferenceData>[];
  places: Item<PlaceData>[];
}

export interface QuoteInSource {
  source: Item<SourceData>;
  quote: QuoteData;
}

/** Where an explainer cites a source: the anchor on the explainer page. */
export interface Citation {
  explainer: string;
  /** Id of the source, or of the primary document when kind is "reference". */
  source: string;
  kind?: 'source' | 'reference' | undefined;
  quote?: string | undefined;
  anchor: string;
  /** file:line:column of the citation in the explainer's MDX. */
  at?: string | undefined;
}

/**
 * Everything computed across all entries, once per build: lookups by id and the inverse links
 * (who cites whom, who said what). Pages only look things up here.
 */
export interface SiteIndex extends SiteContent {
  byId: { [K in keyof SiteContent]: Map<string, SiteContent[K][number]> };
  /** Newest first. */
  sourcesByDate: Item<SourceData>[];
  /** Oldest first. */
  eventsByDate: Item<EventData>[];
  /** Reading order. */
  explainersInOrder: Item<ExplainerData>[];
  sourcesByOutlet: Map<string, Item<SourceData>[]>;
  sourcesByActor: Map<string, Item<SourceData>[]>;
  quotesByActor: Map<string, QuoteInSource[]>;
  eventsByActor: Map<string, Item<EventData>[]>;
  eventsBySource: Map<string, Item<EventData>[]>;
  eventsByPlace: Map<string, Item<EventData>[]>;
  eventsByReference: Map<string, Item<EventData>[]>;
  glossaryBySource: Map<string, Item<GlossaryData>[]>;
  explainersByActor: Map<string, Item<ExplainerData>[]>;
  citationsBySource: Map<string, Citation[]>;
  citationsByReference: Map<string, Citation[]>;
  citationsByExplainer: Map<string, Citation[]>;
  /** Old addresses of renamed entries (their formerIds) and the page each now is. */
  moved: MovedPage[];
  /** The cache key of an entry's page, for Astro's incremental build (page-keys.ts). */
  pageKey: (collection: keyof SiteContent, id: string) => string;
}

/** An entry that was renamed: its old site path and its page now. */
export interface MovedPage {
  from: string;
  kind: keyof typeof entryPaths;
  id: string;
  title: string;
}

/** The page kind of each collection's entries (src/content/urls.ts). */
export const entryPaths = {
  sources: 'source', explainers: 'explainer', actors: 'actor', outlets: 'outlet',
  events: 'event', glossary: 'term', references: 'reference', places: 'place',
} as const satisfies Record<keyof SiteContent, keyof typeof paths>;

function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

const mapById = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));

/** `context`: what shapes pages besides content, for their cache keys (page-keys.ts). */
export function buildSiteIndex(content: SiteContent, citations: Citation[] = [], context: readonly string[] = []): SiteIndex {
  const sourcesByDate = [...content.sources].sort(
    (a, b) => sortKey(b.data).localeCompare(sortKey(a.data)) || a.data.title.localeCompare(b.data.title),
  );
  const eventsByDate = [...content.events].sort(byDate((e) => e.data));
  const quotes = content.sources.flatMap((source) => source.data.quotes.map((quote) => ({ source, quote })));
  return {
    ...content,
    byId: {
      sources: mapById(content.sources),
      explainers: mapById(content.explainers),
      actors: mapById(content.actors),
      outlets: mapById(content.outlets),
      events: mapById(content.events),
      glossary: mapById(content.glossary),
      references: mapById(content.references),
      places: mapById(content.places),
    },
    sourcesByDate,
    eventsByDate,
    explainersInOrder: [...content.explainers].sort((a, b) => a.data.order - b.data.order),
    sourcesByOutlet: groupBy(sourcesByDate, (s) => [s.data.outlet.id]),
    sourcesByActor: groupBy(sourcesByDate, (s) => [
      ...s.data.actors.map((a) => a.id),
      ...s.data.quotes.map((q) => q.speaker.id),
    ]),
    quotesByActor: groupBy(quotes, (q) => [q.quote.speaker.id]),
    eventsByActor: groupBy(eventsByDate, (e) => e.data.actors.map((a) => a.id)),
    eventsBySource: groupBy(eventsByDate, (e) => e.data.sources.map((s) => s.id)),
    eventsByPlace: groupBy(eventsByDate, (e) => (e.data.place ? [e.data.place.id] : [])),
    eventsByReference: groupBy(eventsByDate, (e) => e.data.references.map((r) => r.id)),
    glossaryBySource: groupBy(content.glossary, (g) => g.data.sources.map((s) => s.id)),
    explainersByActor: groupBy(content.explainers, (e) => e.data.actors.map((a) => a.id)),
    citationsBySource: groupBy(citations, (c) => (c.kind === 'reference' ? [] : [c.source])),
    citationsByReference: groupBy(citations, (c) => (c.kind === 'reference' ? [c.source] : [])),
    citationsByExplainer: groupBy(citations, (c) => [c.explainer]),
    moved: movedPages(content),
    pageKey: pageKeys(content, citations, context),
  };
}

/** Every formerId of every entry, as the old page address and the entry it now is. */
function movedPages(content: SiteContent): MovedPage[] {
  return (Object.keys(entryPaths) as Array<keyof SiteContent>).flatMap((collection) =>
    (content[collection] as Array<Item<{ formerIds?: string[] | undefined; title?: string; name?: string; term?: string }>>).flatMap((entry) =>
      (entry.data.formerIds ?? []).map((former) => ({
        from: paths[entryPaths[collection]](former),
        kind: collection,
        id: entry.id,
        title: entry.data.title ?? entry.data.name ?? entry.data.term ?? entry.id,
      })),
    ),
  );
}
