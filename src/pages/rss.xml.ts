import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../data/site';
import { absolute, siteDescription, siteName } from '../data/meta';
import { url } from '../data/url';
import { feedItems } from '../lib/feed';

/** RSS of sources and explainers, newest first. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  return rss({
    title: siteName,
    description: siteDescription,
    site: absolute(url('home')),
    items: feedItems(site.sources, site.explainers, site.byId.outlets, {
      source: (id) => absolute(url('source', id)),
      explainer: (id) => absolute(url('explainer', id)),
    }),
    customData: '<language>en</language>',
    trailingSlash: true,
  });
};
