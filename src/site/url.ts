import { paths, withBase } from '../content/urls';

type Paths = typeof paths;

/** A link to a page of the site, with the configured base: url('source', id). */
export function url<K extends keyof Paths>(kind: K, ...args: Parameters<Paths[K]>): string {
  const path = (paths[kind] as (...a: Parameters<Paths[K]>) => string)(...args);
  return withBase(import.meta.env.BASE_URL, path);
}

/** A link to a file in public/ or any site path, with the configured base. */
export const asset = (path: string): string => withBase(import.meta.env.BASE_URL, path);
