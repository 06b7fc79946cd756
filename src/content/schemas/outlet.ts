import { z } from 'astro/zod';
import { knownUrl, text, strictEntry, formerIds } from './common';

export const outletKinds = [
  'state news agency',
  'think-tank journal',
  'independent digest',
  'news site',
  'unknown',
] as const;

export const outletSchema = strictEntry({
      formerIds,
    name: text().describe('The outlet as it names itself; for an unnamed publisher, say so, describe it for a reader, e.g. "Unattributed weekly digest on Belarus".'),
    kind: z
      .enum(outletKinds, { error: `expected one of: ${outletKinds.join(', ')}` })
      .describe('What kind of outlet it is; "unknown" when the text does not name its publisher.'),
    /** Where the outlet is based; "unknown" when the text does not say. */
    country: text().default('unknown').describe('Where the outlet is based; "unknown" when the text does not say.'),
    url: knownUrl.optional().describe('Home page, only when certain.'),
    description: text().describe('One or two sentences in our words.'),
    /** What in the text identifies the outlet, or shows that it cannot be identified. */
    evidence: z
      .string()
      .min(1)
      .optional()
      .describe('What in the text identifies the outlet, or shows that it cannot be identified; required when kind is "unknown".'),
  })
  .superRefine((outlet, ctx) => {
    if (outlet.kind === 'unknown' && !outlet.evidence) {
      ctx.addIssue({
        code: 'custom',
        path: ['evidence'],
        message: 'an unknown outlet needs evidence: what in the text shows the publisher cannot be named',
      });
    }
  });

export type OutletData = z.output<typeof outletSchema>;
