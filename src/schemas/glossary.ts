import { z } from 'astro/zod';
import type { RefFn } from './common';

export const glossarySchema = (ref: RefFn) =>
  z
    .object({
      term: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      /** In our words. */
      definition: z.string().min(1),
      sources: z.array(ref('sources')).default([]),
      references: z.array(ref('references')).default([]),
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
