import {
  geoConicEqualArea, geoContains, geoDistance, geoInterpolate, geoPath,
  type GeoPermissibleObjects,
} from 'd3-geo';
import { feature, merge, mesh } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, GeometryObject, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';

/**
 * The region map, computed at build time from Natural Earth boundaries (world-atlas): pure geometry,
 * no Astro. The component only draws what this returns.
 */

export const EARTH_RADIUS_KM = 6371;

/** Countries drawn, by their Natural Earth name. The first two share the highlighted border. */
export const mapCountries = ['Belarus', 'Ukraine', 'Russia', 'Poland', 'Lithuania', 'Latvia'] as const;
export type MapCountry = (typeof mapCountries)[number];

type CountryProps = { name: string };
type Countries = GeometryCollection<CountryProps>;
export type CountriesTopology = Topology<{ countries: Countries; land: GeometryCollection }>;

export interface MapPoint {
  name: string;
  /** [longitude, latitude] in degrees. */
  coordinates: [number, number];
}

export interface RegionMapInput {
  topology: CountriesTopology;
  minsk: MapPoint;
  kyiv: MapPoint;
  /** Width of the SVG's coordinate system; the height follows from the region's shape. */
  width?: number;
}

export interface Xy { x: number; y: number }

export interface RegionMap {
  width: number;
  height: number;
  /** All land in view, under the countries, so neighbours not named still read as land. */
  land: string;
  countries: { name: MapCountry; path: string; focus: boolean; label: Xy }[];
  /** The Belarus–Ukraine border, as the arcs the two countries share in the dataset. */
  border: { path: string; label: Xy; start: Position; end: Position };
  places: ({ id: 'minsk' | 'kyiv' } & MapPoint & Xy)[];
  /** From the point of the Belarus–Ukraine border nearest Kyiv to Kyiv. */
  toKyiv: { from: Xy & { coordinates: Position }; to: Xy; km: number; label: Xy };
  /** A bar of a round length, bottom left. */
  scale: { x: number; y: number; width: number; km: number };
}

const round = (n: number) => Math.round(n * 10) / 10;
const xy = ([x, y]: [number, number]): Xy => ({ x: round(x), y: round(y) });

/**
 * Natural Earth draws Crimea as part of Russia (its de facto layer). The site follows the
 * internationally recognised border (content/places/crimea.yaml: country Ukraine), so the polygon
 * of Russia that contains Crimea is moved to Ukraine before anything is drawn.
 */
const CRIMEA: [number, number] = [34.1, 44.95];

function countryGeometries(topology: CountriesTopology): Map<MapCountry, GeometryObject<CountryProps>> {
  const found = new Map<MapCountry, GeometryObject<CountryProps>>();
  for (const g of topology.objects.countries.geometries) {
    const name = (g.properties as CountryProps | undefined)?.name as MapCountry;
    if ((mapCountries as readonly string[]).includes(name)) found.set(name, g);
  }
  const missing = mapCountries.filter((n) => !found.has(n));
  if (missing.length) throw new Error(`The map data has no country named ${missing.join(', ')}`);
  return found;
}

function countryShapes(topology: CountriesTopology): Map<MapCountry, Feature<Polygon | MultiPolygon>> {
  const geometries = countryGeometries(topology);
  const shapes = new Map<MapCountry, Feature<Polygon | MultiPolygon>>();
  for (const [name, g] of geometries) shapes.set(name, feature(topology, g) as Feature<Polygon | MultiPolygon>);

  const russia = geometries.get('Russia') as TopoMultiPolygon<CountryProps>;
  const polygons = russia.arcs.map((arcs) => ({ type: 'Polygon', arcs }) as const);
  const crimeaIndex = polygons.findIndex((p) => geoContains(feature(topology, p), CRIMEA));
  if (crimeaIndex >= 0) {
    const rest = polygons.filter((_, i) => i !== crimeaIndex);
    const ukraine = geometries.get('Ukraine')!;
    shapes.set('Ukraine', { type: 'Feature', properties: {}, geometry: merge(topology, [ukraine as never, polygons[crimeaIndex] as never]) });
    shapes.set('Russia', { type: 'Feature', properties: {}, geometry: merge(topology, rest as never[]) });
  }
  return shapes;
}

/** The arcs Belarus and Ukraine share: their common border as the dataset draws it. */
export function sharedBorder(topology: CountriesTopology, a: MapCountry, b: MapCountry): MultiLineString {
  const names = [a, b].sort().join('|');
  const nameOf = (g: GeometryObject) => (g.properties as CountryProps | undefined)?.name;
  return mesh(topology, topology.objects.countries, (x, y) => x !== y && [nameOf(x), nameOf(y)].sort().join('|') === names);
}

/** Great-circle distance in km. */
export const distanceKm = (a: Position, b: Position): number =>
  geoDistance(a as [number, number], b as [number, number]) * EARTH_RADIUS_KM;

/** The point of a line nearest a place, searched along each segment (interpolated every ~1 km). */
export function nearestPointOnLine(line: MultiLineString, to: Position): { point: Position; km: number } {
  let best = { point: line.coordinates[0]![0]!, km: Infinity };
  for (const part of line.coordinates) {
    for (let i = 1; i < part.length; i++) {
      const a = part[i - 1] as [number, number];
      const b = part[i] as [number, number];
      const steps = Math.max(1, Math.ceil(distanceKm(a, b)));
      const along = geoInterpolate(a, b);
      for (let s = 0; s <= steps; s++) {
        const p = along(s / steps);
        const km = distanceKm(p, to);
        if (km < best.km) best = { point: p, km };
      }
    }
  }
  return best;
}

/**
 * An SVG path context that writes integer, relative coordinates and skips moves that round to
 * nothing: the same shape in about half the bytes of d3's absolute decimals, which matters for
 * an SVG inlined into every page that shows the map.
 */
export class CompactPath {
  private d = '';
  /** After "m" or "l", further pairs are relative line-tos and need no letter. */
  private implicitLine = false;
  private x = 0;
  private y = 0;
  private start: [number, number] = [0, 0];

  moveTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    const first = this.d === '';
    this.d += first ? `M${this.numbers(rx, ry, true)}` : `m${this.numbers(rx - this.x, ry - this.y, true)}`;
    [this.x, this.y] = this.start = [rx, ry];
    // Pairs after the opening absolute "M" would be absolute too: only a relative "m" implies "l".
    this.implicitLine = !first;
  }

  lineTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    if (rx === this.x && ry === this.y) return;
    this.d += this.implicitLine ? this.numbers(rx - this.x, ry - this.y, false) : `l${this.numbers(rx - this.x, ry - this.y, true)}`;
    [this.x, this.y] = [rx, ry];
    this.implicitLine = true;
  }

  closePath(): void {
    this.d += 'z';
    [this.x, this.y] = this.start;
    this.implicitLine = false;
  }

  beginPath(): void {}

  arc(): void {
    throw new Error('CompactPath draws lines and polygons only');
  }

  toString(): string {
    return this.d;
  }

  /** "3 -2" written "3-2"; a leading space only when continuing a list of numbers. */
  private numbers(dx: number, dy: number, afterLetter: boolean): string {
    const lead = afterLetter || dx < 0 ? '' : ' ';
    return `${lead}${dx}${dy < 0 ? '' : ' '}${dy}`;
  }
}

/** Country names sit at the centroid of the visible part, some moved by this fraction of the map's size. */
const labelNudge: Partial<Record<MapCountry, [number, number]>> = {
  Russia: [0.02, 0.12],
  Belarus: [0, 0.05],
  Latvia: [0, 0.02],
};

/** The id of a country's outline in the map's shapes file (src/pages/maps/region.svg.ts). */
export const regionShapeId = (country: MapCountry): string => `country-${country.toLowerCase()}`;

/** Drawing: points whose triangle is smaller than this many square pixels are dropped. */
const MIN_AREA_PX = 3;

export function buildRegionMap(input: RegionMapInput): RegionMap {
  const { minsk, kyiv, width = 600 } = input;
  // Conic equal-area centred on the region: fit Belarus, Ukraine and the Baltic neighbours.
  const projection = geoConicEqualArea().parallels([46, 56]).rotate([-29, 0]);
  const detailed = countryShapes(input.topology);
  const fitTo = { type: 'FeatureCollection' as const, features: (['Belarus', 'Ukraine', 'Lithuania', 'Latvia'] as const).map((n) => detailed.get(n)!) };
  const pad = 12;
  projection.fitWidth(width - 2 * pad, fitTo);
  const [[, y0], [, y1]] = geoPath(projection).bounds(fitTo);
  const height = Math.ceil(y1 - y0 + 2 * pad);
  const [tx, ty] = projection.translate();
  projection.translate([tx + pad, ty - y0 + pad]).clipExtent([[0, 0], [width, height]]);

  // Simplify the shared arcs once (neighbours stay gap-free), to what this scale can show.
  const kmPerPx = distanceKm(projection.invert!([0, height / 2])!, projection.invert!([width, height / 2])!) / width;
  const steradiansPerPx2 = (kmPerPx / EARTH_RADIUS_KM) ** 2;
  const topology = simplify(presimplify(input.topology as never, sphericalTriangleArea), MIN_AREA_PX * steradiansPerPx2) as unknown as CountriesTopology;
  const shapes = countryShapes(topology);

  const draw = (object: GeoPermissibleObjects): string => {
    const context = new CompactPath();
    geoPath(projection, context)(object);
    return context.toString();
  };
  const project = (c: Position): Xy => xy(projection(c as [number, number])!);
  const centroid = geoPath(projection);

  const countries = mapCountries.map((name) => {
    const shape = shapes.get(name)!;
    const [cx, cy] = centroid.centroid(shape);
    const [nx, ny] = labelNudge[name] ?? [0, 0];
    return {
      name,
      path: draw(shape),
      focus: name === 'Belarus' || name === 'Ukraine',
      label: xy([cx + nx * width, cy + ny * height]),
    };
  });

  // The border is measured on the detailed data, drawn from the simplified one.
  const borderLine = sharedBorder(input.topology, 'Belarus', 'Ukraine');
  if (!borderLine.coordinates.length) throw new Error('The map data has no border between Belarus and Ukraine');
  const ends = borderLine.coordinates.flatMap((part) => [part[0]!, part.at(-1)!]);
  const byLongitude = [...ends].sort((a, b) => a[0]! - b[0]!);
  const nearest = nearestPointOnLine(borderLine, kyiv.coordinates);
  // The border's label sits under its western half, clear of the line to Kyiv.
  const labelAt = project(nearestPointOnLine(borderLine, [25, 51.9]).point);
  const from = project(nearest.point);
  const to = project(kyiv.coordinates);

  // A scale bar of 200 km along the parallel through the map's centre.
  const centre = projection.invert!([width / 2, height / 2])!;
  const kmPerDegree = (Math.PI / 180) * EARTH_RADIUS_KM * Math.cos((centre[1] * Math.PI) / 180);
  const scaleKm = 200;
  const a = projection([centre[0] - scaleKm / kmPerDegree / 2, centre[1]])!;
  const b = projection([centre[0] + scaleKm / kmPerDegree / 2, centre[1]])!;

  return {
    width,
    height,
    land: draw(feature(topology, topology.objects.land)),
    countries,
    border: {
      path: draw(sharedBorder(topology, 'Belarus', 'Ukraine')),
      label: { x: labelAt.x, y: round(labelAt.y + 40) },
      start: byLongitude[0]!,
      end: byLongitude.at(-1)!,
    },
    places: [
      { id: 'minsk', ...minsk, ...project(minsk.coordinates) },
      { id: 'kyiv', ...kyiv, ...project(kyiv.coordinates) },
    ],
    toKyiv: {
      from: { ...from, coordinates: nearest.point },
      to,
      km: nearest.km,
      // Beside the line, just under the border: Kyiv's own label sits to the right of its dot.
      label: xy([from.x + 10, from.y + 20]),
    },
    scale: { x: pad + 8, y: height - pad - 8, width: round(Math.hypot(b[0] - a[0], b[1] - a[1])), km: scaleKm },
  };
}

/**
 * The distance a quotation states, as printed ("1,084" from "the 1,084-kilometer-long border",
 * "200" from "It is 200 kilometres"), so the map's labels come from the cited words themselves.
 */
export function kilometresIn(text: string): string | undefined {
  return /(\d{1,3}(?:,\d{3})*|\d+)[\s-]*(?:km|kilomet(?:er|re)s?)\b/i.exec(text)?.[1];
}

const compass = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];

/** "south" for a place below another on the map (north is up in this projection near its centre). */
export function direction(from: Xy, to: Xy): string {
  const angle = (Math.atan2(to.x - from.x, -(to.y - from.y)) * 180) / Math.PI;
  return compass[Math.round(((angle + 360) % 360) / 45) % 8]!;
}

/** A plain-language account of what the map shows, for its text alternative. */
export function describeRegionMap(map: RegionMap, borderKm: string): string {
  const centre = map.countries.find((c) => c.name === 'Belarus')!.label;
  const around = map.countries
    .filter((c) => c.name !== 'Belarus')
    .map((c) => `${c.name} to the ${direction(centre, c.label)}`);
  const [minsk, kyiv] = map.places;
  return (
    `Map of Belarus and its neighbours: ${around.slice(0, -1).join(', ')} and ${around.at(-1)}. ` +
    `${minsk!.name} is marked in Belarus and ${kyiv!.name} in Ukraine, ${direction(minsk!, kyiv!)} of ${minsk!.name}. ` +
    `The ${borderKm}-km Belarus–Ukraine border is highlighted; the dashed line is the shortest straight line from it to ${kyiv!.name} ` +
    `on this map, about ${Math.round(map.toKyiv.km)} km. A scale bar shows ${map.scale.km} km.`
  );
}
