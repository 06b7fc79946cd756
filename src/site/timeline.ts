import type { SiteIndex } from '../content/site-index';
import { phaseTimeline, type Phase, type PhaseTimeline } from '../features/timeline/phases';
import { getSite } from './site';

interface SitePhases {
  /** The phases of the timeline (home page, /timeline/), or undefined when no phase opens. */
  timeline: PhaseTimeline | undefined;
  /** The phase each event falls in, by event id, for the event's own page. */
  byEvent: ReadonlyMap<string, Phase>;
}

const computed = new WeakMap<SiteIndex, SitePhases>();

/** The timeline's phases, worked out once per build: they read every event, and every event page needs its own. */
export async function sitePhases(): Promise<SitePhases> {
  const site = await getSite();
  let phases = computed.get(site);
  if (!phases) {
    const timeline = phaseTimeline(site.eventsByDate, site.explainers);
    const byEvent = new Map(timeline?.phases.flatMap((phase) => phase.events.map((event) => [event.id, phase] as const)));
    phases = { timeline, byEvent };
    computed.set(site, phases);
  }
  return phases;
}
