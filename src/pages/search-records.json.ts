import type { APIRoute } from 'astro';
import { getSite } from '../site/site';
import { allSearchRecords } from '../features/search/record';

/**
 * Every indexed page's facets, date and names (src/features/search/record.ts), for the indexer, which
 * reads this file at the end of the build and then deletes it: it is never deployed.
 */
export const GET: APIRoute = async () => new Response(JSON.stringify(allSearchRecords(await getSite())), {
  headers: { 'Content-Type': 'application/json' },
});
