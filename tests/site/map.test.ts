import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import {
  buildRegionMap, kilometresIn, nearestPointOnLine, sharedBorder, viewCentredOn, type CountriesTopology, type MapPoint,
} from '../../src/features/map/map';
import type { PlaceData, SourceData } from '../../src/content/schemas';
import { siteInBrowser } from '../helpers/browser';
import { root } from '../helpers/build';
import { page } from '../helpers/dist';

/** Over the real site as `npm run build` left it in dist/. */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const places = entries.filter((e) => e.collection === 'places') as unknown as Array<{ id: string; data: PlaceData }>;
const place = (id: string) => places.find((p) => p.id === id)!.data;
const point = (id: string): MapPoint => ({ name: place(id).name, coordinates: place(id).coordinates! });
const quote = (source: string, id: string) =>
  (entries.find((e) => e.collection === 'sources' && e.id === source)!.data as SourceData).quotes.find((q) => q.id === id)!;
const topology = JSON.parse(readFileSync(join(root, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as CountriesTopology;
const site = siteInBrowser(dist);

/** The region map, as opposed to a place's small map (which shares its styles). */
const REGION = 'figure.region-map:not(.place-map)';
const explainersWithMap = ['explainers/belarus-situational-neutrality/index.html', 'explainers/the-2025-offer/index.html'];

describe('the region map', () => {
  it('appears in the explainers that discuss the border and the distance', () => {
    for (const file of explainersWithMap) expect(page(dist, file)(REGION).length, file).toBe(1);
  });

  it('draws the six countries, the highlighted border, Minsk and Kyiv, with the shapes from one cached file', () => {
    const $ = page(dist, explainersWithMap[1]!);
    const svg = $(`${REGION} svg`);
    const shapes = svg.find('use').map((_, u) => $(u).attr('href')!.split('#')[1]).get();
    expect(shapes).toEqual(['land', 'country-belarus', 'country-ukraine', 'country-russia', 'country-poland', 'country-lithuania', 'country-latvia', 'border']);
    expect(svg.find('use.border').length).toBe(1);
    expect(svg.find('.city text').map((_, t) => $(t).text()).get()).toEqual(['Minsk', 'Kyiv']);
    expect(svg.find('.border-label').text()).toBe(`${kilometresIn(quote('belarus-offers-to-host-peace-talks', 'border-1084-km').text)} km border`);
    const file = readFileSync(join(dist, 'maps/region.svg'), 'utf8');
    for (const id of shapes) expect(file).toContain(`id="${id}"`);
  });

  it('labels the line to Kyiv with the distance claimed and the distance measured, not the claim alone', () => {
    // Claimed: the figure in the quotation the map cites. Measured: from Kyiv's coordinates in
    // content/places/kyiv.yaml to the nearest point of the Belarus–Ukraine border in Natural Earth.
    const claimed = kilometresIn(quote('belarus-offers-to-host-peace-talks', '200-kilometres').text);
    const measured = Math.round(nearestPointOnLine(sharedBorder(topology, 'Belarus', 'Ukraine'), place('kyiv').coordinates!).km);
    expect(claimed).toBe('200');
    expect(measured).toBe(91);
    for (const file of explainersWithMap) {
      const $ = page(dist, file);
      const label = $(`${REGION} .distance-label`);
      expect(label.find('tspan').map((_, t) => $(t).text()).get(), file).toEqual([`claimed ${claimed} km`, `measured ≈ ${measured} km`]);
      const caption = $(`${REGION} figcaption p`).first().text();
      expect(caption).toContain(`${claimed} km`);
      expect(caption).toContain(`about ${measured} km`);
    }
  });

  it('has a caption of two sentences that credits the quotations, and says the rest in the SVG’s accessible description', () => {
    const $ = page(dist, explainersWithMap[1]!);
    const svg = $(`${REGION} svg`);
    expect(svg.attr('role')).toBe('img');
    expect($(`#${svg.attr('aria-labelledby')}`).is(`${REGION} svg > title`)).toBe(true);
    const desc = $(`#${svg.attr('aria-describedby')}`);
    expect(desc.is(`${REGION} svg > desc`)).toBe(true);
    expect(desc.text()).toMatch(/Ukraine to the south.*Minsk is marked.*1,084-km Belarus–Ukraine border.*claimed, 200 km.*measured along it, about 91 km/s);

    const caption = $(`${REGION} figcaption p`).first();
    const sentences = caption.text().replace(/\s+/g, ' ').trim().split(/(?<=\.)\s+(?=[A-Z])/);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(caption.text().length).toBeLessThan(400);
    const links = caption.find('a').map((_, a) => $(a).attr('href')).get();
    expect(links).toContain('/sources/belarus-offers-to-host-peace-talks/#quote-border-1084-km');
    expect(links).toContain('/sources/belarus-offers-to-host-peace-talks/#quote-200-kilometres');
    expect(caption.text()).toMatch(/Yauheni Preiherman/);
    expect(caption.text()).toMatch(/Alexander Lukashenko/);
  });
});

describe('a place page’s map', () => {
  const map = buildRegionMap({ topology, minsk: point('minsk'), kyiv: point('kyiv') });
  const onMap = places.filter((p) => p.data.coordinates && map.project(p.data.coordinates));

  it('is on the page of every place the region map covers, and only there', () => {
    expect(onMap.map((p) => p.id)).toEqual(expect.arrayContaining(['belarus', 'ukraine', 'minsk', 'kyiv', 'crimea', 'moscow']));
    for (const p of places) {
      const $ = page(dist, `places/${p.id}/index.html`);
      expect($('figure.place-map').length, p.id).toBe(onMap.includes(p) ? 1 : 0);
      expect($(REGION).length, p.id).toBe(0);
    }
    expect(onMap.map((p) => p.id)).not.toContain('washington');
  });

  it('is centred on the place, with its country highlighted and its name on the map', () => {
    for (const { id, data } of onMap) {
      const $ = page(dist, `places/${id}/index.html`);
      const svg = $('figure.place-map svg');
      const at = map.project(data.coordinates!)!;
      const view = viewCentredOn(map, at);
      expect(svg.attr('viewBox'), id).toBe(`${view.x} ${view.y} ${view.width} ${view.height}`);
      const [x, y, w, h] = svg.attr('viewBox')!.split(' ').map(Number) as [number, number, number, number];
      // At the middle of the window, or as near it as the map's edge allows.
      if (x > 0 && x + w < map.width) expect(x + w / 2, id).toBeCloseTo(at.x, 1);
      if (y > 0 && y + h < map.height) expect(y + h / 2, id).toBeCloseTo(at.y, 1);
      expect(svg.find('.labels text').map((_, t) => $(t).text()).get(), id).toContain(data.name);
      if (data.kind === 'city') expect(svg.find('.place circle').attr('cx'), id).toBe(String(at.x));
      const focus = svg.find('use.focus').map((_, u) => $(u).attr('href')!.split('#')[1]).get();
      expect(focus, id).toEqual([`country-${data.country.toLowerCase()}`]);
    }
  });

  it('has an accessible name and description, and a one-line caption', () => {
    for (const { id, data } of onMap) {
      const $ = page(dist, `places/${id}/index.html`);
      const svg = $('figure.place-map svg');
      expect(svg.attr('role')).toBe('img');
      expect($(`#${svg.attr('aria-labelledby')}`).text(), id).toBe(`Map: where ${data.name} is`);
      const desc = $(`#${svg.attr('aria-describedby')}`);
      expect(desc.is('figure.place-map svg > desc'), id).toBe(true);
      expect(desc.text(), id).toMatch(new RegExp(`^Map (centred on|around) ${data.name}\\b.*a scale bar shows 200 km\\.$`));
      expect($('figure.place-map figcaption p').first().text(), id).toMatch(new RegExp(`^Where ${data.name} is\\b[^.]*\\.$`));
    }
    expect(page(dist, 'places/kyiv/index.html')('#place-map-desc').text()).toMatch(/^Map centred on Kyiv, a city in Ukraine, marked with a dot; Ukraine is highlighted\. Also named: Belarus to the north/);
  });
});

describe('the maps', () => {
  it('ship no JavaScript of their own', () => {
    // Each page with a map loads the scripts of a page of its kind without one, and no more.
    const pairs = [['places/kyiv/index.html', 'places/washington/index.html'], [explainersWithMap[1]!, 'explainers/the-minsk-agreements/index.html']];
    for (const [file, without] of pairs) {
      const $ = page(dist, file!);
      const scripts = $('script:not([type="application/ld+json"])').map((_, s) => $(s).text()).get();
      expect(scripts.every((s) => !/region-map|place-map|svg/i.test(s)), file).toBe(true);
      const expected = new Set(page(dist, without!)('script[src]').map((_, s) => $(s).attr('src')).get());
      expect($('script[src]').map((_, s) => $(s).attr('src')).get().filter((src) => !expected.has(src)), file).toEqual([]);
    }
  });

  it('print dark on white even when the screen theme is dark', async () => {
    const tab = await site.browser.newPage({ colorScheme: 'dark' });
    try {
      for (const path of ['places/kyiv/', 'explainers/the-2025-offer/']) {
        await tab.goto(`${site.server.url}${path}`);
        await tab.emulateMedia({ media: 'print' });
        const colours = await tab.evaluate(() => ({
          page: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(document.querySelector('.region-map .city text')!).fill,
          land: getComputedStyle(document.querySelector('.region-map .land')!).fill,
        }));
        expect(colours, path).toEqual({ page: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', land: 'rgb(255, 255, 255)' });
        await tab.emulateMedia({ media: 'screen' });
      }
    } finally {
      await tab.close();
    }
  });
});
