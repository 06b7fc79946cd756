import { z } from 'astro/zod';
import { calendarDay, slugLike, type RefFn, text, strictEntry, formerIds } from './common';

export const explainerSchema = (ref: RefFn) =>
  strictEntry({
      formerIds,
    title: text().describe('The headline.'),
    /** One paragraph in our words, shown at the top of the page and in lists. */
    summary: text().describe('One paragraph in our words, shown at the top of the page and in lists.'),
    /** Last substantive update, YYYY-MM-DD. */
    updated: calendarDay.describe('Last substantive update, YYYY-MM-DD.'),
    actors: z.array(ref('actors')).default([]).describe('The actors the explainer is mainly about.'),
    topics: z.array(slugLike).default([]).describe('Topic tags, e.g. "minsk-agreements".'),
    /** Position in the suggested reading order, 1 first. */
    order: z
      .number()
      .int()
      .min(1, { error: 'expected a whole number from 1' })
      .describe('Position in the suggested reading order, 1 first.'),
    /** Shown at the end of the explainer, in its structured data and in the feed. */
    corrections: z
      .array(
        strictEntry({
          date: calendarDay.describe('When the correction was made, YYYY-MM-DD.'),
          was: text().describe('What the explainer said that was wrong or unsupported, in brief.'),
          now: text().describe('What it says now, and why.'),
        }),
      )
      .default([])
      .describe('Dated corrections, newest last: what was wrong and what the explainer says now.'),
  });

export type ExplainerData = z.output<ReturnType<typeof explainerSchema>>;
