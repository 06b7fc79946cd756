import type { EventData, ExplainerData } from '../../content/schemas';
import type { Item } from '../../content/site-index';
import { dateSpan, formatDate, type PartialDate } from '../../content/dates';
import { groupByYear, type YearGroup } from './timeline';

/**
 * The three phases the site is about (issue 20, item 5): Minsk as host (2014–2020), the host role
 * lost (2020–2022) and the offer to host again (2024–25). Each phase opens with an event in the
 * collection, so its dates are the evidence's, never set here; the explainer it links to is the
 * one whose own sections tell that part of the story.
 */
export interface PhaseDefinition {
  /** The phase's anchor on /timeline/ is `phase-<id>`. */
  id: string;
  title: string;
  /** One line in our words, shown under the phase's heading in the list. */
  summary: string;
  /** The event (id, or one of its formerIds) whose earliest possible day opens the phase. */
  opens: string;
  /** The explainer that tells this part of the story. */
  explainer: string;
  /**
   * `until-next`: the phase runs until the next one opens (the talks it stands for ran on after its
   * last dated event); `to-last-event`: it ends with the latest day its events allow.
   */
  lasts: 'until-next' | 'to-last-event';
}

export const phaseDefinitions: readonly PhaseDefinition[] = [
  {
    id: 'host',
    title: 'Minsk as host',
    summary: 'Minsk hosts the summits of 2014 and 2015 that produce the Minsk agreements, then the Contact Group’s talks every two weeks until 2020.',
    // Preiherman: "In August 2014 and then February 2015, Minsk hosted major summits"; Belarus was a
    // venue "throughout 2014 to 2020", and the Contact Group met in Minsk "from 2015 to 2020".
    opens: '2014-08-minsk-summit',
    // "The documents of 2014 and 2015", "Minsk as a venue, 2015 to 2020".
    explainer: 'the-minsk-agreements',
    // The 2015 event for the Contact Group's talks says they went on until 2020.
    lasts: 'until-next',
  },
  {
    id: 'role-lost',
    title: 'The host role lost, and war',
    summary: 'The talks move online, delegations stop coming to Minsk and the Contact Group deadlocks; in February 2022 Russia invades Ukraine, with troops deployed from Belarusian territory.',
    // Preiherman: "Everything changed in 2020. The OSCE Trilateral Contact Group moved online".
    opens: '2020-tcg-moves-online',
    // "How Minsk lost the host role", "February 2022: Russian forces on Belarusian territory".
    explainer: 'belarus-situational-neutrality',
    lasts: 'to-last-event',
  },
  {
    id: 'offer',
    title: 'The offer to host again',
    summary: 'Lukashenko asks for a part in peace talks in late 2024, and in February 2025 invites Trump, Putin and Zelenskyy to Minsk.',
    // The 2025 offer explainer sets out "the case for talks he made in late 2024", at this conference.
    opens: '2024-10-31-second-conference-on-eurasian-security',
    explainer: 'the-2025-offer',
    lasts: 'to-last-event',
  },
];

/** The id of a phase's section in the list on /timeline/. */
export const phaseAnchor = (id: string): string => `phase-${id}`;

/** A position on the timeline's axis: 0 at its start, 1 at its end. */
export type Position = number;

export interface Phase {
  id: string;
  /** 1, 2, 3: the number shown on the graphic and in the list. */
  number: number;
  title: string;
  summary: string;
  explainer?: { id: string; title: string } | undefined;
  /** First and last day the phase covers, YYYY-MM-DD. */
  start: string;
  end: string;
  /** "August 2014 – 2020": each end as precisely as the evidence gives it. */
  dates: string;
  events: Item<EventData>[];
  turningPoints: Item<EventData>[];
  from: Position;
  to: Position;
}

export interface TurningPointMark {
  event: Item<EventData>;
  /** Where the list places it: the earliest day the evidence allows. */
  at: Position;
  /** The latest day the evidence allows; equal to `at` for a known day. */
  until: Position;
}

export interface Axis {
  /** 1 January of the first event's year, and 1 January after the last event's year. */
  start: string;
  end: string;
  years: { year: number; from: Position; to: Position }[];
}

export interface PhaseTimeline {
  axis: Axis;
  phases: Phase[];
  turningPoints: TurningPointMark[];
  /** Events before the first phase opens (none in the site's content). */
  before: Item<EventData>[];
}

const DAY = 86_400_000;
const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY;
const later = (a: string, b: string) => (a > b ? a : b);

/** A function placing a day (YYYY-MM-DD) on the axis, 0 to 1. */
export function scaleOf(axis: Pick<Axis, 'start' | 'end'>): (day: string) => Position {
  const start = dayNumber(axis.start);
  const length = dayNumber(axis.end) - start;
  return (day) => Math.min(1, Math.max(0, (dayNumber(day) - start) / length));
}

/** Whole years from the first event's year to the last's; events are placed by their earliest day. */
export function axisFor(events: Item<EventData>[]): Axis | undefined {
  if (events.length === 0) return undefined;
  const earliest = events.map((e) => eventSpan(e.data).earliest);
  const first = Number(earliest.reduce((a, b) => (a < b ? a : b)).slice(0, 4));
  const last = Number(earliest.reduce(later).slice(0, 4));
  const axis = { start: `${first}-01-01`, end: `${last + 1}-01-01` };
  const at = scaleOf(axis);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => ({
    year,
    from: at(`${year}-01-01`),
    to: at(`${year + 1}-01-01`),
  }));
  return { ...axis, years };
}

/** A period as its reader can be told it: "August 2014" within one month, "2020" within one year, else "2020–2021". */
export function periodText(earliest: string, latest: string): string {
  if (earliest.slice(0, 7) === latest.slice(0, 7)) return formatDate({ date: earliest.slice(0, 7), datePrecision: 'month' });
  if (earliest.slice(0, 4) === latest.slice(0, 4)) return earliest.slice(0, 4);
  return `${earliest.slice(0, 4)}–${latest.slice(0, 4)}`;
}

/**
 * The days an event can fall on, as its card tells the reader: placed like the list, on the
 * earliest day `dateSpan` allows; to the latest day its bounds allow, which for an approximate
 * date may lie beyond its written period ("2020", not after 31 December 2021).
 */
export function eventSpan(d: PartialDate): { earliest: string; latest: string } {
  const span = dateSpan(d);
  return d.datePrecision === 'approximate' && d.notAfter && d.notAfter > span.latest ? { ...span, latest: d.notAfter } : span;
}

/** A date in few words: the day where it is known, else the month or the years it falls in ("2020–2021"). */
export function shortDate(d: PartialDate): string {
  const { earliest, latest } = eventSpan(d);
  return earliest === latest ? formatDate(d) : periodText(earliest, latest);
}

const findEvent = (events: Item<EventData>[], id: string) => events.find((e) => e.id === id || e.data.formerIds?.includes(id));

/**
 * The phases over events already in date order (`site.eventsByDate`). A phase whose opening event is
 * missing is left out (a test build with other content); with none left, there is no graphic.
 * An event belongs to the last phase that opened on or before its earliest possible day.
 */
export function phaseTimeline(
  events: Item<EventData>[],
  explainers: Item<ExplainerData>[],
  definitions: readonly PhaseDefinition[] = phaseDefinitions,
): PhaseTimeline | undefined {
  const axis = axisFor(events);
  const opened = definitions
    .map((definition) => ({ definition, opening: findEvent(events, definition.opens) }))
    .filter((p): p is { definition: PhaseDefinition; opening: Item<EventData> } => !!p.opening)
    .map((p) => ({ ...p, span: eventSpan(p.opening.data) }))
    .map((p) => ({ ...p, start: p.span.earliest }))
    .sort((a, b) => a.start.localeCompare(b.start));
  if (!axis || opened.length === 0) return undefined;
  const at = scaleOf(axis);

  const phases: Phase[] = opened.map(({ definition, start, span }, i) => {
    const next = opened[i + 1];
    const inPhase = events.filter((e) => {
      const { earliest } = eventSpan(e.data);
      return earliest >= start && (!next || earliest < next.start);
    });
    const spans = inPhase.map((e) => eventSpan(e.data));
    const startText = periodText(span.earliest, span.latest);
    let end: string;
    let endText: string;
    if (definition.lasts === 'until-next' && next) {
      end = next.start;
      endText = periodText(next.span.earliest, next.span.latest);
    } else {
      end = spans.map((s) => s.latest).reduce(later);
      endText = periodText(spans.map((s) => s.earliest).reduce(later), end);
    }
    const explainer = explainers.find((x) => x.id === definition.explainer || x.data.formerIds?.includes(definition.explainer));
    return {
      id: definition.id,
      number: i + 1,
      title: definition.title,
      summary: definition.summary,
      explainer: explainer && { id: explainer.id, title: explainer.data.title },
      start,
      end,
      dates: startText === endText ? startText : `${startText} – ${endText}`,
      events: inPhase,
      turningPoints: inPhase.filter((e) => e.data.turningPoint),
      from: at(start),
      to: at(end),
    };
  });

  const turningPoints = events
    .filter((e) => e.data.turningPoint)
    .map((event) => {
      const { earliest, latest } = eventSpan(event.data);
      return { event, at: at(earliest), until: at(latest) };
    });
  const before = events.filter((e) => eventSpan(e.data).earliest < opened[0]!.start);
  return { axis, phases, turningPoints, before };
}

export interface PhaseGroup {
  /** Absent for the events before the first phase. */
  phase?: Phase | undefined;
  years: YearGroup[];
}

/** The list's sections: each phase with its events by year, after any events before the first phase. */
export function groupByPhase(timeline: PhaseTimeline): PhaseGroup[] {
  return [
    ...(timeline.before.length ? [{ years: groupByYear(timeline.before) }] : []),
    ...timeline.phases.map((phase) => ({ phase, years: groupByYear(phase.events) })),
  ];
}

/** A quiet stretch in the list: how long after one event the next could at the earliest have happened. */
export interface Gap {
  months: number;
  /** True where either side's date is known only within bounds, so the gap is a lower bound. */
  atLeast: boolean;
  /** "2 years 7 months later", "At least 4 years later". */
  text: string;
}

/** Whole calendar months from one day to a later one. */
export function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** "14 months", "2 years 7 months", "4 years": months up to two years, then years and months. */
export function durationText(months: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (months < 24) return plural(months, 'month');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest ? `${plural(years, 'year')} ${plural(rest, 'month')}` : plural(years, 'year');
}

/**
 * Gaps longer than `minMonths` in a list in date order, keyed by the id of the event before the gap.
 * A gap runs from the latest day any earlier event could have happened to the earliest day of the
 * next one, so it never claims a silence the evidence does not allow.
 */
export function gapsAfter(events: Item<EventData>[], minMonths = 6): Map<string, Gap> {
  const gaps = new Map<string, Gap>();
  let latest: { day: string; exact: boolean } | undefined;
  events.forEach((event, i) => {
    const span = eventSpan(event.data);
    if (latest && span.earliest > addMonths(latest.day, minMonths)) {
      const months = wholeMonths(latest.day, span.earliest);
      const atLeast = !latest.exact || span.earliest !== span.latest;
      gaps.set(events[i - 1]!.id, { months, atLeast, text: `${atLeast ? 'At least ' : ''}${durationText(months)} later` });
    }
    if (!latest || span.latest > latest.day) latest = { day: span.latest, exact: span.earliest === span.latest };
  });
  return gaps;
}

/** The same day `months` later (past a short month's end, into the next month). */
function addMonths(day: string, months: number): string {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 + months, Number(day.slice(8, 10)))).toISOString().slice(0, 10);
}
