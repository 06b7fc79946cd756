import type { CollectionName } from '../schemas/common';
import type { SiteIndex } from './site-index';
import { formatDate, sortKey, yearOf, type PartialDate } from './dates';
import { paths } from './urls';

/**
 * What the search index knows about a page beyond its text: its facets (Pagefind filters),
 * its date for sorting, and display metadata. Only pages of one entry are indexed; lists, the
 * home page and the 404 page would only repeat them.
 */

/** The search facet "type": one value per page, in the order the interface lists them. */
export const searchTypes = ['explainer', 'source', 'event', 'actor', 'glossary', 'place', 'outlet', 'document'] as const;
export type SearchType = (typeof searchTypes)[number];

export const searchTypeLabels: Record<SearchType, string> = {
  explainer: 'Explainers',
  source: 'Sources',
  event: 'Timeline events',
  actor: 'Actors',
  glossary: 'Glossary',
  place: 'Places',
  outlet: 'Outlets',
  document: 'Primary documents',
};

/** One result's kind, in the singular. */
export const searchTypeNames: Record<SearchType, string> = {
  explainer: 'Explainer',
  source: 'Source',
  event: 'Timeline event',
  actor: 'Actor',
  glossary: 'Glossary term',
  place: 'Place',
  outlet: 'Outlet',
  document: 'Primary document',
};

/** The facets, as Pagefind filter names, in the order the interface shows them. */
export const searchFacets = ['type', 'outlet', 'actor', 'year'] as const;
export type SearchFacet = (typeof searchFacets)[number];

export interface SearchRecord {
  filters: Record<SearchFacet, string[]>;
  /** A sortable YYYY-MM-DD key; undated pages (actors, places, terms, outlets) have none. */
  date?: string;
  /** Shown with the result: "19 March 2025", "c. March 2025". */
  dateLabel?: string;
  /** A source's authors, searchable though the metadata panel that shows them is not indexed. */
  authors?: string;
  /** On the page of an actor, place or term: all its names, weighted so that page ranks first. */
  names?: string;
}

const typeOf: Record<CollectionName, SearchType> = {
  explainers: 'explainer',
  sources: 'source',
  events: 'event',
  actors: 'actor',
  glossary: 'glossary',
  places: 'place',
  outlets: 'outlet',
  references: 'document',
};

const pathOf: Record<CollectionName, (id: string) => string> = {
  explainers: paths.explainer,
  sources: paths.source,
  events: paths.event,
  actors: paths.actor,
  glossary: paths.term,
  places: paths.place,
  outlets: paths.outlet,
  references: paths.reference,
};

/** The entry a site path ("sources/x/", without the deploy base) is the page of, if any. */
export function entryAtPath(sitePath: string): { collection: CollectionName; id: string } | undefined {
  const path = sitePath.replace(/^\/+/, '');
  for (const [collection, pathFor] of Object.entries(pathOf) as [CollectionName, (id: string) => string][]) {
    const [before, after] = pathFor('\0').split('\0') as [string, string];
    if (path.startsWith(before) && path.endsWith(after) && path.length > before.length + after.length) {
      const id = decodeURIComponent(path.slice(before.length, path.length - after.length));
      if (!id.includes('/')) return { collection, id };
    }
  }
  return undefined;
}

const unique = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** The search record of the page at `sitePath`, or undefined when that page is not indexed. */
export function searchRecordFor(site: SiteIndex, sitePath: string): SearchRecord | undefined {
  const at = entryAtPath(sitePath);
  if (!at || !site.byId[at.collection].has(at.id)) return undefined;
  const actorName = (id: string) => site.byId.actors.get(id)?.data.name ?? id;
  const outletName = (id: string) => site.byId.outlets.get(id)?.data.name ?? id;
  const record = (actors: string[], outlets: string[], dated?: PartialDate): SearchRecord => ({
    filters: {
      type: [typeOf[at.collection]],
      outlet: unique(outlets.map(outletName)),
      actor: unique(actors.map(actorName)),
      year: dated ? [String(yearOf(dated))] : [],
    },
    ...(dated && { date: sortKey(dated), dateLabel: formatDate(dated) }),
  });
  const { id } = at;
  switch (at.collection) {
    case 'sources': {
      const { data } = site.byId.sources.get(id)!;
      const r = record([...data.actors.map((a) => a.id), ...data.quotes.map((q) => q.speaker.id)], [data.outlet.id], data);
      return data.authors?.length ? { ...r, authors: data.authors.join(', ') } : r;
    }
    case 'explainers': {
      // Sorted by its last update; an explainer spans many years, so it has no year facet.
      const { data } = site.byId.explainers.get(id)!;
      const r = record(data.actors.map((a) => a.id), []);
      return { ...r, date: sortKey({ date: data.updated, datePrecision: 'day' }), dateLabel: `Updated ${formatDate({ date: data.updated, datePrecision: 'day' })}` };
    }
    case 'events': {
      const { data } = site.byId.events.get(id)!;
      return record(data.actors.map((a) => a.id), [], data);
    }
    case 'references':
      return record([], [], site.byId.references.get(id)!.data);
    case 'actors': {
      const { data } = site.byId.actors.get(id)!;
      return { ...record([id], []), names: [data.name, ...data.aliases].join(' · ') };
    }
    case 'places': {
      const { data } = site.byId.places.get(id)!;
      return { ...record([], []), names: [data.name, ...data.aliases].join(' · ') };
    }
    case 'glossary': {
      const { data } = site.byId.glossary.get(id)!;
      return { ...record([], []), names: [data.term, ...data.aliases].join(' · ') };
    }
    case 'outlets':
      return record([], [id]);
  }
}
