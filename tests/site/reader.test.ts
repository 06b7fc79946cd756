import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { entryPaths } from '../../src/content/site-index';
import { paths } from '../../src/content/urls';
import { siteInBrowser } from '../helpers/browser';
import { fixtureContent, root, runBuild } from '../helpers/build';
import { htmlFiles, page } from '../helpers/dist';

/** Over the real site as `npm run build` left it in dist/. */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries } = loadContent(join(root, 'content'), root);
const ids = (collection: string) => entries.filter((e) => e.collection === collection).map((e) => e.id);
const site = siteInBrowser(dist);

describe('share cards, feed, sitemap and metadata', () => {
  it('has a share card for every explainer, one for source pages, and every page points at an existing one', () => {
    for (const id of ids('explainers')) {
      expect(page(dist, `explainers/${id}/index.html`)('meta[property="og:image"]').attr('content'), id).toMatch(new RegExp(`/og/explainers/${id}\\.png$`));
    }
    for (const id of ids('sources')) {
      expect(page(dist, `sources/${id}/index.html`)('meta[property="og:image"]').attr('content'), id).toMatch(/\/og\/sources\.png$/);
    }
    for (const file of htmlFiles(dist)) {
      const image = page(dist, file)('meta[property="og:image"]').attr('content');
      expect(image, file).toBeDefined();
      expect(existsSync(join(dist, new URL(image!).pathname)), `${file} → ${image}`).toBe(true);
    }
  });

  it('gives explainers an Article with citations and sources a NewsArticle or CreativeWork, as JSON-LD', () => {
    const ld = (file: string) => JSON.parse(page(dist, file)('script[type="application/ld+json"]').text());
    const explainer = ld('explainers/the-minsk-agreements/index.html');
    expect(explainer['@type']).toBe('Article');
    expect(explainer.citation.length).toBeGreaterThan(0);
    for (const c of explainer.citation) expect(c.url).toMatch(/^https:\/\/minsk-talks\.example\.org\/(sources|references)\//);
    expect(['NewsArticle', 'CreativeWork']).toContain(ld('sources/belarus-offers-to-host-peace-talks/index.html')['@type']);
    expect(ld('actors/alexander-lukashenko/index.html')['@type']).toBe('Person');
    expect(ld('actors/osce/index.html')['@type']).toBe('Organization');
    expect(ld('outlets/eurasia-daily-monitor/index.html')['@type']).toBe('NewsMediaOrganization');
  });

  it('lists every source and explainer in the RSS feed, and every correction, newest first', () => {
    const $ = load(readFileSync(join(dist, 'rss.xml'), 'utf8'), { xml: true });
    const links = $('item > link').map((_, l) => $(l).text()).get();
    const corrections = links.filter((l) => l.includes('#correction-'));
    expect(links.length - corrections.length).toBe(ids('sources').length + ids('explainers').length);
    expect(corrections.length).toBeGreaterThan(0);
    const dates = $('item > pubDate').map((_, d) => Date.parse($(d).text())).get();
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect($('html head link[rel="alternate"]').length).toBe(0);
    expect(page(dist, 'index.html')('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/rss.xml');
  });

  it('lists every page to index in the sitemap, which robots.txt names', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const id of ids('sources')) expect(sitemap).toContain(`https://minsk-talks.example.org/sources/${id}/`);
    // A moved page's redirect stub asks not to be indexed, and is not listed.
    const moved = entries.flatMap((e) => ((e.data.formerIds as string[] | undefined) ?? []).map((former) => paths[entryPaths[e.collection as keyof typeof entryPaths]](former)));
    expect(moved.length).toBeGreaterThan(0);
    for (const path of moved) {
      expect(page(dist, `${path}index.html`)('meta[name="robots"]').attr('content'), path).toBe('noindex');
      expect(sitemap, path).not.toContain(`https://minsk-talks.example.org/${path}<`);
    }
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain('Sitemap: https://minsk-talks.example.org/sitemap-index.xml');
  });
});

describe('the timeline', () => {

  it('groups events under year markers, each linked to its sources and actors', () => {
    const $ = page(dist, 'timeline/index.html');
    const years = $('.timeline-year > .year-marker').map((_, h) => Number($(h).text())).get();
    expect(years).toEqual([...new Set(years)].sort());
    expect($('.timeline-event').length).toBe(ids('events').length);
    $('.timeline-event .event').each((_, e) => {
      expect($(e).find('.event-links a').length).toBeGreaterThan(0);
    });
    expect($('.timeline-event .event-links a[href^="/actors/"]').length).toBeGreaterThan(0);
    expect($('.timeline-event .event-links a[href^="/sources/"]').length).toBeGreaterThan(0);
  });

  it('shows every event without JavaScript, and hides the filter it cannot run', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${site.server.url}timeline/`);
    expect(await tab.locator('.timeline-event:visible').count()).toBe(ids('events').length);
    expect(await tab.locator('[data-timeline-filter]').isVisible()).toBe(false);
    await context.close();
  });

  it('filters by actor with JavaScript, announces the count and keeps the choice in the address', async () => {
    const tab = await site.browser.newPage();
    await tab.goto(`${site.server.url}timeline/`);
    await tab.selectOption('#actor-filter', 'alexander-lukashenko');
    const visible = tab.locator('.timeline-event:visible');
    const shown = await visible.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(ids('events').length);
    for (const actors of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.actors!))) {
      expect(actors.split(' ')).toContain('alexander-lukashenko');
    }
    expect(await tab.locator('[data-count]').textContent()).toBe(`${shown} of ${ids('events').length} events involve Alexander Lukashenko.`);
    expect(tab.url()).toContain('?actor=alexander-lukashenko');
    // A year with no matching event is hidden with its marker.
    expect(await tab.locator('.timeline-year:visible .timeline-event:visible').count()).toBe(shown);
    await tab.reload();
    expect(await tab.locator('.timeline-event:visible').count()).toBe(shown);
    await tab.selectOption('#actor-filter', '');
    expect(await tab.locator('.timeline-event:visible').count()).toBe(ids('events').length);
    await tab.close();
  });

  it('has a compact version on the home page, linking to the full timeline', () => {
    const $ = page(dist, 'index.html');
    expect($('.timeline.compact .timeline-event a[href^="/timeline/"]').length).toBeGreaterThan(0);
    expect($('a[href="/timeline/"]').length).toBeGreaterThan(0);
  });
});

describe('a build under a base path (SITE=https://example.org, BASE=/minsk/)', () => {
  let out: string;
  beforeAll(() => {
    const result = runBuild(fixtureContent, { astroOnly: true, env: { SITE: 'https://example.org', BASE: '/minsk/' } });
    expect(result.code, result.output).toBe(0);
    out = result.outDir;
  });

  it('puts the base in canonical, Open Graph and JSON-LD URLs', () => {
    const $ = page(out, 'sources/first-report/index.html');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://example.org/minsk/sources/first-report/');
    expect($('meta[property="og:url"]').attr('content')).toBe('https://example.org/minsk/sources/first-report/');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://example.org/minsk/og/sources.png');
    expect(existsSync(join(out, 'og/sources.png'))).toBe(true);
    expect(JSON.parse($('script[type="application/ld+json"]').text()).url).toBe('https://example.org/minsk/sources/first-report/');
  });

  it('puts the base in the feed, the sitemap and robots.txt', () => {
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/minsk/sitemap-index.xml');
    expect(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')).toContain('https://example.org/minsk/sitemap-0.xml');
    const urls = [...readFileSync(join(out, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith('https://example.org/minsk/')).toBe(true);
    const rss = readFileSync(join(out, 'rss.xml'), 'utf8');
    const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(links).toContain('https://example.org/minsk/explainers/the-test-talks/');
    for (const l of links) expect(l.startsWith('https://example.org/minsk/')).toBe(true);
    expect(page(out, 'index.html')('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/minsk/rss.xml');
  });
});

describe('on a phone (390 px wide)', () => {
  const longestExplainer = () => ids('explainers')
    .map((id) => ({ id, size: readFileSync(join(dist, `explainers/${id}/index.html`)).length }))
    .sort((a, b) => b.size - a.size)[0]!.id;

  it('scrolls no page sideways: explainers with their citation back-links, the sources table, an actor', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const tab = await context.newPage();
    const wide: string[] = [];
    for (const path of [...ids('explainers').map((id) => `explainers/${id}/`), 'sources/', 'timeline/', `actors/${ids('actors')[0]}/`, 'search/?q=Minsk']) {
      await tab.goto(`${site.server.url}${path}`);
      // Against the phone's width, not innerWidth: a mobile browser widens its viewport to fit a page that overflows.
      const width = await tab.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width} px wide`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  it('keeps a citation’s sheet on screen when a citation near the right edge is tapped', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const tab = await context.newPage();
    await tab.goto(`${site.server.url}explainers/${longestExplainer()}/`);
    // The citation whose marker sits furthest right, where a card opening rightwards would overflow.
    const cites = tab.locator('.prose .cite a');
    const lefts = await cites.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    const rightmost = cites.nth(lefts.indexOf(Math.max(...lefts)));
    await rightmost.scrollIntoViewIfNeeded();
    // No hover card on a phone: a tap would leave it over the text. The sheet (citation-sheet.test.ts) spans the screen.
    expect(await rightmost.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
    await rightmost.tap();
    const sheet = await tab.locator('dialog.cite-sheet').evaluate((d) => {
      const r = d.getBoundingClientRect();
      return { left: r.left, right: r.right, bottom: r.bottom, open: (d as HTMLDialogElement).open };
    });
    expect(sheet).toMatchObject({ open: true, left: 0, right: 390 });
    expect(sheet.bottom).toBeLessThanOrEqual(844.5);
    await context.close();
  });
});
