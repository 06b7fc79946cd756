import { z } from 'astro/zod';
import { datedFields, precisionMatchesDate, type RefFn, text, strictEntry, formerIds } from './common';

export const eventSchema = (ref: RefFn) =>
  strictEntry({
      formerIds,
      title: text().describe('What happened, in a few words.'),
      ...datedFields,
      place: ref('places').optional().describe('Where it happened.'),
      actors: z.array(ref('actors')).default([]).describe('Who took part.'),
      sources: z
        .array(ref('sources'))
        .default([])
        .describe('Sources that report it; an event needs at least one source or reference.'),
      /** Primary documents, for background facts no source states. */
      references: z
        .array(ref('references'))
        .default([])
        .describe('Primary documents, for background facts no source states.'),
      /** One line in our words. */
      description: text().describe('One line in our words.'),
    })
    .superRefine((event, ctx) => {
      precisionMatchesDate(event, ctx);
      if (event.sources.length === 0 && event.references.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources'],
          message: 'an event needs at least one entry in sources or references that supports it',
        });
      }
    });

export type EventData = z.output<ReturnType<typeof eventSchema>>;
