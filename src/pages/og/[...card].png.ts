import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site';
import { siteDescription, siteName } from '../../data/meta';
import { type Card } from '../../lib/og-card';
import { shareCardPng } from '../../data/share-card';
import { formatDate } from '../../lib/dates';

/** Share cards at og/site.png, og/explainers/<id>.png and og/sources/<id>.png (see shareCard in data/meta.ts). */
export const getStaticPaths = (async () => {
  const site = await getSite();
  const cards: { params: { card: string }; props: { card: Card } }[] = [
    { params: { card: 'site' }, props: { card: { kicker: 'Background explainers', title: siteName, detail: siteDescription, siteName } } },
  ];
  for (const e of site.explainersInOrder) {
    cards.push({ params: { card: `explainers/${e.id}` }, props: { card: { kicker: 'Explainer', title: e.data.title, detail: e.data.summary, siteName } } });
  }
  for (const s of site.sources) {
    const outlet = site.byId.outlets.get(s.data.outlet.id)!;
    cards.push({
      params: { card: `sources/${s.id}` },
      props: { card: { kicker: `Source · ${s.data.kind}`, title: s.data.title, detail: `${outlet.data.name} · ${formatDate(s.data)}`, siteName } },
    });
  }
  return cards;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(await shareCardPng((props as { card: Card }).card), { headers: { 'Content-Type': 'image/png' } });
