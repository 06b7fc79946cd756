import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CompactPath, PLACE_VIEW, buildRegionMap, describePlaceMap, describeRegionMap, direction, distanceKm, distanceLabel,
  kilometresIn, labelBox, nearestPointOnLine, placeMap, sharedBorder, viewCentredOn, type CountriesTopology, type PlaceOnMap, type View,
} from '../../src/features/map/map';
import { root } from '../helpers/build';

const topology = JSON.parse(readFileSync(join(root, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as CountriesTopology;
const minsk = { name: 'Minsk', coordinates: [27.5615, 53.9045] as [number, number] };
const kyiv = { name: 'Kyiv', coordinates: [30.5234, 50.4501] as [number, number] };
const map = buildRegionMap({ topology, minsk, kyiv });
/** Where a point falls on the map. */
function projectOnMap(lon: number, lat: number): [number, number] {
  const p = map.project([lon, lat])!;
  return [p.x, p.y];
}
const overlaps = (a: View, b: View) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: View, inner: View) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** The rings of a path written by CompactPath (M, m, l, z and implicit relative pairs), as absolute points. */
function rings(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  let [x, y] = [0, 0];
  let start: [number, number] = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([Mmlz])([^Mmlz]*)/g)) {
    if (cmd === 'z') { [x, y] = start; continue; }
    const nums = (args!.match(/-?\d+/g) ?? []).map(Number);
    for (let i = 0; i < nums.length; i += 2) {
      [x, y] = cmd === 'M' && i === 0 ? [nums[i]!, nums[i + 1]!] : [x + nums[i]!, y + nums[i + 1]!];
      if (i === 0 && cmd !== 'l') { start = [x, y]; out.push([]); }
      out.at(-1)!.push([x, y]);
    }
  }
  return out;
}
const points = (d: string) => rings(d).flat();

/** Even-odd test: is a point inside the filled area of a path? */
function insidePath(d: string, [px, py]: [number, number]): boolean {
  let inside = false;
  for (const ring of rings(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

describe('the Belarus–Ukraine border', () => {
  const border = sharedBorder(topology, 'Belarus', 'Ukraine');

  it('is the line the two countries share, running from the Polish to the Russian tripoint', () => {
    expect(border.coordinates.length).toBeGreaterThan(0);
    // West end near Poland (about 23.6°E 51.5°N), east end near Russia (about 31.8°E 52.1°N).
    expect(distanceKm(map.border.start, [23.6, 51.5])).toBeLessThan(25);
    expect(distanceKm(map.border.end, [31.8, 52.1])).toBeLessThan(25);
  });

  it('does not include borders with other neighbours', () => {
    const withRussia = sharedBorder(topology, 'Belarus', 'Russia');
    const points = new Set(border.coordinates.flat().map((p) => p.join()));
    const overlap = withRussia.coordinates.flat().filter((p) => points.has(p.join()));
    expect(overlap.length).toBeLessThanOrEqual(1); // only the tripoint
  });

  it('is nearest Kyiv at about 90 km, much less than the "200 kilometres" quoted', () => {
    const nearest = nearestPointOnLine(border, kyiv.coordinates);
    expect(nearest.km).toBeGreaterThan(80);
    expect(nearest.km).toBeLessThan(110);
    expect(map.toKyiv.km).toBeCloseTo(nearest.km, 5);
  });
});

describe('buildRegionMap', () => {
  const inside = ({ x, y }: { x: number; y: number }) => x >= 0 && x <= map.width && y >= 0 && y <= map.height;

  it('draws the six countries, with Belarus and Ukraine as the focus', () => {
    expect(map.countries.map((c) => c.name).sort()).toEqual(['Belarus', 'Latvia', 'Lithuania', 'Poland', 'Russia', 'Ukraine']);
    expect(map.countries.filter((c) => c.focus).map((c) => c.name).sort()).toEqual(['Belarus', 'Ukraine']);
    for (const c of map.countries) expect(c.path.length, c.name).toBeGreaterThan(20);
  });

  it('keeps every label, city and path inside the picture', () => {
    for (const c of map.countries) expect(inside(c.label), c.name).toBe(true);
    for (const p of map.places) expect(inside(p), p.name).toBe(true);
    expect(inside(map.border.label)).toBe(true);
    expect(inside(map.toKyiv.label)).toBe(true);
    for (const d of [map.land, ...map.countries.map((c) => c.path), map.border.path]) {
      for (const [x, y] of points(d)) expect(inside({ x, y })).toBe(true);
    }
  });

  it('puts Minsk north of Kyiv and both in their countries', () => {
    const [m, k] = map.places;
    expect(m!.y).toBeLessThan(k!.y);
    expect(direction(m!, k!)).toBe('south-east'); // Kyiv is about 3° east and 3.5° south of Minsk
  });

  it('draws Crimea as part of Ukraine, not Russia', () => {
    const path = (name: string) => map.countries.find((c) => c.name === name)!.path;
    const at = (lon: number, lat: number) => projectOnMap(lon, lat);
    const simferopol = at(34.1, 44.95);
    expect(insidePath(path('Ukraine'), simferopol)).toBe(true);
    expect(insidePath(path('Russia'), simferopol)).toBe(false);
    // And the rest of the drawing agrees with the countries: Moscow's direction is Russia, Minsk is Belarus.
    expect(insidePath(path('Belarus'), [map.places[0]!.x, map.places[0]!.y])).toBe(true);
    expect(insidePath(path('Ukraine'), [map.places[1]!.x, map.places[1]!.y])).toBe(true);
    expect(insidePath(path('Russia'), at(36, 53))).toBe(true);
  });

  it('stays small enough to inline in a page', () => {
    const bytes = map.land.length + map.border.path.length + map.countries.reduce((n, c) => n + c.path.length, 0);
    expect(bytes).toBeLessThan(9000);
  });

  it('draws a scale bar whose length matches the projection', () => {
    // 200 km between Minsk and a point 200 km east of it, in SVG units, is about the bar's width.
    expect(map.scale.km).toBe(200);
    const kmPerUnit = distanceKm(minsk.coordinates, kyiv.coordinates) / Math.hypot(map.places[0]!.x - map.places[1]!.x, map.places[0]!.y - map.places[1]!.y);
    expect(map.scale.width * kmPerUnit).toBeGreaterThan(185);
    expect(map.scale.width * kmPerUnit).toBeLessThan(215);
  });

  it('fails clearly when the data lacks a country', () => {
    const without = { ...topology, objects: { ...topology.objects, countries: { ...topology.objects.countries, geometries: topology.objects.countries.geometries.filter((g) => (g.properties as { name?: string } | undefined)?.name !== 'Latvia') } } };
    expect(() => buildRegionMap({ topology: without, minsk, kyiv })).toThrow(/no country named Latvia/);
  });
});

describe('the distance to Kyiv, claimed and measured', () => {
  it('is labelled with both figures, the measured one rounded to the kilometre', () => {
    expect(distanceLabel('200', map.toKyiv.km)).toEqual({ claimed: 'claimed 200 km', measured: 'measured ≈ 91 km' });
    expect(distanceLabel('200', 90.4)).toEqual({ claimed: 'claimed 200 km', measured: 'measured ≈ 90 km' });
  });

  it('writes the label right of the line, between the border and Kyiv, clear of every other name', () => {
    const { from, to, label } = map.toKyiv;
    expect(label.x).toBeGreaterThan(from.x);
    const lines = distanceLabel('200', map.toKyiv.km);
    // Two lines, 1.1 em apart; the block's middle is the line's middle.
    const boxes = [labelBox(lines.claimed, { ...label, anchor: 'start' }), labelBox(lines.measured, { x: label.x, y: label.y + 22, anchor: 'start' })];
    expect((boxes[0]!.y + boxes[1]!.y + boxes[1]!.height) / 2).toBeCloseTo((from.y + to.y) / 2, -1);
    const names = [
      ...map.places.map((p) => labelBox(p.name, p.label)),
      labelBox('1,084 km border', { ...map.border.label, anchor: 'middle' }),
      ...map.countries.map((c) => labelBox(c.name, { ...c.label, anchor: 'middle' }, 18)),
    ];
    for (const box of boxes) {
      expect(box.x + box.width).toBeLessThanOrEqual(map.width);
      for (const name of names) expect(overlaps(box, name)).toBe(false);
    }
  });

  it("puts Kyiv's name left of its dot, Minsk's right of it", () => {
    const [m, k] = map.places;
    expect(m!.label).toMatchObject({ anchor: 'start', x: m!.x + 10 });
    expect(k!.label).toMatchObject({ anchor: 'end', x: k!.x - 10 });
  });
});

describe('describeRegionMap', () => {
  it('says where each neighbour lies, what is marked, and both distances to Kyiv', () => {
    const text = describeRegionMap(map, '1,084', '200');
    expect(text).toContain('Ukraine to the south');
    expect(text).toContain('Russia to the east');
    expect(text).toMatch(/Poland to the (south-)?west/);
    expect(text).toMatch(/Lithuania to the north(-west)?/);
    expect(text).toContain('1,084-km Belarus–Ukraine border');
    expect(text).toContain('the distance claimed, 200 km, and the distance measured along it, about 91 km');
  });
});

describe('map.project', () => {
  it('places a point on the map, or nowhere when it lies outside the picture', () => {
    expect(map.project(kyiv.coordinates)).toEqual({ x: map.places[1]!.x, y: map.places[1]!.y });
    expect(map.project([-77.0369, 38.9072])).toBeUndefined(); // Washington
    expect(map.project([19.1451, 51.9194])).toBeUndefined(); // the middle of Poland, west of the picture
  });
});

describe('viewCentredOn', () => {
  const size = { width: 300, height: 240 };

  it('puts a point inside the map at the middle of the window', () => {
    expect(viewCentredOn(map, { x: 282.4, y: 384.6 }, size)).toEqual({ x: 132.4, y: 264.6, width: 300, height: 240 });
  });

  it('near an edge, moves the window just enough to stay on the map, keeping the point in view', () => {
    for (const at of [{ x: 10, y: 10 }, { x: map.width - 5, y: 300 }, { x: 300, y: map.height }]) {
      const view = viewCentredOn(map, at, size);
      expect(contains({ x: 0, y: 0, width: map.width, height: map.height }, view)).toBe(true);
      expect(contains(view, { ...at, width: 0, height: 0 })).toBe(true);
    }
    expect(viewCentredOn(map, { x: 10, y: 300 }, size)).toMatchObject({ x: 0, y: 180 });
    expect(viewCentredOn(map, { x: map.width - 5, y: 300 }, size)).toMatchObject({ x: map.width - 300 });
  });
});

describe('placeMap', () => {
  const place = (name: string, kind: PlaceOnMap['kind'], country: string, coordinates: [number, number]): PlaceOnMap => ({ name, kind, country, coordinates });
  const kyivMap = placeMap(map, place('Kyiv', 'city', 'Ukraine', kyiv.coordinates))!;

  it('centres a window of the region map on the place and highlights its country', () => {
    expect(kyivMap.view).toEqual(viewCentredOn(map, map.project(kyiv.coordinates)!, PLACE_VIEW));
    expect(kyivMap.at).toEqual(map.project(kyiv.coordinates));
    expect(kyivMap.view.x + kyivMap.view.width / 2).toBeCloseTo(kyivMap.at.x, 5);
    expect(kyivMap.view.y + kyivMap.view.height / 2).toBeCloseTo(kyivMap.at.y, 5);
    expect(kyivMap.focus).toBe('Ukraine');
    expect(kyivMap.label).toMatchObject({ anchor: 'start', x: kyivMap.at.x + 10 });
  });

  it('has no map for a place outside the region map', () => {
    expect(placeMap(map, place('Washington', 'city', 'United States', [-77.0369, 38.9072]))).toBeUndefined();
  });

  it('highlights nothing for a country the map does not draw', () => {
    expect(placeMap(map, place('Somewhere', 'city', 'Moldova', [28.86, 47.01]))!.focus).toBeUndefined();
  });

  const cases = [
    place('Minsk', 'city', 'Belarus', minsk.coordinates),
    kyivMap.place,
    place('Belarus', 'country', 'Belarus', [27.9534, 53.7098]),
    place('Latvia', 'country', 'Latvia', [24.6032, 56.8796]),
    place('Luhansk', 'region', 'Ukraine', [39.3078, 48.574]),
    place('Crimea', 'region', 'Ukraine', [34.1, 45.3]),
    place('Moscow', 'city', 'Russia', [37.6173, 55.7558]),
  ];

  it('keeps every name inside the window and clear of the others and the scale bar, even near the edge', () => {
    for (const p of cases) {
      const m = placeMap(map, p)!;
      const own = labelBox(p.name, m.label);
      expect(contains(m.view, own), p.name).toBe(true);
      const scale = { x: m.scale.x, y: m.scale.y - 32, width: m.scale.width, height: 32 };
      expect(contains(m.view, scale), p.name).toBe(true);
      expect(overlaps(own, scale), p.name).toBe(false);
      for (const c of m.countries) {
        const box = labelBox(c.name, { ...c.label, anchor: 'middle' }, 18);
        expect(contains(m.view, box), `${p.name}: ${c.name}`).toBe(true);
        expect(overlaps(own, box), `${p.name}: ${c.name}`).toBe(false);
      }
    }
  });

  it("names a country once: its own map shows its name at the place's point, not again as a neighbour", () => {
    const m = placeMap(map, cases[2]!)!;
    expect(m.focus).toBe('Belarus');
    expect(m.label.anchor).toBe('middle');
    expect(m.countries.map((c) => c.name)).not.toContain('Belarus');
  });

  it('names the neighbours in view with their direction from the place', () => {
    const m = placeMap(map, cases[0]!)!; // Minsk
    expect(m.countries.find((c) => c.name === 'Belarus')?.direction).toBe('south');
  });
});

describe('describePlaceMap', () => {
  it('says what is at the centre, how it is marked, what is highlighted and the scale', () => {
    const m = placeMap(map, { name: 'Kyiv', kind: 'city', country: 'Ukraine', coordinates: kyiv.coordinates })!;
    expect(describePlaceMap(m)).toMatch(/^Map centred on Kyiv, a city in Ukraine, marked with a dot; Ukraine is highlighted\./);
    // Kyiv is in Ukraine: the description does not put Ukraine to one side of it.
    expect(describePlaceMap(m)).not.toMatch(/Ukraine to the/);
    expect(describePlaceMap(m)).toMatch(/It shows about (7|8|9)\d0 km from west to east; a scale bar shows 200 km\.$/);
  });

  it('says "around" when the edge of the map keeps the place off-centre, and names a country without repeating it', () => {
    const m = placeMap(map, { name: 'Latvia', kind: 'country', country: 'Latvia', coordinates: [24.6032, 56.8796] })!;
    expect(describePlaceMap(m)).toMatch(/^Map around Latvia, which is highlighted\./);
  });

  it('lists the neighbours it names', () => {
    const m = placeMap(map, { name: 'Minsk', kind: 'city', country: 'Belarus', coordinates: minsk.coordinates })!;
    expect(describePlaceMap(m)).toContain('Also named: Lithuania to the north-west.');
  });
});

describe('kilometresIn', () => {
  it('reads the distance a quotation prints', () => {
    expect(kilometresIn('helped to secure the 1,084-kilometer-long border (approximately 674 miles)')).toBe('1,084');
    expect(kilometresIn('It is 200 kilometres [approximately 124 miles] from the Belarusian border to Kyiv.')).toBe('200');
    expect(kilometresIn('a 1,084-km border')).toBe('1,084');
    expect(kilometresIn('Half an hour by plane.')).toBeUndefined();
  });
});

describe('CompactPath', () => {
  it('writes integer relative coordinates that trace the same points', () => {
    const p = new CompactPath();
    p.moveTo(10.4, 20.6);
    p.lineTo(15, 18);
    p.lineTo(15.2, 18.1); // rounds to the same point: dropped
    p.lineTo(12, 25);
    p.closePath();
    p.moveTo(40, 40);
    p.lineTo(41, 39);
    expect(p.toString()).toBe('M10 21l5-3-3 7zm30 19 1-1');
    expect(points(p.toString())).toEqual([[10, 21], [15, 18], [12, 25], [40, 40], [41, 39]]);
  });
});
