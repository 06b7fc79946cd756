import { describe, expect, it } from 'vitest';
import type { ActorData, OutletData, PlaceData, SourceData } from '../../src/content/schemas';
import {
  actorLd, explainerLd, outletLd, placeLd, referenceWork, serializeJsonLd, sourceLd, websiteLd, type Linked,
} from '../../src/features/seo/structured-data';

const base = 'https://example.org/minsk/';
/** JSON-LD as the plain object a crawler reads. */
const plain = (ld: unknown) => ld as Record<string, any>;
const actor = (id: string, data: Partial<ActorData>): Linked<ActorData> => ({
  url: `${base}actors/${id}/`,
  data: { name: id, aliases: [], kind: 'person', role: 'President', country: 'Belarus', description: 'd', ...data },
});
const outlet = (id: string, data: Partial<OutletData>): Linked<OutletData> => ({
  url: `${base}outlets/${id}/`,
  data: { name: id, kind: 'news site', country: 'x', description: 'An outlet.', ...data },
});
const source = (id: string, data: Partial<SourceData>): Linked<SourceData> => ({
  url: `${base}sources/${id}/`,
  data: {
    title: `Title of ${id}`, outlet: { collection: 'outlets', id: 'o' }, date: '2025-03-19', datePrecision: 'day', kind: 'news report',
    language: 'en', summary: 'A summary.', actors: [], topics: [], quotes: [], provenance: [], ...data,
  } as SourceData,
});
const lukashenko = actor('alexander-lukashenko', { name: 'Alexander Lukashenko', aliases: ['Lukashenka'] });
const osce = actor('osce', { name: 'OSCE', kind: 'organization' });
const agency = outlet('belta', { name: 'BelTA', kind: 'state news agency', url: 'https://eng.belta.by/' });
const unknownOutlet = outlet('unknown-publisher', { name: 'Unknown publisher', kind: 'unknown', evidence: 'not named' });

describe('explainerLd', () => {
  const ld = explainerLd({
    title: 'Why Minsk?', summary: 'S.', updated: '2025-04-01', url: `${base}explainers/why-minsk/`, image: `${base}og/explainers/why-minsk.png`,
    siteName: 'Minsk Talks Explained', siteUrl: base,
    cited: [
      { kind: 'source', source: source('a', { kind: 'analysis', authors: ['Yauheni Preiherman'] }), outlet: agency },
      { kind: 'source', source: source('b', { kind: 'official statement', datePrecision: 'approximate', date: '2025-03' }), outlet: unknownOutlet },
      {
        kind: 'reference',
        reference: { url: `${base}references/minsk-protocol/`, data: { title: 'Minsk Protocol', issuer: 'Trilateral Contact Group', date: '2014-09-05', datePrecision: 'day', kind: 'agreement', description: 'd' } },
      },
    ],
  });

  it('is a schema.org Article citing every source and document, in order, by type, name and page', () => {
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('Article');
    expect(plain(ld).citation).toEqual([
      { '@type': 'NewsArticle', name: 'Title of a', url: `${base}sources/a/` },
      { '@type': 'CreativeWork', name: 'Title of b', url: `${base}sources/b/` },
      { '@type': 'CreativeWork', name: 'Minsk Protocol', url: `${base}references/minsk-protocol/` },
    ]);
  });

  it('is dated by its last update and published by the site', () => {
    expect(plain(ld).dateModified).toBe('2025-04-01');
    expect(plain(ld).publisher).toEqual({ '@type': 'Organization', name: 'Minsk Talks Explained', url: base });
  });
});

describe('sourceLd', () => {
  it('gives a news report its publisher, date, original URL and mentions', () => {
    const ld = plain(sourceLd(source('r', { url: 'https://example.com/story', datePrecision: 'month', date: '2025-03' }), agency, [lukashenko, osce]));
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.datePublished).toBe('2025-03');
    expect(ld.sameAs).toBe('https://example.com/story');
    expect(ld.publisher).toEqual({ '@type': 'NewsMediaOrganization', name: 'BelTA', url: `${base}outlets/belta/` });
    expect((ld.mentions as { '@type': string }[]).map((m) => m['@type'])).toEqual(['Person', 'Organization']);
  });

  it('names no publisher when the outlet is unknown, and no URL when none is known', () => {
    const ld = plain(sourceLd(source('u', {}), unknownOutlet, []));
    expect(ld.publisher).toBeUndefined();
    expect(ld.sameAs).toBeUndefined();
    expect(ld.mentions).toBeUndefined();
  });
});

describe('referenceWork', () => {
  it('is a CreativeWork by its issuer, dated unless the date is approximate', () => {
    const doc = (datePrecision: 'day' | 'approximate') => referenceWork({ url: `${base}references/p/`, data: { title: 'P', issuer: 'UN Security Council', date: '2015-02-17', datePrecision, kind: 'resolution', description: 'd', url: 'https://un.org/x' } });
    expect(doc('day')).toMatchObject({ '@type': 'CreativeWork', author: { '@type': 'Organization', name: 'UN Security Council' }, datePublished: '2015-02-17', sameAs: 'https://un.org/x' });
    expect(plain(doc('approximate')).datePublished).toBeUndefined();
  });
});

describe('actor, outlet and place pages', () => {
  it('types a person as Person with aliases, an organization as Organization, a state as GovernmentOrganization', () => {
    expect(actorLd(lukashenko)).toMatchObject({ '@type': 'Person', name: 'Alexander Lukashenko', alternateName: ['Lukashenka'], jobTitle: 'President' });
    expect(plain(actorLd(osce))['@type']).toBe('Organization');
    expect(plain(actorLd(actor('belarus', { kind: 'state' })))['@type']).toBe('GovernmentOrganization');
  });

  it('types a known outlet as NewsMediaOrganization and an unknown one as a plain Organization', () => {
    expect(outletLd(agency)).toMatchObject({ '@type': 'NewsMediaOrganization', sameAs: 'https://eng.belta.by/' });
    expect(plain(outletLd(unknownOutlet))['@type']).toBe('Organization');
  });

  it('gives a place its coordinates', () => {
    const place: Linked<PlaceData> = { url: `${base}places/minsk/`, data: { name: 'Minsk', aliases: [], kind: 'city', country: 'Belarus', coordinates: [27.56, 53.9], description: 'd' } };
    expect(placeLd(place)).toMatchObject({ '@type': 'City', geo: { '@type': 'GeoCoordinates', longitude: 27.56, latitude: 53.9 } });
  });

  it('describes the site as a WebSite', () => {
    expect(websiteLd({ name: 'M', url: base, description: 'd' })).toMatchObject({ '@type': 'WebSite', url: base });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its <script> element, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>' };
    const text = serializeJsonLd(value);
    expect(text).not.toContain('</script');
    expect(JSON.parse(text)).toEqual(value);
  });
});
