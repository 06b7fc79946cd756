import { z } from 'astro/zod';

export const actorKinds = ['person', 'organization', 'state'] as const;

export const actorSchema = z.object({
  /** The one canonical English form (EDITORIAL.md, "Names"). */
  name: z.string().min(1).describe('The one canonical English form, e.g. "Alexander Lukashenko".'),
  /** Every other spelling a reader might type; search finds the actor by any of them. */
  aliases: z
    .array(z.string().min(1))
    .default([])
    .describe('Every other spelling a reader might type (transliterations, variants); search finds the actor by any of them.'),
  kind: z
    .enum(actorKinds, { error: `expected one of: ${actorKinds.join(', ')}` })
    .default('person')
    .describe('Whether the actor is a person, an organization or a state.'),
  role: z.string().min(1).describe('Role at the time the sources describe, e.g. "President of Belarus".'),
  country: z.string().min(1).describe('Country the actor belongs to or represents.'),
  description: z.string().min(1).describe('One or two sentences in our words.'),
});

export type ActorData = z.output<typeof actorSchema>;
