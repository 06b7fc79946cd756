import type { DatePrecision } from './schemas/common';

const months = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export interface PartialDate {
  date: string;
  datePrecision: DatePrecision;
  /** Earliest day the evidence allows (YYYY-MM-DD), for an imprecise date. */
  notBefore?: string | undefined;
  /** Latest day the evidence allows (YYYY-MM-DD), for an imprecise date. */
  notAfter?: string | undefined;
}

/** "19 March 2025", "March 2025" or "2025", as much as `date` gives. */
function written(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const parts: string[] = [];
  if (day) parts.push(String(day));
  if (month) parts.push(months[month - 1]!);
  parts.push(String(year));
  return parts.join(' ');
}

/** "27 February and 4 March 2025", "26 and 27 February 2025": two days, sharing what they share. */
function twoDays(from: string, to: string): string {
  const [a, b] = [written(from), written(to)];
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${a} and ${b}`;
  if (from.slice(0, 7) !== to.slice(0, 7)) return `${a.replace(/ \d{4}$/, '')} and ${b}`;
  return `${a.replace(/ \S+ \d{4}$/, '')} and ${b}`;
}

/**
 * The date as far as it is known: "19 March 2025", "March 2025", "2025", "c. March 2025"; an
 * imprecise date with bounds says what the evidence allows: "not before 4 March 2025", "not after
 * 19 March 2025", "between 27 February and 19 March 2025" (EDITORIAL.md, chronology).
 */
export function formatDate({ date, datePrecision, notBefore, notAfter }: PartialDate): string {
  if (datePrecision !== 'day' && (notBefore || notAfter)) {
    if (notBefore && notAfter) return notBefore === notAfter ? written(notBefore) : `between ${twoDays(notBefore, notAfter)}`;
    return notBefore ? `not before ${written(notBefore)}` : `not after ${written(notAfter!)}`;
  }
  const text = written(date);
  return datePrecision === 'approximate' ? `c. ${text}` : text;
}

/** A machine-readable date for `<time datetime>`, as precise as the date is known. */
export function isoDate({ date }: PartialDate): string {
  return date;
}

/** The year, for facets and grouping. */
export function yearOf({ date }: PartialDate): number {
  return Number(date.slice(0, 4));
}

/** The first day of a partial date's period: "2025" → "2025-01-01", "2025-03" → "2025-03-01". */
function periodStart(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The last day of a partial date's period: "2025" → "2025-12-31", "2025-02" → "2025-02-28". */
function periodEnd(date: string): string {
  const [year, month, day] = date.split('-');
  if (day) return date;
  if (!month) return `${year}-12-31`;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}

/**
 * The earliest and latest day a date can be: its period, narrowed by its bounds. An approximate
 * date without bounds spans its written period.
 */
export function dateSpan(d: PartialDate): { earliest: string; latest: string } {
  const start = periodStart(d.date);
  const end = periodEnd(d.date);
  return {
    earliest: d.notBefore && d.notBefore > start ? d.notBefore : start,
    latest: d.notAfter && d.notAfter < end ? d.notAfter : end,
  };
}

/**
 * A sortable key: a date is placed at the earliest day its evidence allows, and among dates that
 * could start the same day, the one known more narrowly comes first. So "2025" with notBefore
 * 2025-02-27 follows the 27 February interview it responds to, and a year-only event no longer
 * jumps to 1 January ahead of the events it followed.
 */
export function sortKey(d: PartialDate): string {
  const { earliest, latest } = dateSpan(d);
  return `${earliest}/${latest}`;
}

/** Oldest first; ties keep their order. */
export function byDate<T>(get: (item: T) => PartialDate): (a: T, b: T) => number {
  return (a, b) => sortKey(get(a)).localeCompare(sortKey(get(b)));
}

/** The day a date names (YYYY-MM-DD), when it is known to the day; otherwise undefined. */
export function dayOf({ date, datePrecision, notBefore, notAfter }: PartialDate): string | undefined {
  if (datePrecision === 'day') return date;
  return notBefore && notBefore === notAfter ? notBefore : undefined;
}

const monthNumber = (name: string): number | undefined => {
  const i = months.findIndex((m) => name.length >= 3 && m.toLowerCase().startsWith(name.toLowerCase()));
  return i < 0 ? undefined : i + 1;
};

/**
 * The day a query is, when it is nothing but one day as a reader writes it: "4 March 2025",
 * "4th Mar 2025", "March 4, 2025", "2025-03-04". A day that does not exist ("30 February 2025")
 * is none.
 */
export function dayInQuery(query: string): string | undefined {
  const text = query.trim().replace(/\s+/g, ' ');
  let parts: [number, number | undefined, number] | undefined;
  let match: RegExpMatchArray | null;
  if ((match = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = text.match(/^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?,? (\d{4})$/i))) parts = [Number(match[3]), monthNumber(match[2]!), Number(match[1])];
  else if ((match = text.match(/^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i))) parts = [Number(match[3]), monthNumber(match[1]!), Number(match[2])];
  if (!parts || parts[1] === undefined) return undefined;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
