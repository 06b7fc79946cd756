import { z } from 'astro/zod';

export const actorKinds = ['person', 'organization', 'state'] as const;

export const actorSchema = z.object({
  /** The one canonical English form (EDITORIAL.md, "Names"). */
  name: z.string().min(1),
  /** Every other spelling a reader might type; search finds the actor by any of them. */
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(actorKinds, { error: `expected one of: ${actorKinds.join(', ')}` }).default('person'),
  role: z.string().min(1),
  country: z.string().min(1),
  description: z.string().min(1),
});

export type ActorData = z.output<typeof actorSchema>;
