import type { EventData } from '../../content/schemas';
import type { Item } from '../../content/site-index';
import { yearOf } from '../../content/dates';

export interface YearGroup {
  year: number;
  events: Item<EventData>[];
}

/** Events (already in date order) grouped by year, years in the same order. */
export function groupByYear(events: Item<EventData>[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const event of events) {
    const year = yearOf(event.data);
    const last = groups.at(-1);
    if (last?.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups;
}

export interface ActorFacet {
  id: string;
  name: string;
  count: number;
}

/** The actors a reader can filter the timeline by: most events first, then by name. */
export function actorFacets(events: Item<EventData>[], nameOf: (id: string) => string): ActorFacet[] {
  const counts = new Map<string, number>();
  for (const e of events) for (const a of new Set(e.data.actors.map((r) => r.id))) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, name: nameOf(id), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
