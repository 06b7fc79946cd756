import { z } from 'astro/zod';

export const placeKinds = ['city', 'country', 'region'] as const;

export const placeSchema = z.object({
  /** The one canonical English form (EDITORIAL.md, "Names"). */
  name: z.string().min(1).describe('The one canonical English form, e.g. "Kyiv".'),
  aliases: z.array(z.string().min(1)).default([]).describe('Other spellings, e.g. "Kiev"; search finds the place by any of them.'),
  kind: z.enum(placeKinds, { error: `expected one of: ${placeKinds.join(', ')}` }).describe('City, country or region.'),
  country: z.string().min(1).describe('The country it is in.'),
  /** [longitude, latitude] in degrees, for the map. */
  coordinates: z
    .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
    .optional()
    .describe('[longitude, latitude] in degrees, for the map.'),
  description: z.string().min(1).describe('One or two sentences in our words.'),
});

export type PlaceData = z.output<typeof placeSchema>;
