import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { paths } from '../../src/content/urls';
import { sortKey } from '../../src/content/dates';
import { fileForPath, page } from '../helpers/dist';
import { findBrokenLinks, validateHtml } from '../../scripts/lib/built-site';
import { root } from '../helpers/build';

/** Over the real site as `npm run build` left it in dist/. */
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const { entries, errors } = loadContent(join(root, 'content'), root);

const pathFor = {
  sources: paths.source, explainers: paths.explainer, actors: paths.actor, outlets: paths.outlet,
  events: paths.event, glossary: paths.term, references: paths.reference, places: paths.place,
} as const;

describe('the built site', () => {
  it('was built, from content that validates', () => {
    expect(errors).toEqual([]);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });

  it('has a page for every entry of every collection, titled with its name', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const file = fileForPath(dist, pathFor[entry.collection](entry.id));
      expect(file, `${entry.collection}/${entry.id}`).toBeDefined();
      const data = entry.data as { title?: string; name?: string; term?: string };
      const heading = page(dist, file!)('h1').first().text();
      expect(heading).toBe(data.title ?? data.name ?? data.term);
    }
  });

  it('resolves every internal link, asset and #fragment (the crawl of npm run check)', () => {
    expect(findBrokenLinks(dist)).toEqual([]);
  });

  it('is valid HTML (html-validate, recommended rules)', async () => {
    expect(await validateHtml(dist)).toEqual([]);
  });

  it('lists sources newest first', () => {
    const $ = page(dist, 'sources/index.html');
    const dates = $('.source-table tbody tr').map((_, tr) => $(tr).attr('data-date')!).get();
    expect(dates.length).toBe(entries.filter((e) => e.collection === 'sources').length);
    const keys = dates.map((date) => sortKey({ date, datePrecision: 'approximate' }));
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('has a skip link, landmarks and a 404 page', () => {
    const $ = page(dist, 'index.html');
    expect($('a.skip-link').attr('href')).toBe('#main');
    expect($('header nav[aria-label="Main"]').length).toBe(1);
    expect($('main#main').length).toBe(1);
    expect(existsSync(join(dist, '404.html'))).toBe(true);
  });
});
