import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../site/site';
import { absolute, siteDescription, siteName } from '../site/meta';
import { url } from '../site/url';
import { feedItems } from '../features/seo/feed';

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
