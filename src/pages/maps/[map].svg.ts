import type { APIRoute, GetStaticPaths } from 'astro';
import { getRegionMap, regionMapDrawable } from '../../site/region-map';
import { regionShapeId } from '../../features/map/map';

/**
 * The region map's shapes as one cacheable SVG file. Pages draw them with <use href="…#id">, so
 * the few kilobytes of outlines are downloaded once, not inlined in every page that shows the
 * map. The paths carry no colours: each <use> in the page styles them from the theme.
 * Built as maps/region.svg when the content has the places the map marks.
 */
export const getStaticPaths = (async () => ((await regionMapDrawable()) ? [{ params: { map: 'region' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { map } = await getRegionMap();
  const paths = [
    ['land', map.land],
    ...map.countries.map((c) => [regionShapeId(c.name), c.path]),
    ['border', map.border.path],
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}">${paths.map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('')}</svg>`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
