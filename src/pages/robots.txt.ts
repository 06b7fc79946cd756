import type { APIRoute } from 'astro';
import { absolute } from '../site/meta';
import { asset } from '../site/url';

/** Crawlers may read everything; the sitemap's address carries SITE and BASE. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(asset('sitemap-index.xml'))}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
