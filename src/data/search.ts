import { getSite } from './site';
import { searchRecordFor, type SearchRecord } from '../lib/search-record';

/** The search record of the page being rendered (its URL pathname includes the deploy base). */
export async function searchRecordForPage(pathname: string): Promise<SearchRecord | undefined> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const sitePath = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return searchRecordFor(await getSite(), sitePath);
}
