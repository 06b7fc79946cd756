import { z } from 'astro/zod';
import { text, strictEntry, formerIds } from './common';

export const actorKinds = ['person', 'organization', 'state'] as const;

export const actorSchema = strictEntry({
      formerIds,
  /** The one canonical English form (EDITORIAL.md, "Names"). */
  name: text().describe('The one canonical English form, e.g. "Alexander Lukashenko".'),
  /** Every other spelling a reader might type; search finds the actor by any of them. */
  aliases: z
    .array(text())
    .default([])
    .describe('Every other spelling a reader might type (transliterations, variants); search finds the actor by any of them.'),
  kind: z
    .enum(actorKinds, { error: `expected one of: ${actorKinds.join(', ')}` })
    .default('person')
    .describe('Whether the actor is a person, an organization or a state.'),
  role: text().describe('Role at the time the sources describe, e.g. "President of Belarus".'),
  country: text().describe('Country the actor belongs to or represents.'),
  description: text().describe('One or two sentences in our words.'),
});

export type ActorData = z.output<typeof actorSchema>;
