import { z } from 'astro/zod';
import { text, strictEntry, formerIds } from './common';

export const placeKinds = ['city', 'country', 'region'] as const;

export const placeSchema = strictEntry({
      formerIds,
  /** The one canonical English form (EDITORIAL.md, "Names"). */
  name: text().describe('The one canonical English form, e.g. "Kyiv".'),
  aliases: z.array(text()).default([]).describe('Other spellings, e.g. "Kiev"; search finds the place by any of them.'),
  kind: z.enum(placeKinds, { error: `expected one of: ${placeKinds.join(', ')}` }).describe('City, country or region.'),
  country: text().describe('The country it is in.'),
  /** [longitude, latitude] in degrees, for the map. */
  coordinates: z
    .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
    .optional()
    .describe('[longitude, latitude] in degrees, for the map.'),
  description: text().describe('One or two sentences in our words.'),
});

export type PlaceData = z.output<typeof placeSchema>;
