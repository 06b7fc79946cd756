import { z } from 'astro/zod';
import { knownUrl } from './common';

export const outletKinds = [
  'state news agency',
  'think-tank journal',
  'independent digest',
  'news site',
  'unknown',
] as const;

export const outletSchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(outletKinds, { error: `expected one of: ${outletKinds.join(', ')}` }),
    /** Where the outlet is based; "unknown" when the text does not say. */
    country: z.string().min(1).default('unknown'),
    url: knownUrl.optional(),
    description: z.string().min(1),
    /** What in the text identifies the outlet, or shows that it cannot be identified. */
    evidence: z.string().min(1).optional(),
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
