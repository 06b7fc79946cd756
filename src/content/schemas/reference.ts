import { z } from 'astro/zod';
import { datedFields, knownUrl, precisionMatchesDate, text, strictEntry, formerIds } from './common';

export const referenceKinds = ['agreement', 'resolution', 'statement', 'treaty', 'other'] as const;

/** A primary document (agreement text, UN resolution) cited for widely documented background. */
export const referenceSchema = strictEntry({
      formerIds,
    title: text().describe('The document\'s title, e.g. "Package of Measures for the Implementation of the Minsk Agreements".'),
    /** Who issued or signed it. */
    issuer: text().describe('Who issued or signed it.'),
    ...datedFields,
    kind: z
      .enum(referenceKinds, { error: `expected one of: ${referenceKinds.join(', ')}` })
      .describe('What kind of document it is.'),
    /** Only when certain; never guessed. */
    url: knownUrl.optional().describe('Address of the text, only when certain; never guessed.'),
    description: text().describe('What the document is and does, in our words.'),
  })
  .superRefine(precisionMatchesDate);

export type ReferenceData = z.output<typeof referenceSchema>;
