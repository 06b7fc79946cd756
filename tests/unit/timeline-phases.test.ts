import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byDate, dateSpan } from '../../src/content/dates';
import { loadContent } from '../../src/content/load-content';
import type { Item } from '../../src/content/site-index';
import {
  axisFor, durationText, gapsAfter, groupByPhase, periodText, phaseDefinitions, phaseTimeline, scaleOf, shortDate,
  wholeMonths, type PhaseDefinition,
} from '../../src/features/timeline/phases';
import { eventSchema, plainReference, type EventData, type ExplainerData } from '../../src/content/schemas';
import { root } from '../helpers/build';

type Dated = Partial<Pick<EventData, 'datePrecision' | 'notBefore' | 'notAfter' | 'turningPoint' | 'formerIds'>>;
const ev = (id: string, date: string, more: Dated = {}): Item<EventData> => ({
  id,
  data: {
    title: id, date, datePrecision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
    actors: [], sources: [], references: [], description: 'd', ...more,
  } as EventData,
});
const explainer = (id: string, title = id): Item<ExplainerData> => ({ id, data: { title } as ExplainerData });
const sorted = (events: Item<EventData>[]) => [...events].sort(byDate((e) => e.data));

const definitions: PhaseDefinition[] = [
  { id: 'one', title: 'One', summary: 's1', opens: 'a', explainer: 'x1', lasts: 'until-next' },
  { id: 'two', title: 'Two', summary: 's2', opens: 'c', explainer: 'x2', lasts: 'to-last-event' },
  { id: 'three', title: 'Three', summary: 's3', opens: 'e', explainer: 'x3', lasts: 'to-last-event' },
];
const events = sorted([
  ev('a', '2014-08', { notBefore: '2014-08-01', notAfter: '2014-08-31' }),
  ev('b', '2015-02-12', { turningPoint: true }),
  ev('c', '2020', { notBefore: '2020-01-01', notAfter: '2020-12-31' }),
  ev('c2', '2020', { datePrecision: 'approximate', notBefore: '2020-01-01', notAfter: '2021-12-31', turningPoint: true }),
  ev('d', '2022-03-29'),
  ev('e', '2024-10-31'),
  ev('f', '2025', { notBefore: '2025-02-12' }),
]);
const explainers = [explainer('x1', 'First'), explainer('x2', 'Second'), explainer('x3', 'Third')];

describe('the scale', () => {
  it('runs over whole years, from the first event’s year to the last’s, each year an equal share', () => {
    const axis = axisFor(events)!;
    expect([axis.start, axis.end]).toEqual(['2014-01-01', '2026-01-01']);
    expect(axis.years.map((y) => y.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(axis.years[0]!.from).toBe(0);
    expect(axis.years.at(-1)!.to).toBe(1);
    for (const y of axis.years) expect(y.to - y.from).toBeCloseTo(1 / 12, 2);
  });

  it('places a day by the days elapsed, so 2015 → 2020 is five years wide and a month is a month', () => {
    const at = scaleOf({ start: '2014-01-01', end: '2026-01-01' });
    expect(at('2020-01-01') - at('2015-01-01')).toBeCloseTo(5 / 12, 3);
    expect(at('2022-03-24') - at('2022-02-24')).toBeCloseTo(28 / 4383, 6);
    expect(at('2014-01-01')).toBe(0);
    expect(at('2026-01-01')).toBe(1);
    // Outside the axis, clamped to its ends.
    expect(at('2013-06-01')).toBe(0);
    expect(at('2027-01-01')).toBe(1);
  });

  it('has no axis without events', () => {
    expect(axisFor([])).toBeUndefined();
    expect(phaseTimeline([], explainers, definitions)).toBeUndefined();
  });
});

describe('phaseTimeline', () => {
  const timeline = phaseTimeline(events, explainers, definitions)!;
  const [one, two, three] = timeline.phases;

  it('opens each phase on the earliest day its opening event allows, and puts each event in the phase open on its earliest day', () => {
    expect(timeline.phases.map((p) => [p.number, p.id, p.start, p.events.map((e) => e.id)])).toEqual([
      [1, 'one', '2014-08-01', ['a', 'b']],
      [2, 'two', '2020-01-01', ['c', 'c2', 'd']],
      [3, 'three', '2024-10-31', ['e', 'f']],
    ]);
    expect(timeline.before).toEqual([]);
  });

  it('runs a phase that lasts until the next to the next one’s start, and another to the latest day its events allow', () => {
    expect(one!.end).toBe('2020-01-01');
    expect(two!.end).toBe('2022-03-29');
    // "2025" no earlier than 12 February: it could be as late as 31 December.
    expect(three!.end).toBe('2025-12-31');
  });

  it('writes each end of a phase as precisely as the evidence gives it', () => {
    expect(timeline.phases.map((p) => p.dates)).toEqual(['August 2014 – 2020', '2020 – March 2022', 'October 2024 – 2025']);
  });

  it('puts each phase on the scale, to scale', () => {
    const at = scaleOf(timeline.axis);
    for (const p of timeline.phases) expect([p.from, p.to]).toEqual([at(p.start), at(p.end)]);
    expect(one!.to).toBe(two!.from);
    // Phase 1 (about five and a half years) is more than twice as wide as phase 2 (about two and a quarter).
    expect((one!.to - one!.from) / (two!.to - two!.from)).toBeGreaterThan(2.3);
  });

  it('links each phase to its explainer, by id or former id, and to none that is missing', () => {
    expect(timeline.phases.map((p) => p.explainer)).toEqual([
      { id: 'x1', title: 'First' }, { id: 'x2', title: 'Second' }, { id: 'x3', title: 'Third' },
    ]);
    const renamed = [explainer('x1'), { id: 'x2-new', data: { title: 'New', formerIds: ['x2'] } as ExplainerData }];
    expect(phaseTimeline(events, renamed, definitions)!.phases.map((p) => p.explainer?.id)).toEqual(['x1', 'x2-new', undefined]);
  });

  it('marks the turning points, on the scale from the earliest to the latest day their evidence allows', () => {
    expect(timeline.turningPoints.map((t) => t.event.id)).toEqual(['b', 'c2']);
    expect(two!.turningPoints.map((e) => e.id)).toEqual(['c2']);
    const at = scaleOf(timeline.axis);
    const [b, c2] = timeline.turningPoints;
    expect([b!.at, b!.until]).toEqual([at('2015-02-12'), at('2015-02-12')]);
    expect([c2!.at, c2!.until]).toEqual([at('2020-01-01'), at('2021-12-31')]);
  });

  it('leaves out a phase whose opening event is missing, numbering the rest, and keeps earlier events before the first', () => {
    const without = phaseTimeline(events.filter((e) => e.id !== 'a'), explainers, definitions)!;
    expect(without.phases.map((p) => [p.number, p.id])).toEqual([[1, 'two'], [2, 'three']]);
    expect(without.before.map((e) => e.id)).toEqual(['b']);
    expect(groupByPhase(without).map((g) => [g.phase?.id, g.years.map((y) => y.year)])).toEqual([
      [undefined, [2015]],
      ['two', [2020, 2022]],
      ['three', [2024, 2025]],
    ]);
    expect(phaseTimeline(events.filter((e) => !['a', 'c', 'e'].includes(e.id)), explainers, definitions)).toBeUndefined();
  });

  it('finds an opening event by a former id', () => {
    const renamed = events.map((e) => (e.id === 'c' ? { ...e, id: 'c-new', data: { ...e.data, formerIds: ['c'] } } : e));
    expect(phaseTimeline(renamed, explainers, definitions)!.phases[1]!.events[0]!.id).toBe('c-new');
  });
});

describe('gapsAfter', () => {
  it('labels a gap of more than six months after the event before it, and no shorter one', () => {
    const list = sorted([ev('p', '2020-01-15'), ev('q', '2020-07-15'), ev('r', '2021-01-16'), ev('s', '2022-03-16'), ev('t', '2024-10-31')]);
    expect([...gapsAfter(list)]).toEqual([
      ['q', { months: 6, atLeast: false, text: '6 months later' }],
      ['r', { months: 14, atLeast: false, text: '14 months later' }],
      ['s', { months: 31, atLeast: false, text: '2 years 7 months later' }],
    ]);
    expect([...gapsAfter(list, 12).keys()]).toEqual(['r', 's']);
  });

  it('counts from the latest day any earlier event allows, and says “at least” where a date is known only within bounds', () => {
    const list = sorted([
      ev('minsk-ii', '2015-02-12'),
      ev('talks', '2015', { notBefore: '2015-02-12', notAfter: '2015-12-31' }),
      ev('unsc', '2015-02-17'),
      ev('election', '2020', { notBefore: '2020-01-01', notAfter: '2020-12-31' }),
    ]);
    // The talks, not the resolution listed after them, set the end of 2015 as the last day before the gap.
    expect([...gapsAfter(list)]).toEqual([['unsc', { months: 48, atLeast: true, text: 'At least 4 years later' }]]);
  });

  it('claims no gap where an earlier event could fall inside it', () => {
    const list = sorted([ev('refusal', '2020', { datePrecision: 'approximate', notBefore: '2020-01-01', notAfter: '2021-12-31' }), ev('deadlock', '2021', { notBefore: '2021-07-01', notAfter: '2021-12-31' })]);
    expect(gapsAfter(list).size).toBe(0);
  });
});

describe('dates in words', () => {
  it('counts whole calendar months', () => {
    expect(wholeMonths('2022-03-29', '2024-10-31')).toBe(31);
    expect(wholeMonths('2022-03-29', '2024-10-28')).toBe(30);
    expect(wholeMonths('2015-12-31', '2020-01-01')).toBe(48);
  });

  it('writes months up to two years, then years and months', () => {
    expect([1, 6, 14, 23, 24, 31, 48].map(durationText)).toEqual(['1 month', '6 months', '14 months', '23 months', '2 years', '2 years 7 months', '4 years']);
  });

  it('writes a period within a month, a year or across years', () => {
    expect(periodText('2014-08-01', '2014-08-31')).toBe('August 2014');
    expect(periodText('2025-03-19', '2025-12-31')).toBe('2025');
    expect(periodText('2020-01-01', '2021-12-31')).toBe('2020–2021');
  });

  it('gives a turning point’s date in few words', () => {
    expect(shortDate(ev('x', '2022-02-24').data)).toBe('24 February 2022');
    expect(shortDate(ev('x', '2025-02', { datePrecision: 'approximate', notBefore: '2025-02-26', notAfter: '2025-02-27' }).data)).toBe('February 2025');
    expect(shortDate(ev('x', '2020', { datePrecision: 'approximate', notBefore: '2020-01-01', notAfter: '2021-12-31' }).data)).toBe('2020–2021');
  });
});

/** The site's own phases over the real content: what the graphic and the list are drawn from. */
describe('the site’s three phases', () => {
  const { entries } = loadContent(join(root, 'content'), root);
  const of = <D>(collection: string) => entries.filter((e) => e.collection === collection).map((e) => ({ id: e.id, data: e.data as D }));
  const siteEvents = sorted(of<EventData>('events'));
  const siteExplainers = of<ExplainerData>('explainers');
  const timeline = phaseTimeline(siteEvents, siteExplainers)!;

  it('finds every phase’s opening event and explainer, so none is silently dropped', () => {
    expect(timeline.phases.map((p) => [p.id, p.explainer?.id])).toEqual(phaseDefinitions.map((d) => [d.id, d.explainer]));
    expect(timeline.before).toEqual([]);
    expect(timeline.phases.flatMap((p) => p.events).length).toBe(siteEvents.length);
  });

  it('starts each phase where the content does: August 2014, 2020, and the Eurasian security conference of October 2024', () => {
    expect(timeline.phases.map((p) => p.dates)).toEqual(['August 2014 – 2020', '2020 – March 2022', 'October 2024 – 2025']);
    // Phase 2 begins with the events of 2020 that cost Minsk its role, and holds February 2022.
    const two = timeline.phases[1]!.events.map((e) => e.id);
    expect(two).toEqual(expect.arrayContaining(['2020-tcg-moves-online', '2020-belarus-presidential-election', '2020-delegations-refuse-minsk', '2021-tcg-deadlock', '2022-02-24-full-scale-war']));
    expect(timeline.phases[0]!.events.every((e) => dateSpan(e.data).earliest < '2020-01-01')).toBe(true);
  });

  it('links each phase to the explainer whose summary covers its years', () => {
    for (const p of timeline.phases) {
      const summary = siteExplainers.find((x) => x.id === p.explainer!.id)!.data.summary;
      expect(summary, p.id).toContain(p.start.slice(0, 4));
    }
  });

  it('marks the few turning points the content treats as such: Minsk II, the 2020 refusal, 24 February 2022, the 2025 offer', () => {
    expect(timeline.turningPoints.map((t) => t.event.id)).toEqual([
      '2015-02-12-minsk-ii', '2020-delegations-refuse-minsk', '2022-02-24-full-scale-war', '2025-02-27-nawfal-interview',
    ]);
  });

  it('labels the two long silences: before 2020 and before the 2024 conference', () => {
    expect([...gapsAfter(siteEvents)].map(([id, g]) => [id, g.text])).toEqual([
      ['2015-02-17-unsc-resolution-2202', 'At least 4 years later'],
      ['2022-03-29-istanbul-talks', '2 years 7 months later'],
    ]);
  });
});

describe('the turningPoint field', () => {
  const base = { title: 'T', date: '2022-02-24', datePrecision: 'day', sources: ['s'], description: 'D.' };
  const schema = eventSchema(plainReference);

  it('is optional and takes true or false, nothing else', () => {
    expect(schema.parse(base).turningPoint).toBeUndefined();
    expect(schema.parse({ ...base, turningPoint: true }).turningPoint).toBe(true);
    const wrong = schema.safeParse({ ...base, turningPoint: 'yes' });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]!.message).toBe('expected true or false');
  });
});
