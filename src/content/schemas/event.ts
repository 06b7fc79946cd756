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
      /** The few events the explainers treat as turning points: heavier in the timeline, marked in its graphic. */
      turningPoint: z
        .boolean({ error: 'expected true or false' })
        .optional()
        .meta({ title: 'true or false' })
        .describe(
          'true for one of the few events the explainers treat as a turning point (Minsk II, the February 2022 invasion): the timeline gives it more weight and marks it in the graphic of the three phases.',
        ),
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
