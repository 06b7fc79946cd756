import { z } from 'astro/zod';
import { text, type RefFn, strictEntry, formerIds } from './common';

/** "Package of Measures (Minsk II)" is written "Package of Measures" in prose: the term without a closing bracket. */
export const bareTerm = (term: string): string => term.replace(/\s*\([^)]*\)\s*$/, '');

export const glossarySchema = (ref: RefFn) =>
  strictEntry({
      formerIds,
      term: text().describe('The term as readers meet it, e.g. "Good offices".'),
      aliases: z.array(text()).default([]).describe('Other names and spellings; search finds the term by any of them.'),
      /** In our words. */
      definition: text().describe('In our words.'),
      sources: z
        .array(ref('sources'))
        .default([])
        .describe('Sources that support the definition; a term needs at least one source or reference.'),
      references: z.array(ref('references')).default([]).describe('Primary documents that support the definition.'),
    })
    .superRefine((term, ctx) => {
      // Prose is linked to the bare term; a term that is all bracket ("(see note)") would match everywhere.
      if (!/[\p{L}\p{N}]/u.test(bareTerm(term.term))) {
        ctx.addIssue({
          code: 'custom',
          path: ['term'],
          message: `the term "${term.term}" has no words outside its closing brackets; write the term itself, e.g. "Package of Measures (Minsk II)"`,
        });
      }
      if (term.sources.length === 0 && term.references.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources'],
          message: 'a glossary term needs at least one entry in sources or references that supports it',
        });
      }
    });

export type GlossaryData = z.output<ReturnType<typeof glossarySchema>>;
