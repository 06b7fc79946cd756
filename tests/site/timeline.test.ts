import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byDate } from '../../src/content/dates';
import { loadContent } from '../../src/content/load-content';
import { gapsAfter, phaseAnchor, phaseTimeline } from '../../src/features/timeline/phases';
import type { EventData, ExplainerData } from '../../src/content/schemas';
import { siteInBrowser } from '../helpers/browser';
import { root } from '../helpers/build';
import { page } from '../helpers/dist';

/**
 * Issue 20, item 5: the three phases drawn to scale on /timeline/ and the home page, the list
 * grouped by phase with turning points heavier and long gaps labelled, all without JavaScript.
 * Over the real site as `npm run build` left it in dist/ (or DIST_DIR).
 */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const of = <D>(collection: string) => entries.filter((e) => e.collection === collection).map((e) => ({ id: e.id, data: e.data as D }));
const events = of<EventData>('events').sort(byDate((e) => e.data));
const timeline = phaseTimeline(events, of<ExplainerData>('explainers'))!;
const turning = events.filter((e) => e.data.turningPoint).map((e) => e.id);
const pct = (value: string | undefined) => Number(value!.replace('%', '')) / 100;
const site = siteInBrowser(dist);

describe('the phases graphic on /timeline/', () => {
  const $ = page(dist, 'timeline/index.html');
  const figure = $('main figure.phases#phases');

  it('draws the three phases to scale, hidden from screen readers, which read the list after it', () => {
    expect(timeline.phases).toHaveLength(3);
    expect(figure.find('figcaption').text()).toMatch(/^The three phases, drawn to scale, 2014–2025\. ◆ marks a turning point/);
    const svg = figure.find('svg.phases-chart');
    expect(svg.attr('aria-hidden')).toBe('true');
    const bands = svg.find('rect.band').map((_, r) => ({ x: pct($(r).attr('x')), width: pct($(r).attr('width')) })).get();
    expect(bands).toHaveLength(3);
    bands.forEach((band, i) => {
      const phase = timeline.phases[i]!;
      expect(band.x, phase.id).toBeCloseTo(phase.from, 3);
      expect(band.width, phase.id).toBeCloseTo(phase.to - phase.from, 3);
    });
    // To scale: the host years (2014–2020) more than twice as wide as 2020–2022, and 2015 → 2020 wider than 2022 → 2024.
    expect(bands[0]!.width / bands[1]!.width).toBeGreaterThan(2);
    expect(bands[2]!.x - (bands[1]!.x + bands[1]!.width)).toBeGreaterThan(2 / 12 - 0.01);
    expect(svg.find('text.year').map((_, t) => $(t).text()).get()).toEqual(timeline.axis.years.map((y) => String(y.year)));
  });

  it('marks each turning point on the scale', () => {
    const marks = figure.find('svg.tp').map((_, m) => pct($(m).attr('x'))).get();
    expect(marks).toEqual(timeline.turningPoints.map((t) => expect.closeTo(t.at, 3)));
    expect(marks).toHaveLength(4);
    // A date known only within a range (the 2020–2021 refusal) carries a line to the range's end.
    expect(figure.find('line.tp-range')).toHaveLength(1);
  });

  it('lists each phase with its dates, a link to its part of the list, its explainer and its turning points', () => {
    const items = figure.find('ol.phase-list > li');
    expect(items).toHaveLength(3);
    items.each((i, li) => {
      const phase = timeline.phases[i]!;
      const link = $(li).find('a.phase-link');
      expect(link.text()).toBe(`${phase.number}Phase ${phase.number}: ${phase.title}`);
      expect(link.attr('href')).toBe(`/timeline/#${phaseAnchor(phase.id)}`);
      expect($(`li.timeline-phase[id="${phaseAnchor(phase.id)}"]`)).toHaveLength(1);
      expect($(li).find('.phase-dates').text()).toBe(`${phase.dates} · ${phase.events.length} events`);
      expect($(li).find('.phase-explainer a').attr('href')).toBe(`/explainers/${phase.explainer!.id}/`);
      expect($(li).find('.phase-turning a').map((_, a) => $(a).attr('href')).get()).toEqual(phase.turningPoints.map((e) => `/timeline/#${e.id}`));
    });
    expect(items.map((_, li) => $(li).find('.phase-explainer a').attr('href')).get()).toEqual([
      '/explainers/the-minsk-agreements/', '/explainers/belarus-situational-neutrality/', '/explainers/the-2025-offer/',
    ]);
  });
});

describe('the list on /timeline/', () => {
  const $ = page(dist, 'timeline/index.html');

  it('groups the events by phase under a heading with the phase’s dates and explainer, in date order', () => {
    const sections = $('ol.timeline.phased > li.timeline-phase');
    expect(sections).toHaveLength(3);
    sections.each((i, section) => {
      const phase = timeline.phases[i]!;
      expect($(section).find('> .phase-head > h2').text()).toBe(`${phase.number} Phase ${phase.number}: ${phase.title} ${phase.dates}`);
      expect($(section).find('> .phase-head a[href^="/explainers/"]').attr('href')).toBe(`/explainers/${phase.explainer!.id}/`);
      expect($(section).find('article.event').map((_, a) => $(a).attr('id')).get()).toEqual(phase.events.map((e) => e.id));
      expect($(section).find('.year-marker').first().is('h3')).toBe(true);
      expect($(section).find('article.event h4').length).toBe(phase.events.length);
    });
    expect($('article.event').map((_, a) => $(a).attr('id')).get()).toEqual(events.map((e) => e.id));
  });

  it('gives turning points more weight and says so in words, in their heading', () => {
    expect($('li.timeline-event.turning article').map((_, a) => $(a).attr('id')).get()).toEqual(turning);
    expect(turning).toEqual(['2015-02-12-minsk-ii', '2020-delegations-refuse-minsk', '2022-02-24-full-scale-war', '2025-02-27-nawfal-interview']);
    for (const id of turning) expect($(`article[id="${id}"] h4 .turning-label`).text(), id).toBe('Turning point: ');
    expect($('.turning-label').length).toBe(turning.length);
  });

  it('labels each gap of more than six months after the event before it', () => {
    const labels = $('.timeline-gap').map((_, p) => [[$(p).closest('li.timeline-event').find('article').attr('id'), $(p).text()]]).get();
    expect(labels).toEqual([...gapsAfter(events)].map(([id, gap]) => [id, gap.text]));
    expect(labels).toEqual([
      ['2015-02-17-unsc-resolution-2202', 'At least 4 years later'],
      ['2022-03-29-istanbul-talks', '2 years 7 months later'],
    ]);
  });
});

describe('the phases on the home page and on event pages', () => {
  it('shows the small graphic on the home page, each phase linking to its part of the timeline and its explainer', () => {
    const $ = page(dist, 'index.html');
    const figure = $('main figure.phases.compact');
    expect(figure.find('svg.phases-chart rect.band')).toHaveLength(3);
    expect(figure.find('a.phase-link').map((_, a) => $(a).attr('href')).get()).toEqual(timeline.phases.map((p) => `/timeline/#${phaseAnchor(p.id)}`));
    expect(figure.find('.phase-explainer a').map((_, a) => $(a).attr('href')).get()).toEqual(timeline.phases.map((p) => `/explainers/${p.explainer!.id}/`));
    expect(figure.find('.phase-turning a').map((_, a) => $(a).text()).get()).toEqual(['12 February 2015', '2020–2021', '24 February 2022', 'February 2025']);
    expect(figure.find('.phase-turning a').map((_, a) => $(a).attr('href')).get()).toEqual(turning.map((id) => `/timeline/${id}/`));
  });

  it('says on an event’s page whether it is a turning point, and which phase it belongs to', () => {
    const meta = (id: string) => page(dist, `timeline/${id}/index.html`)('h1 + p.meta');
    expect(meta('2022-02-24-full-scale-war').text().replace(/\s+/g, ' ').trim()).toBe('Turning point · Phase 2: The host role lost, and war, 2020 – March 2022');
    expect(meta('2022-02-24-full-scale-war').find('a').attr('href')).toBe('/timeline/#phase-role-lost');
    expect(meta('2014-09-05-minsk-protocol').text().replace(/\s+/g, ' ').trim()).toBe('Phase 1: Minsk as host, August 2014 – 2020');
  });
});

describe('in a browser', () => {
  const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' };

  it('filters the list to a phase from the graphic without JavaScript, and shows all phases again', async () => {
    const context = await site.browser.newContext({ ...phone, javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(site.server.url);
    await tab.locator('figure.phases a.phase-link').nth(2).click();
    await tab.waitForURL(/\/timeline\/#phase-offer$/);
    const visible = tab.locator('article.event:visible');
    await expect.poll(() => visible.count()).toBe(timeline.phases[2]!.events.length);
    expect(await tab.locator('li.timeline-phase:visible').evaluateAll((ls) => ls.map((l) => l.id))).toEqual(['phase-offer']);
    expect(await tab.locator('#phase-offer .phase-only').isVisible()).toBe(true);
    await tab.locator('figure.phases a.phase-link').nth(1).click();
    await expect.poll(() => visible.count()).toBe(timeline.phases[1]!.events.length);
    await tab.locator('#phase-role-lost .phase-only a').click();
    await expect.poll(() => visible.count()).toBe(events.length);
    expect(await tab.locator('.phase-only:visible').count()).toBe(0);
    await context.close();
  });

  it('fits a phone: no sideways scrolling, year labels apart, every band and mark inside the drawing', async () => {
    const context = await site.browser.newContext(phone);
    const problems: string[] = [];
    for (const path of ['', 'timeline/']) {
      const tab = await context.newPage();
      await tab.goto(site.server.url + path);
      const found = await tab.evaluate(() => {
        const svg = document.querySelector('svg.phases-chart')!.getBoundingClientRect();
        const labels = [...document.querySelectorAll('svg.phases-chart text.year')]
          .map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
        const overlaps = labels.slice(1).filter((r, i) => r.left < labels[i]!.right + 2).length;
        const outside = [...document.querySelectorAll('svg.phases-chart :is(rect, svg.tp path, text)')]
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.left < svg.left - 1 || r.right > svg.right + 1)).length;
        const bands = [...document.querySelectorAll('svg.phases-chart rect.band')].map((r) => r.getBoundingClientRect().width);
        return { scroll: document.documentElement.scrollWidth, labels: labels.length, overlaps, outside, narrowest: Math.min(...bands) };
      });
      if (found.scroll > 390) problems.push(`${path}: ${found.scroll} px wide`);
      if (found.labels < 6) problems.push(`${path}: only ${found.labels} year labels`);
      if (found.overlaps) problems.push(`${path}: ${found.overlaps} year labels touch`);
      if (found.outside) problems.push(`${path}: ${found.outside} shapes outside the drawing`);
      if (found.narrowest < 8) problems.push(`${path}: a band ${found.narrowest} px wide`);
      await tab.close();
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('hides a phase with no event left by the actor filter', async () => {
    const tab = await site.browser.newPage();
    await tab.goto(`${site.server.url}timeline/`);
    await tab.selectOption('#actor-filter', 'alexander-lukashenko');
    const shown = timeline.phases.filter((p) => p.events.some((e) => e.data.actors.some((a) => a.id === 'alexander-lukashenko'))).map((p) => phaseAnchor(p.id));
    expect(shown.length).toBeLessThan(3);
    await expect.poll(() => tab.locator('li.timeline-phase:visible').evaluateAll((ls) => ls.map((l) => l.id))).toEqual(shown);
    await tab.close();
  });

  it('has no axe violations with one phase shown, light and dark', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ ...phone, colorScheme });
      const tab = await context.newPage();
      await tab.goto(`${site.server.url}timeline/#phase-role-lost`);
      await tab.locator('#phase-role-lost .phase-only').waitFor();
      const { violations } = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze();
      problems.push(...violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
