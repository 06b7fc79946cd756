import type { APIRoute } from 'astro';
import { getSite } from '../data/site';
import { buildSearchVocabulary } from '../lib/search-vocabulary';

/** The names search knows (see src/lib/search-vocabulary.ts), published at /search-vocabulary.json. */
export const GET: APIRoute = async () => new Response(JSON.stringify(buildSearchVocabulary(await getSite())), {
  headers: { 'Content-Type': 'application/json' },
});
