import { z } from 'astro/zod';
import { datedFields, knownUrl, precisionMatchesDate } from './common';

export const referenceKinds = ['agreement', 'resolution', 'statement', 'treaty', 'other'] as const;

/** A primary document (agreement text, UN resolution) cited for widely documented background. */
export const referenceSchema = z
  .object({
    title: z.string().min(1).describe('The document\'s title, e.g. "Package of Measures for the Implementation of the Minsk Agreements".'),
    /** Who issued or signed it. */
    issuer: z.string().min(1).describe('Who issued or signed it.'),
    ...datedFields,
    kind: z
      .enum(referenceKinds, { error: `expected one of: ${referenceKinds.join(', ')}` })
      .describe('What kind of document it is.'),
    /** Only when certain; never guessed. */
    url: knownUrl.optional().describe('Address of the text, only when certain; never guessed.'),
    description: z.string().min(1).describe('What the document is and does, in our words.'),
  })
  .superRefine(precisionMatchesDate);

export type ReferenceData = z.output<typeof referenceSchema>;
