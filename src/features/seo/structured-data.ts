import type {
  Article, CorrectionComment, CreativeWork, NewsArticle, NewsMediaOrganization, Organization, Person, Place, Thing, WebSite, WithContext,
} from 'schema-dts';
import type { ActorData, OutletData, PlaceData, ReferenceData, SourceData } from '../../content/schemas';

/**
 * JSON-LD (schema.org) for each kind of page, as pure builders over the content's data.
 * Every URL passed in is absolute (site + base + path); nothing here knows about Astro.
 */

export interface Linked<D> {
  data: D;
  /** Absolute URL of the entry's page on this site. */
  url: string;
}

const context = <T extends Thing>(thing: T): WithContext<T> => ({ '@context': 'https://schema.org', ...(thing as object) }) as WithContext<T>;

/** schema.org dates accept ISO 8601 at any precision; an approximate date is left out rather than asserted. */
const knownDate = (d: { date: string; datePrecision: string }): string | undefined =>
  d.datePrecision === 'approximate' ? undefined : d.date;

/** A person for a person, an organization for an organization or a state acting as one. */
export function actorThing({ data, url }: Linked<ActorData>, detail: 'full' | 'reference' = 'full'): Person | Organization {
  const type = data.kind === 'person' ? 'Person' : data.kind === 'state' ? 'GovernmentOrganization' : 'Organization';
  // Where another page mentions the actor, name and link suffice: the actor's page has the rest.
  if (detail === 'reference') return { '@type': type, name: data.name, url } as Person | Organization;
  const common = { name: data.name, url, description: data.description, ...(data.aliases.length ? { alternateName: data.aliases } : {}) };
  return type === 'Person'
    ? { '@type': 'Person', ...common, jobTitle: data.role, nationality: data.country }
    : { '@type': type, ...common };
}

/** An outlet: a news organization when we know what it is, otherwise only a name. */
export function outletThing({ data, url }: Linked<OutletData>, detail: 'full' | 'reference' = 'full'): NewsMediaOrganization | Organization {
  const type = data.kind === 'unknown' ? 'Organization' : 'NewsMediaOrganization';
  if (detail === 'reference') return { '@type': type, name: data.name, url };
  return { '@type': type, name: data.name, url, description: data.description, ...(data.url ? { sameAs: data.url } : {}) };
}

const newsKinds: ReadonlySet<SourceData['kind']> = new Set(['news report', 'analysis', 'weekly digest', 'interview', 'aggregator', 'opinion']);

/** A source article: NewsArticle for journalism, CreativeWork for anything else (an official statement). */
export function sourceWork(
  source: Linked<SourceData>,
  outlet: Linked<OutletData>,
  actors: Linked<ActorData>[] = [],
): NewsArticle | CreativeWork {
  const { data, url } = source;
  const date = knownDate(data);
  const work = {
    headline: data.title,
    name: data.title,
    url,
    description: data.summary,
    inLanguage: data.language,
    ...(date ? { datePublished: date } : {}),
    ...(data.authors?.length ? { author: data.authors.map((name): Person => ({ '@type': 'Person', name })) } : {}),
    // An unknown publisher is not named as one: the page explains why it is unknown.
    ...(outlet.data.kind === 'unknown' ? {} : { publisher: outletThing(outlet, 'reference') }),
    ...(data.url ? { sameAs: data.url } : {}),
    ...(actors.length ? { mentions: actors.map((a) => actorThing(a, 'reference')) } : {}),
    ...(data.topics.length ? { keywords: data.topics.join(', ') } : {}),
  };
  return newsKinds.has(data.kind) ? { '@type': 'NewsArticle', ...work } : { '@type': 'CreativeWork', ...work };
}

/** A primary document (agreement text, UN resolution): a CreativeWork by its issuer. */
export function referenceWork({ data, url }: Linked<ReferenceData>): CreativeWork {
  const date = knownDate(data);
  return {
    '@type': 'CreativeWork',
    name: data.title,
    url,
    description: data.description,
    author: { '@type': 'Organization', name: data.issuer },
    ...(date ? { datePublished: date } : {}),
    ...(data.url ? { sameAs: data.url } : {}),
  };
}

/** What an explainer cites, in order of first citation. */
export type CitedWork =
  | { kind: 'source'; source: Linked<SourceData>; outlet: Linked<OutletData> }
  | { kind: 'reference'; reference: Linked<ReferenceData> };

export interface ExplainerInput {
  title: string;
  summary: string;
  updated: string;
  url: string;
  image?: string;
  siteName: string;
  siteUrl: string;
  cited: CitedWork[];
  corrections?: ReadonlyArray<{ date: string }>;
}

/** An explainer: an Article whose `citation` lists every source and primary document it cites. */
export function explainerLd(input: ExplainerInput): WithContext<Article> {
  return context<Article>({
    '@type': 'Article',
    headline: input.title,
    description: input.summary,
    url: input.url,
    mainEntityOfPage: input.url,
    dateModified: input.updated,
    inLanguage: 'en',
    ...(input.image ? { image: input.image } : {}),
    publisher: { '@type': 'Organization', name: input.siteName, url: input.siteUrl },
    ...(input.corrections?.length
      ? {
          // Each points at its entry in the page's corrections list, which holds the text.
          correction: input.corrections.map((c, i): CorrectionComment => ({
            '@type': 'CorrectionComment',
            datePublished: c.date,
            url: `${input.url}#correction-${i + 1}`,
          })),
        }
      : {}),
    // Each cited work by type, name and page: its own page carries the full record.
    citation: input.cited.map((c): NewsArticle | CreativeWork => {
      const work = c.kind === 'source' ? sourceWork(c.source, c.outlet) : referenceWork(c.reference);
      return { '@type': work['@type'], name: work.name, url: work.url } as NewsArticle | CreativeWork;
    }),
  });
}

export function sourceLd(source: Linked<SourceData>, outlet: Linked<OutletData>, actors: Linked<ActorData>[]): WithContext<NewsArticle | CreativeWork> {
  return context(sourceWork(source, outlet, actors));
}

export const actorLd = (actor: Linked<ActorData>): WithContext<Person | Organization> => context(actorThing(actor) as Thing) as WithContext<Person | Organization>;

export const outletLd = (outlet: Linked<OutletData>): WithContext<NewsMediaOrganization | Organization> =>
  context(outletThing(outlet) as Thing) as WithContext<NewsMediaOrganization | Organization>;

export function placeLd({ data, url }: Linked<PlaceData>): WithContext<Place> {
  return context<Place>({
    '@type': data.kind === 'city' ? 'City' : data.kind === 'country' ? 'Country' : 'Place',
    name: data.name,
    url,
    description: data.description,
    ...(data.aliases.length ? { alternateName: data.aliases } : {}),
    ...(data.coordinates ? { geo: { '@type': 'GeoCoordinates', longitude: data.coordinates[0], latitude: data.coordinates[1] } } : {}),
  });
}

export function websiteLd(input: { name: string; url: string; description: string }): WithContext<WebSite> {
  return context<WebSite>({
    '@type': 'WebSite',
    name: input.name,
    url: input.url,
    description: input.description,
    inLanguage: 'en',
  });
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
