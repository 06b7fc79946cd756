import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CompactPath, buildRegionMap, describeRegionMap, direction, distanceKm, kilometresIn, nearestPointOnLine,
  sharedBorder, type CountriesTopology,
} from '../../src/lib/map';
import { root } from '../helpers/build';

const topology = JSON.parse(readFileSync(join(root, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as CountriesTopology;
const minsk = { name: 'Minsk', coordinates: [27.5615, 53.9045] as [number, number] };
const kyiv = { name: 'Kyiv', coordinates: [30.5234, 50.4501] as [number, number] };
const map = buildRegionMap({ topology, minsk, kyiv });
/** Where a point falls on the map: the map marks Minsk and Kyiv, so place a point by building a map with it as "Kyiv". */
function projectOnMap(lon: number, lat: number): [number, number] {
  const p = buildRegionMap({ topology, minsk, kyiv: { name: 'x', coordinates: [lon, lat] } }).places[1]!;
  return [p.x, p.y];
}

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

describe('describeRegionMap', () => {
  it('says where each neighbour lies and what is marked', () => {
    const text = describeRegionMap(map, '1,084');
    expect(text).toContain('Ukraine to the south');
    expect(text).toContain('Russia to the east');
    expect(text).toMatch(/Poland to the (south-)?west/);
    expect(text).toMatch(/Lithuania to the north(-west)?/);
    expect(text).toContain('1,084-km Belarus–Ukraine border');
    expect(text).toMatch(/shortest straight line from it to Kyiv on this map, about (8|9|10)\d km/);
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
