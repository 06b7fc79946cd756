import { z } from 'astro/zod';

/**
 * Required text: after trimming and removing invisible format characters (zero-width spaces,
 * bidi marks) it must still hold a letter or digit, so a title of "\u200b" or a summary of
 * spaces is refused rather than published blank.
 */
export const text = () =>
  z
    .string({ error: 'expected text' })
    .refine((value) => /[\p{L}\p{N}]/u.test(value.replace(/\p{Cf}/gu, '')), {
      error: 'expected text with at least one letter or digit; blank or invisible text is not allowed',
    });

/**
 * An object that refuses fields it does not know: a misspelt field would otherwise vanish
 * silently, and a `slug` field would let one file take over another entry's id.
 */
export const strictEntry = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling against docs/content-reference.md${
            issue.keys.includes('slug') ? '; an entry\'s id is its file name, so there is no slug field' : ''
          }`
        : undefined,
  });

/** The collections an entry may point at. */
export const collectionNames = [
  'sources',
  'explainers',
  'actors',
  'outlets',
  'events',
  'glossary',
  'references',
  'places',
] as const;
export type CollectionName = (typeof collectionNames)[number];

/** What a cross-link becomes once parsed: Astro's `reference()` output. */
export interface EntryRef<C extends string = string> {
  collection: C;
  id: string;
}

/**
 * `reference()` from `astro:content` in the site; a stand-in of the same shape in unit tests.
 * Neither checks that the id exists: `src/content/checks/references.ts` does that across all collections.
 */
export type RefFn = <C extends CollectionName>(collection: C) => z.ZodType<EntryRef<C>, unknown>;

/** Same behaviour as Astro's `reference()` for ids given as strings; used by tests and scripts. */
export const plainReference: RefFn = <C extends CollectionName>(collection: C) =>
  z
    .string({ error: `expected the id of an entry in "${collection}" (a file name without extension)` })
    .min(1)
    .transform((id): EntryRef<C> => ({ collection, id }))
    // For the generated frontmatter reference and the scaffold: which collection the id names.
    .meta({ reference: collection, title: `id of an entry in content/${collection}/` }) as unknown as z.ZodType<EntryRef<C>, unknown>;

export const datePrecisions = ['day', 'month', 'year', 'approximate'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/**
 * A calendar date as YYYY, YYYY-MM or YYYY-MM-DD. YAML turns an unquoted 2025-03-19 into a Date:
 * accept that too and keep only the calendar day, so no time zone shifts it.
 */
export const partialDate = z.union(
  [
    z.date().transform((d) => d.toISOString().slice(0, 10)),
    z
      .string()
      .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
        error: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-03-19',
      }),
    z.number().int().min(1000).max(9999).transform(String),
  ],
  { error: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-03-19' },
)
  .refine(isCalendarDate, { error: 'expected a day that exists in the calendar (check the month and day)' })
  .meta({ title: 'YYYY-MM-DD, YYYY-MM or YYYY' });

/** False for "2025-02-30": the regex admits it, the calendar does not. */
export function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (d === undefined || m === undefined || y === undefined) return true;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/** A full calendar day, YYYY-MM-DD. */
export const calendarDay = partialDate
  .refine((d) => d.length === 10, { error: 'expected a full day, YYYY-MM-DD' })
  .meta({ title: 'YYYY-MM-DD' });

/**
 * A date and how much of it is known; `dateNote` gives the evidence whenever the date is not printed.
 * An imprecise date also carries the bounds its evidence sets (EDITORIAL.md, "Chronology follows
 * evidence"), and lists place it by them: "2025" with notBefore 2025-02-27 sorts after 27 February.
 */
export const datedFields = {
  date: partialDate.describe('As printed, or as far as the evidence goes.'),
  datePrecision: z
    .enum(datePrecisions, {
      error: `expected one of: ${datePrecisions.join(', ')}`,
    })
    .describe('How much of the date is known: day, month and year give its parts; approximate is an estimate.'),
  dateNote: text()
    .optional()
    .describe('The evidence for the date when it is not printed, e.g. "mentions 4 March 2025, so written after it".'),
  notBefore: calendarDay
    .optional()
    .describe('For an imprecise date: the earliest day the evidence allows, YYYY-MM-DD (e.g. the day of an event the text mentions).'),
  notAfter: calendarDay
    .optional()
    .describe('For an imprecise date: the latest day the evidence allows, YYYY-MM-DD (e.g. the date of the text that reports it).'),
};

/** Checks that the written date carries exactly the parts its precision claims, and that its bounds fit it. */
export function precisionMatchesDate(
  value: { date: string; datePrecision: DatePrecision; notBefore?: string | undefined; notAfter?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  const { notBefore, notAfter } = value;
  if (notBefore && notAfter && notBefore > notAfter) {
    ctx.addIssue({ code: 'custom', path: ['notAfter'], message: `notAfter (${notAfter}) is before notBefore (${notBefore}); swap them` });
  }
  // A bound outside the written date's own span (e.g. "2025" with notBefore 2024-12-01) contradicts it.
  if (value.datePrecision !== 'approximate') {
    if (notBefore && notBefore.slice(0, value.date.length) > value.date) {
      ctx.addIssue({ code: 'custom', path: ['notBefore'], message: `notBefore (${notBefore}) falls after the date "${value.date}"; widen the date or correct the bound` });
    }
    if (notAfter && notAfter.slice(0, value.date.length) < value.date) {
      ctx.addIssue({ code: 'custom', path: ['notAfter'], message: `notAfter (${notAfter}) falls before the date "${value.date}"; widen the date or correct the bound` });
    }
  }
  const parts = value.date.split('-').length;
  const needed = { day: 3, month: 2, year: 1 } as const;
  if (value.datePrecision !== 'approximate' && parts !== needed[value.datePrecision]) {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: `datePrecision is "${value.datePrecision}" but date "${value.date}" has ${
        ['', 'a year only', 'a year and month', 'a full day'][parts]
      }; write ${{ day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' }[value.datePrecision]} or change datePrecision`,
    });
  }
}

/** A URL we are sure of. Anything unknown is left out rather than guessed. */
export const knownUrl = z
  .url({
    protocol: /^https?$/,
    error: 'expected a full http(s) URL; leave the field out when the URL is not known',
  })
  .meta({ title: 'http(s) URL' });

/** A lowercase, hyphenated topic or id-like token. */
export const slugLike = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: 'expected lowercase words joined by hyphens, e.g. "minsk-agreements"',
  })
  .meta({ title: 'lowercase-words-joined-by-hyphens' });

/**
 * Ids an entry had before it was renamed: the build redirects their old addresses to the entry's
 * page, so shared links keep working. Never shown.
 */
export const formerIds = z
  .array(slugLike)
  .optional()
  .describe('Ids (file names) the entry had before it was renamed; their old addresses redirect here.');
