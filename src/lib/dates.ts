import type { DatePrecision } from '../schemas/common';

const months = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export interface PartialDate {
  date: string;
  datePrecision: DatePrecision;
}

/** "19 March 2025", "March 2025", "2025", or "c. March 2025" for an approximate date. */
export function formatDate({ date, datePrecision }: PartialDate): string {
  const [year, month, day] = date.split('-').map(Number);
  const parts: string[] = [];
  if (day) parts.push(String(day));
  if (month) parts.push(months[month - 1]!);
  parts.push(String(year));
  const text = parts.join(' ');
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

/**
 * A sortable key: a partial date sorts at the start of its period, so "2025" comes before
 * "2025-03", which comes before "2025-03-19".
 */
export function sortKey({ date }: PartialDate): string {
  const [year, month = '00', day = '00'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** Oldest first; ties keep their order. */
export function byDate<T>(get: (item: T) => PartialDate): (a: T, b: T) => number {
  return (a, b) => sortKey(get(a)).localeCompare(sortKey(get(b)));
}
