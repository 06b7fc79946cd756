import type { NamedEntity } from './aliases';
import type { SiteIndex } from '../../content/site-index';

/**
 * The names search knows, emitted once per build as a small JSON file. The indexer reads it to
 * detect which entities each page mentions; the browser reads it (only when a query finds
 * nothing) to suggest close names, and to highlight every spelling of a searched name.
 */
export interface SearchVocabulary {
  /** Actors, places and glossary terms, each with every name it goes by. */
  entities: NamedEntity[];
  /** Other proper names worth suggesting: the outlets we can name. */
  names: string[];
  /**
   * Where the archive's index bundles are (one per part), relative to the deploy base, when the
   * site has an archive (scope.ts). Added by the indexer, which decides them; the browser merges
   * them in.
   */
  archives?: string[];
}

export function buildSearchVocabulary(site: Pick<SiteIndex, 'actors' | 'places' | 'glossary' | 'outlets'>): SearchVocabulary {
  return {
    entities: [
      ...site.actors.map((a): NamedEntity => ({
        kind: 'actor', id: a.id, name: a.data.name, aliases: a.data.aliases, ...(a.data.kind === 'person' && { person: true }),
      })),
      ...site.places.map((p): NamedEntity => ({ kind: 'place', id: p.id, name: p.data.name, aliases: p.data.aliases })),
      ...site.glossary.map((g): NamedEntity => ({ kind: 'term', id: g.id, name: g.data.term, aliases: g.data.aliases })),
    ],
    names: site.outlets.filter((o) => o.data.kind !== 'unknown').map((o) => o.data.name),
  };
}

/** Where the vocabulary is published, relative to the deploy base. */
export const vocabularyPath = 'search-vocabulary.json';
