import type { APIRoute } from 'astro';
import { getSite } from '../site/site';
import { buildSearchVocabulary } from '../features/search/vocabulary';

/** The names search knows (see src/features/search/vocabulary.ts), published at /search-vocabulary.json. */
export const GET: APIRoute = async () => new Response(JSON.stringify(buildSearchVocabulary(await getSite())), {
  headers: { 'Content-Type': 'application/json' },
});
