import { z } from 'astro/zod';
import { datedFields, knownUrl, precisionMatchesDate, slugLike, type RefFn, text, strictEntry, formerIds } from './common';

export const sourceKinds = [
  'news report',
  'analysis',
  'weekly digest',
  'interview',
  'aggregator',
  'opinion',
  'official statement',
] as const;

/** Reliability flags a careful reader should know about (EDITORIAL.md, principle 5). */
export const provenanceFlags = [
  'outlet-unknown',
  'author-unknown',
  'date-not-printed',
  'unverifiable-experts',
  'internal-inconsistency',
  'machine-like-rewriting',
  'states-a-position',
  'republished',
  'second-hand-quotes',
  'typos',
] as const;

/** Each flag in plain words, as readers see it. */
export const provenanceFlagLabels: Record<(typeof provenanceFlags)[number], string> = {
  'outlet-unknown': 'publisher not named',
  'author-unknown': 'author not named',
  'date-not-printed': 'no date printed',
  'unverifiable-experts': 'experts who cannot be verified',
  'internal-inconsistency': 'contradicts itself',
  'machine-like-rewriting': 'reads as machine-rewritten',
  'states-a-position': 'argues a position',
  republished: 'a republished copy',
  'second-hand-quotes': 'quotes at second hand',
  typos: 'printing slips',
};

/** Flags that bear on how far to trust a source; stating a position is a stance, not a doubt. */
export const reliabilityFlags = provenanceFlags.filter((f) => f !== 'states-a-position');

export const quoteSchema = (ref: RefFn) =>
  strictEntry({
      formerIds,
    /** Stable id used by `<Quote source="…" id="…" />`; unique within the source. */
    id: slugLike.describe('Stable id used by <Quote source="…" id="…" />; unique within the source.'),
    speaker: ref('actors').describe('Who said it.'),
    /** Verbatim, with the source's own spelling and punctuation. */
    text: text().describe("Verbatim, with the source's own spelling and punctuation."),
    /** Where and when it was said, as the source reports it. */
    context: text().describe('Where and when it was said, as the source reports it.'),
    /** Printed slips kept verbatim in `text`; each is shown followed by [sic]. */
    sic: z
      .array(text())
      .default([])
      .describe('Printed slips inside the quotation, each exactly as it appears in text (e.g. "thay"); shown followed by [sic], the text itself stays verbatim.'),
  })
    .superRefine((quote, ctx) => {
      quote.sic.forEach((slip, index) => {
        if (!quote.text.includes(slip)) {
          ctx.addIssue({ code: 'custom', path: ['sic', index], message: `"${slip}" does not occur in the quotation's text; copy the slip exactly as printed` });
        }
      });
    });

export const sourceSchema = (ref: RefFn) =>
  strictEntry({
      title: text().describe('The headline as printed; if there is none, say what stands as the title.'),
      /** An outlet the text does not name is an explicit "unknown" outlet entry, never a guess. */
      outlet: ref('outlets').describe('Who published it; a publisher the text does not name is an outlet entry of kind "unknown", never a guess.'),
      authors: z.array(text()).optional().describe('Authors as printed; leave out when not named.'),
      ...datedFields,
      kind: z.enum(sourceKinds, { error: `expected one of: ${sourceKinds.join(', ')}` }).describe('What kind of text it is.'),
      /** BCP 47 language tag of the text we hold, e.g. "en". */
      language: z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'expected a language tag such as "en"' })
        .describe('Language of the text we hold, as a BCP 47 tag such as "en".'),
      /** Only when known for certain. */
      url: knownUrl.optional().describe('Only when known for certain; never guessed.'),
      /** One or two sentences in our words, shown in lists and search results. */
      summary: text().describe('One or two sentences in our words, shown in lists and search results.'),
      actors: z.array(ref('actors')).default([]).describe('Actors the source mentions or quotes.'),
      topics: z.array(slugLike).default([]).describe('Topic tags, e.g. "minsk-agreements".'),
      quotes: z.array(quoteSchema(ref)).default([]).describe('Quotations the explainers may use, verbatim.'),
      provenance: z
        .array(
          strictEntry({
            flag: z
              .enum(provenanceFlags, { error: `expected one of: ${provenanceFlags.join(', ')}` })
              .describe('The kind of reliability problem.'),
            note: text().describe('What exactly, with the evidence in the text.'),
          }),
        )
        .default([])
        .describe('Reliability flags a careful reader should know about.'),
      /** The seed file this entry was curated from, if any. */
      seed: z.string().optional().describe('The seed file this entry was curated from, if any.'),
    })
    .superRefine((source, ctx) => {
      precisionMatchesDate(source, ctx);
      if (source.datePrecision !== 'day' && !source.dateNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateNote'],
          message: 'a date that is not printed to the day needs a dateNote giving the evidence for it',
        });
      }
      const seen = new Set<string>();
      source.quotes.forEach((quote, index) => {
        if (seen.has(quote.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['quotes', index, 'id'],
            message: `duplicate quote id "${quote.id}"; each quote in a source needs its own id`,
          });
        }
        seen.add(quote.id);
      });
    });

export type SourceData = z.output<ReturnType<typeof sourceSchema>>;
export type QuoteData = SourceData['quotes'][number];
