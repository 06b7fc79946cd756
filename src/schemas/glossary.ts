import { z } from 'astro/zod';
import type { RefFn } from './common';

export const glossarySchema = (ref: RefFn) =>
  z
    .object({
      term: z.string().min(1).describe('The term as readers meet it, e.g. "Good offices".'),
      aliases: z.array(z.string().min(1)).default([]).describe('Other names and spellings; search finds the term by any of them.'),
      /** In our words. */
      definition: z.string().min(1).describe('In our words.'),
      sources: z
        .array(ref('sources'))
        .default([])
        .describe('Sources that support the definition; a term needs at least one source or reference.'),
      references: z.array(ref('references')).default([]).describe('Primary documents that support the definition.'),
    })
    .superRefine((term, ctx) => {
      if (term.sources.length === 0 && term.references.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources'],
          message: 'a glossary term needs at least one entry in sources or references that supports it',
        });
      }
    });

export type GlossaryData = z.output<ReturnType<typeof glossarySchema>>;
