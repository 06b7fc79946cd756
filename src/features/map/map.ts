import {
  geoConicEqualArea, geoContains, geoDistance, geoInterpolate, geoPath,
  type GeoPermissibleObjects, type GeoProjection,
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
  places: ({ id: 'minsk' | 'kyiv'; label: Label } & MapPoint & Xy)[];
  /**
   * From the point of the Belarus–Ukraine border nearest Kyiv to Kyiv. `label` is where the first
   * of its two lines starts (the distance claimed, then the distance measured), right of the line.
   */
  toKyiv: { from: Xy & { coordinates: Position }; to: Xy; km: number; label: Xy };
  /** A bar of a round length, bottom left. */
  scale: { x: number; y: number; width: number; km: number };
  /** Where a point falls on the map, or undefined when it lies outside the picture. */
  project: (coordinates: Position) => Xy | undefined;
}

/** Where a name is written: its anchor point and which end of the text sits there. */
export interface Label extends Xy { anchor: 'start' | 'middle' | 'end' }

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

/** Space between the fitted countries and the picture's edge, in SVG units. */
const PAD = 12;

/** The projection fitted to the region, and the size of the picture it draws into. */
interface Frame { projection: GeoProjection; width: number; height: number }

export function buildRegionMap(input: RegionMapInput): RegionMap {
  const { minsk, kyiv, width = 600 } = input;
  const frame = fitFrame(input.topology, width);
  const { projection, height } = frame;
  const topology = simplifyToScale(input.topology, frame);
  const project = (c: Position): Xy => projectXy(projection, c);
  const countries = drawCountries(topology, frame);
  const { border, toKyiv } = borderToKyiv(input.topology, topology, kyiv, projection);
  const minskAt = project(minsk.coordinates);

  return {
    width,
    height,
    land: svgPath(projection, feature(topology, topology.objects.land)),
    countries,
    border,
    places: [
      { id: 'minsk', ...minsk, ...minskAt, label: cityLabel(minskAt, 'start') },
      // Kyiv's name goes left of its dot: the right of the line to it carries the two distances.
      { id: 'kyiv', ...kyiv, ...toKyiv.to, label: cityLabel(toKyiv.to, 'end') },
    ],
    toKyiv,
    scale: scaleBar(frame),
    project: (c) => {
      const p = project(c);
      return p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height ? p : undefined;
    },
  };
}

/**
 * Conic equal-area centred on the region, fitted to Belarus, Ukraine and the Baltic neighbours
 * (on the detailed data); the height follows from their shape.
 */
function fitFrame(topology: CountriesTopology, width: number): Frame {
  const projection = geoConicEqualArea().parallels([46, 56]).rotate([-29, 0]);
  const detailed = countryShapes(topology);
  const fitTo = { type: 'FeatureCollection' as const, features: (['Belarus', 'Ukraine', 'Lithuania', 'Latvia'] as const).map((n) => detailed.get(n)!) };
  projection.fitWidth(width - 2 * PAD, fitTo);
  const [[, y0], [, y1]] = geoPath(projection).bounds(fitTo);
  const height = Math.ceil(y1 - y0 + 2 * PAD);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PAD, ty - y0 + PAD]).clipExtent([[0, 0], [width, height]]);
  return { projection, width, height };
}

/** Simplify the shared arcs once (neighbours stay gap-free), to what this scale can show. */
function simplifyToScale(topology: CountriesTopology, { projection, width, height }: Frame): CountriesTopology {
  const kmPerPx = distanceKm(projection.invert!([0, height / 2])!, projection.invert!([width, height / 2])!) / width;
  const steradiansPerPx2 = (kmPerPx / EARTH_RADIUS_KM) ** 2;
  return simplify(presimplify(topology as never, sphericalTriangleArea), MIN_AREA_PX * steradiansPerPx2) as unknown as CountriesTopology;
}

/** An outline as a compact SVG path in the map's coordinates. */
function svgPath(projection: GeoProjection, object: GeoPermissibleObjects): string {
  const context = new CompactPath();
  geoPath(projection, context)(object);
  return context.toString();
}

/** Where a point falls in the picture, rounded like every figure the map returns. */
const projectXy = (projection: GeoProjection, c: Position): Xy => xy(projection(c as [number, number])!);

/** Each country's outline, and where its name goes (see labelNudge). */
function drawCountries(topology: CountriesTopology, { projection, width, height }: Frame): RegionMap['countries'] {
  const shapes = countryShapes(topology);
  const centroid = geoPath(projection);
  return mapCountries.map((name) => {
    const shape = shapes.get(name)!;
    const [cx, cy] = centroid.centroid(shape);
    const [nx, ny] = labelNudge[name] ?? [0, 0];
    return {
      name,
      path: svgPath(projection, shape),
      focus: name === 'Belarus' || name === 'Ukraine',
      label: xy([cx + nx * width, cy + ny * height]),
    };
  });
}

/**
 * The Belarus–Ukraine border and the line from its point nearest Kyiv to Kyiv. The border is
 * measured on the detailed data, drawn from the simplified one.
 */
function borderToKyiv(
  detailed: CountriesTopology, simplified: CountriesTopology, kyiv: MapPoint, projection: GeoProjection,
): Pick<RegionMap, 'border' | 'toKyiv'> {
  const borderLine = sharedBorder(detailed, 'Belarus', 'Ukraine');
  if (!borderLine.coordinates.length) throw new Error('The map data has no border between Belarus and Ukraine');
  const ends = borderLine.coordinates.flatMap((part) => [part[0]!, part.at(-1)!]);
  const byLongitude = [...ends].sort((a, b) => a[0]! - b[0]!);
  const nearest = nearestPointOnLine(borderLine, kyiv.coordinates);
  // The border's label sits under its western half, clear of the line to Kyiv.
  const labelAt = projectXy(projection, nearestPointOnLine(borderLine, [25, 51.9]).point);
  const from = projectXy(projection, nearest.point);
  const to = projectXy(projection, kyiv.coordinates);
  return {
    border: {
      path: svgPath(projection, sharedBorder(simplified, 'Belarus', 'Ukraine')),
      label: { x: labelAt.x, y: round(labelAt.y + 40) },
      start: byLongitude[0]!,
      end: byLongitude.at(-1)!,
    },
    toKyiv: {
      from: { ...from, coordinates: nearest.point },
      to,
      km: nearest.km,
      // Beside the line, its two lines of text centred on the line's middle.
      label: xy([from.x + 10, (from.y + to.y) / 2 - 3]),
    },
  };
}

/** A scale bar of 200 km along the parallel through the map's centre. */
function scaleBar({ projection, width, height }: Frame): RegionMap['scale'] {
  const centre = projection.invert!([width / 2, height / 2])!;
  const kmPerDegree = (Math.PI / 180) * EARTH_RADIUS_KM * Math.cos((centre[1] * Math.PI) / 180);
  const scaleKm = 200;
  const a = projection([centre[0] - scaleKm / kmPerDegree / 2, centre[1]])!;
  const b = projection([centre[0] + scaleKm / kmPerDegree / 2, centre[1]])!;
  return { x: PAD + 8, y: height - PAD - 8, width: round(Math.hypot(b[0] - a[0], b[1] - a[1])), km: scaleKm };
}

/** A city's name beside its dot (r = 6): right of it ("start") or left of it ("end"). */
function cityLabel(at: Xy, anchor: 'start' | 'end'): Label {
  return { x: round(anchor === 'start' ? at.x + 10 : at.x - 10), y: round(at.y + 6), anchor };
}

/** The distance line's two lines of text: the figure a quotation claims, and ours, rounded to the km. */
export function distanceLabel(claimedKm: string, measuredKm: number): { claimed: string; measured: string } {
  return { claimed: `claimed ${claimedKm} km`, measured: `measured ≈ ${Math.round(measuredKm)} km` };
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

/** "A, B and C". */
const list = (items: string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join(''));

/**
 * A plain-language account of what the map shows, for its accessible description: the border's
 * length and the distance to Kyiv as the quotations state them (`borderKm`, `claimedKm`, as
 * printed) and the distance as measured.
 */
export function describeRegionMap(map: RegionMap, borderKm: string, claimedKm: string): string {
  const centre = map.countries.find((c) => c.name === 'Belarus')!.label;
  const around = map.countries
    .filter((c) => c.name !== 'Belarus')
    .map((c) => `${c.name} to the ${direction(centre, c.label)}`);
  const [minsk, kyiv] = map.places;
  return (
    `Map of Belarus and its neighbours: ${list(around)}. ` +
    `${minsk!.name} is marked in Belarus and ${kyiv!.name} in Ukraine, ${direction(minsk!, kyiv!)} of ${minsk!.name}. ` +
    `The ${borderKm}-km Belarus–Ukraine border is highlighted. A dashed line runs from its point nearest ${kyiv!.name} to the city, ` +
    `labelled with the distance claimed, ${claimedKm} km, and the distance measured along it, about ${Math.round(map.toKyiv.km)} km. ` +
    `A scale bar shows ${map.scale.km} km.`
  );
}

/** A place as a small map shows it: content/places gives all of this. */
export interface PlaceOnMap extends MapPoint {
  kind: 'city' | 'region' | 'country';
  /** The country it is in; highlighted when the map draws it. */
  country: string;
}

export interface View { x: number; y: number; width: number; height: number }

/** The window of a place's small map, in the region map's units: about 830 × 640 km. */
export const PLACE_VIEW = { width: 360, height: 280 } as const;

/**
 * A window of the map centred on a point; where that would reach past the map's edge, moved just
 * enough to stay on the map (the point stays in view, off-centre), since nothing is drawn there.
 */
export function viewCentredOn(map: Pick<RegionMap, 'width' | 'height'>, at: Xy, size: { width: number; height: number } = PLACE_VIEW): View {
  const clamp = (n: number, max: number) => round(Math.min(Math.max(n, 0), Math.max(max, 0)));
  return {
    x: clamp(at.x - size.width / 2, map.width - size.width),
    y: clamp(at.y - size.height / 2, map.height - size.height),
    width: size.width,
    height: size.height,
  };
}

/**
 * The box a label's text takes, estimated (no fonts at build time) at 0.75 em a character: as wide
 * as the widest name in bold DejaVu Sans ("Moscow", 0.747 em a character), so a box that fits
 * means the text fits.
 */
export function labelBox(text: string, at: Label, fontSize = 20): View {
  const width = text.length * fontSize * 0.75;
  const left = at.anchor === 'start' ? at.x : at.anchor === 'end' ? at.x - width : at.x - width / 2;
  return { x: left, y: at.y - fontSize * 0.8, width, height: fontSize };
}

const within = (a: View, b: View) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const overlap = (a: View, b: View) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export interface PlaceMap {
  place: PlaceOnMap;
  view: View;
  /** The place on the map; a city is drawn as a dot, a country or region by its name alone. */
  at: Xy;
  label: Label;
  /** The country highlighted, when the map draws the place's country. */
  focus: MapCountry | undefined;
  /** Names of the countries in view, where they fit beside the place's own name. */
  countries: { name: MapCountry; label: Xy; direction: string }[];
  scale: RegionMap['scale'];
}

/**
 * A small map centred on a place, drawn with the region map's shapes: the same outlines, a window
 * of them. Undefined when the place lies outside the region map.
 */
export function placeMap(map: RegionMap, place: PlaceOnMap): PlaceMap | undefined {
  const at = map.project(place.coordinates);
  if (!at) return undefined;
  const view = viewCentredOn(map, at);
  const inset = { x: view.x + 4, y: view.y + 4, width: view.width - 8, height: view.height - 8 };
  let label: Label;
  if (place.kind === 'city') {
    label = cityLabel(at, 'start');
    if (!within(labelBox(place.name, label), inset)) label = cityLabel(at, 'end');
  } else {
    // Centred on the point, moved sideways if that would cut the name at the window's edge.
    const half = labelBox(place.name, { ...at, anchor: 'middle' }).width / 2;
    const x = Math.min(Math.max(at.x, inset.x + half), inset.x + inset.width - half);
    label = { x: round(x), y: round(at.y + 7), anchor: 'middle' };
  }
  const scale = { ...map.scale, x: round(view.x + 20), y: round(view.y + view.height - 14) };
  const taken = [labelBox(place.name, label), { x: scale.x, y: scale.y - 32, width: scale.width, height: 32 }];
  const countries = map.countries
    .filter((c) => c.name !== place.name)
    .map((c) => ({ name: c.name, label: c.label, box: labelBox(c.name, { ...c.label, anchor: 'middle' }, 18) }))
    .filter(({ box }) => within(box, inset) && !taken.some((t) => overlap(box, t)))
    .map(({ name, label: l }) => ({ name, label: l, direction: direction(at, l) }));
  const focus = mapCountries.find((n) => n === place.country);
  return { place, view, at, label, focus, countries, scale };
}

/** Kilometres across a view, from the scale bar's length. */
const kmAcross = (m: PlaceMap) => Math.round(((m.view.width * m.scale.km) / m.scale.width) / 10) * 10;

/** A plain-language account of a place's small map, for its accessible description. */
export function describePlaceMap(m: PlaceMap): string {
  const { place, focus, countries } = m;
  const centred = m.at.x === round(m.view.x + m.view.width / 2) && m.at.y === round(m.view.y + m.view.height / 2);
  const map = `Map ${centred ? 'centred on' : 'around'} ${place.name}`;
  const lead = place.kind === 'country'
    ? `${map}${focus === place.name ? ', which is highlighted' : ''}.`
    : `${map}, a ${place.kind} in ${place.country}, marked ${place.kind === 'city' ? 'with a dot' : 'by its name'}${focus ? `; ${focus} is highlighted` : ''}.`;
  // The country the place is in is named on the map, but lies around it, not to one side.
  const around = countries.filter((c) => c.name !== place.country).map((c) => `${c.name} to the ${c.direction}`);
  return `${lead}${around.length ? ` Also named: ${list(around)}.` : ''} It shows about ${kmAcross(m)} km from west to east; a scale bar shows ${m.scale.km} km.`;
}
