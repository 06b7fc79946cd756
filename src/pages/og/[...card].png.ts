import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/site';
import { siteDescription, siteName } from '../../site/meta';
import { type Card } from '../../features/share-cards/card';
import { shareCardPng } from '../../features/share-cards/card-cache-fs';

/** Share cards at og/site.png, og/sources.png and og/explainers/<id>.png (see shareCard in data/meta.ts). */
export const getStaticPaths = (async () => {
  const site = await getSite();
  const cards: { params: { card: string }; props: { card: Card } }[] = [
    { params: { card: 'site' }, props: { card: { kicker: 'Background explainers', title: siteName, detail: siteDescription, siteName } } },
  ];
  for (const e of site.explainersInOrder) {
    cards.push({ params: { card: `explainers/${e.id}` }, props: { card: { kicker: 'Explainer', title: e.data.title, detail: e.data.summary, siteName } } });
  }
  cards.push({
    params: { card: 'sources' },
    props: { card: { kicker: 'Source', title: 'What each report said, summarised and quoted', detail: 'Outlet, date, provenance and verbatim quotations of every source the explainers cite.', siteName } },
  });
  return cards;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(await shareCardPng((props as { card: Card }).card), { headers: { 'Content-Type': 'image/png' } });
