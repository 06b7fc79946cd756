import { z } from 'astro/zod';
import { partialDate, slugLike, type RefFn } from './common';

export const explainerSchema = (ref: RefFn) =>
  z.object({
    title: z.string().min(1).describe('The headline.'),
    /** One paragraph in our words, shown at the top of the page and in lists. */
    summary: z.string().min(1).describe('One paragraph in our words, shown at the top of the page and in lists.'),
    /** Last substantive update, YYYY-MM-DD. */
    updated: partialDate
      .refine((d) => d.length === 10, { error: 'expected a full day, YYYY-MM-DD' })
      .describe('Last substantive update, YYYY-MM-DD.'),
    actors: z.array(ref('actors')).default([]).describe('The actors the explainer is mainly about.'),
    topics: z.array(slugLike).default([]).describe('Topic tags, e.g. "minsk-agreements".'),
    /** Position in the suggested reading order, 1 first. */
    order: z
      .number()
      .int()
      .min(1, { error: 'expected a whole number from 1' })
      .describe('Position in the suggested reading order, 1 first.'),
  });

export type ExplainerData = z.output<ReturnType<typeof explainerSchema>>;
