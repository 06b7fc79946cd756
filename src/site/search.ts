import { entryAtPath } from '../features/search/record';

/** Whether the page being rendered is indexed for search (its URL pathname includes the deploy base). */
export function isIndexedPage(pathname: string): boolean {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return entryAtPath(pathname.startsWith(base) ? pathname.slice(base.length) : pathname) !== undefined;
}
