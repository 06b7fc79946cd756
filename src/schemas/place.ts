import { z } from 'astro/zod';

export const placeKinds = ['city', 'country', 'region'] as const;

export const placeSchema = z.object({
  /** The one canonical English form (EDITORIAL.md, "Names"). */
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(placeKinds, { error: `expected one of: ${placeKinds.join(', ')}` }),
  country: z.string().min(1),
  /** [longitude, latitude] in degrees, for the map. */
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
  description: z.string().min(1),
});

export type PlaceData = z.output<typeof placeSchema>;
