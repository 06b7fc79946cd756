import countries50m from 'world-atlas/countries-50m.json';
import { getSite } from './site';
import { findQuote } from '../content/checks/citations';
import {
  buildRegionMap, describePlaceMap, describeRegionMap, kilometresIn, placeMap,
  type CountriesTopology, type MapPoint, type PlaceMap, type RegionMap,
} from '../features/map/map';
import type { QuoteInSource } from '../content/site-index';
import type { ActorData, PlaceData } from '../content/schemas';
import type { Item } from '../content/site-index';

/**
 * What the region map draws from the content: the two cities (content/places) and the two
 * quotations its labels repeat. Change an id here if the content is renamed.
 */
export const regionMapContent = {
  minsk: 'minsk',
  kyiv: 'kyiv',
  border: { source: 'belarus-offers-to-host-peace-talks', quote: 'border-1084-km' },
  distance: { source: 'belarus-offers-to-host-peace-talks', quote: '200-kilometres' },
} as const;

/** Under every map: where the outlines come from and how Crimea is drawn. */
export const mapCredit = "Boundaries: Natural Earth (public domain), simplified; Crimea is drawn within Ukraine's internationally recognised borders.";

export interface MapQuote extends QuoteInSource {
  speaker: Item<ActorData>;
  /** The distance as the quotation prints it, e.g. "1,084". */
  km: string;
}

export interface RegionMapData {
  map: RegionMap;
  description: string;
  border: MapQuote;
  distance: MapQuote;
}

/** Whether the content has what the map marks (a test fixture may not): Minsk and Kyiv with coordinates. */
export async function regionMapDrawable(): Promise<boolean> {
  const site = await getSite();
  return [regionMapContent.minsk, regionMapContent.kyiv].every((id) => site.byId.places.get(id)?.data.coordinates);
}

let cached: Promise<RegionMapData> | undefined;

/** The map is computed once per build, however many pages show it. */
export function getRegionMap(): Promise<RegionMapData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<RegionMapData> {
  const site = await getSite();
  const where = 'src/site/region-map.ts (regionMapContent)';
  const place = (id: string): MapPoint => {
    const entry = site.byId.places.get(id);
    if (!entry?.data.coordinates) {
      throw new Error(`${where}: the region map needs content/places/${id}.yaml with coordinates: [longitude, latitude]`);
    }
    return { name: entry.data.name, coordinates: entry.data.coordinates };
  };
  const quote = ({ source, quote: id }: { source: string; quote: string }): MapQuote => {
    const found = findQuote(site, source, id);
    if (!found) throw new Error(`${where}: the region map quotes "${id}" from content/sources/${source}.mdx, which has no such quote`);
    const km = kilometresIn(found.quote.text);
    if (!km) throw new Error(`${where}: quote "${id}" in content/sources/${source}.mdx states no distance in km for the map to label`);
    return { ...found, km, speaker: site.byId.actors.get(found.quote.speaker.id)! };
  };
  const map = buildRegionMap({
    topology: countries50m as unknown as CountriesTopology,
    minsk: place(regionMapContent.minsk),
    kyiv: place(regionMapContent.kyiv),
  });
  const border = quote(regionMapContent.border);
  const distance = quote(regionMapContent.distance);
  return { map, border, distance, description: describeRegionMap(map, border.km, distance.km) };
}

/**
 * A place page's small map, centred on the place, with its accessible description; undefined when
 * the content cannot draw the region map (a test fixture), or the place has no coordinates or
 * lies outside it.
 */
export async function getPlaceMap(place: PlaceData): Promise<(PlaceMap & { description: string }) | undefined> {
  if (!place.coordinates || !(await regionMapDrawable())) return undefined;
  const found = placeMap((await getRegionMap()).map, { name: place.name, kind: place.kind, country: place.country, coordinates: place.coordinates });
  return found && { ...found, description: describePlaceMap(found) };
}
