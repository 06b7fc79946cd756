import { z } from 'astro/zod';
import { datedFields, knownUrl, precisionMatchesDate } from './common';

export const referenceKinds = ['agreement', 'resolution', 'statement', 'treaty', 'other'] as const;

/** A primary document (agreement text, UN resolution) cited for widely documented background. */
export const referenceSchema = z
  .object({
    title: z.string().min(1),
    /** Who issued or signed it. */
    issuer: z.string().min(1),
    ...datedFields,
    kind: z.enum(referenceKinds, { error: `expected one of: ${referenceKinds.join(', ')}` }),
    /** Only when certain; never guessed. */
    url: knownUrl.optional(),
    description: z.string().min(1),
  })
  .superRefine(precisionMatchesDate);

export type ReferenceData = z.output<typeof referenceSchema>;
