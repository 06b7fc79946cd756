import type { CollectionName } from '../../content/schemas/common';
import type { SiteIndex } from '../../content/site-index';
import { dateSpan, dayOf, formatDate, yearOf, type PartialDate } from '../../content/dates';
import { entityFilter } from './rank';
import { paths } from '../../content/urls';

/**
 * What the search index knows about a page beyond its text: its facets (Pagefind filters),
 * its date for sorting, and display metadata. Only pages of one entry are indexed; lists, the
 * home page and the 404 page would only repeat them. The build publishes every record
 * (src/pages/search-records.json.ts); the indexer adds each to the copy of its page that Pagefind
 * reads, so the pages readers download carry none of it.
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
  /**
   * On an explainer: the canonical names of the actors it is about (its `actors`), weighted like
   * a title, so that for their names it ranks above pages that merely mention them.
   */
  about?: string;
  /** On the page of an actor, place or term: which one it is (entityFilter), a filter for finding that page. */
  entity?: string;
  /** On a source, event or document dated to the day: that day (YYYY-MM-DD), a filter for finding the pages of a day. */
  day?: string;
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

/** Where the build publishes the records for the indexer, relative to the deploy base. */
export const recordsPath = 'search-records.json';

/** The record of every indexed page, by site path ("sources/x/"): what the indexer adds to each. */
export function allSearchRecords(site: SiteIndex): Record<string, SearchRecord> {
  const records: Record<string, SearchRecord> = {};
  for (const [collection, pathFor] of Object.entries(pathOf) as [CollectionName, (id: string) => string][]) {
    for (const id of site.byId[collection].keys()) {
      const record = searchRecordFor(site, pathFor(id));
      if (record) records[pathFor(id)] = record;
    }
  }
  return records;
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * A record as Pagefind markup: one empty hidden element whose attributes Pagefind reads as
 * "key[attribute]" captures (data-actor, data-actor2, … for a facet's values), so none of it
 * shows in excerpts.
 */
export function recordMarkup(record: SearchRecord): string {
  const attributes: [string, string][] = [];
  const captures = { filter: [] as string[], sort: [] as string[], meta: [] as string[] };
  const capture = (kind: keyof typeof captures, key: string, value: string | undefined, name = key) => {
    if (value === undefined) return;
    let attribute = `data-${name}`;
    for (let n = 2; attributes.some(([a]) => a === attribute); n++) attribute = `data-${name}${n}`;
    attributes.push([attribute, value]);
    captures[kind].push(`${key}[${attribute}]`);
  };
  for (const facet of searchFacets) for (const value of record.filters[facet]) capture('filter', facet, value);
  capture('filter', 'entity', record.entity);
  capture('filter', 'day', record.day);
  capture('sort', 'date', record.date);
  capture('meta', 'date', record.dateLabel, 'date-label');
  capture('meta', 'authors', record.authors);
  capture('meta', 'names', record.names);
  capture('meta', 'about', record.about);
  const kinds = Object.entries(captures).filter(([, list]) => list.length > 0).map(([kind, list]) => ` data-pagefind-${kind}="${list.join(', ')}"`);
  const values = attributes.map(([a, v]) => ` ${a}="${escapeAttribute(v)}"`);
  return `<span hidden data-search-record${kinds.join('')}${values.join('')}></span>`;
}

/** The search record of the page at `sitePath`, or undefined when that page is not indexed. */
export function searchRecordFor(site: SiteIndex, sitePath: string): SearchRecord | undefined {
  const at = entryAtPath(sitePath);
  if (!at || !site.byId[at.collection].has(at.id)) return undefined;
  const actorName = (id: string) => site.byId.actors.get(id)?.data.name ?? id;
  const outletName = (id: string) => site.byId.outlets.get(id)?.data.name ?? id;
  const record = (actors: string[], outlets: string[], dated?: PartialDate): SearchRecord => {
    const day = dated && dayOf(dated);
    return {
      filters: {
        type: [typeOf[at.collection]],
        outlet: unique(outlets.map(outletName)),
        actor: unique(actors.map(actorName)),
        year: dated ? [String(yearOf(dated))] : [],
      },
      // Sorted by the earliest day the evidence allows, as the timeline places it.
      ...(dated && { date: dateSpan(dated).earliest, dateLabel: formatDate(dated) }),
      ...(day && { day }),
    };
  };
  const { id } = at;
  switch (at.collection) {
    case 'sources': {
      const { data } = site.byId.sources.get(id)!;
      const r = record([...data.actors.map((a) => a.id), ...data.quotes.map((q) => q.speaker.id)], [data.outlet.id], data);
      return data.authors?.length ? { ...r, authors: data.authors.join(', ') } : r;
    }
    case 'explainers': {
      // Sorted by its last update; an explainer spans many years, so it has no year facet.
      // The actors its editors list are what it is about: for their names it ranks with their own pages.
      const { data } = site.byId.explainers.get(id)!;
      const r = record(data.actors.map((a) => a.id), []);
      return {
        ...r, date: data.updated, dateLabel: `Updated ${formatDate({ date: data.updated, datePrecision: 'day' })}`,
        about: r.filters.actor.join(' · '),
      };
    }
    case 'events': {
      const { data } = site.byId.events.get(id)!;
      return record(data.actors.map((a) => a.id), [], data);
    }
    case 'references':
      return record([], [], site.byId.references.get(id)!.data);
    case 'actors': {
      const { data } = site.byId.actors.get(id)!;
      return { ...record([id], []), names: [data.name, ...data.aliases].join(' · '), entity: entityFilter({ kind: 'actor', id }) };
    }
    case 'places': {
      const { data } = site.byId.places.get(id)!;
      return { ...record([], []), names: [data.name, ...data.aliases].join(' · '), entity: entityFilter({ kind: 'place', id }) };
    }
    case 'glossary': {
      const { data } = site.byId.glossary.get(id)!;
      return { ...record([], []), names: [data.term, ...data.aliases].join(' · '), entity: entityFilter({ kind: 'term', id }) };
    }
    case 'outlets':
      return record([], [id]);
  }
}
