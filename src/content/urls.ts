/** Joins the deploy base ("/" or "/minsk/") and a site path, so every link works under a sub-path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** Site paths of each kind of page, in one place. */
export const paths = {
  home: () => '',
  explainer: (id: string) => `explainers/${id}/`,
  source: (id: string) => `sources/${id}/`,
  sources: () => 'sources/',
  actor: (id: string) => `actors/${id}/`,
  actors: () => 'actors/',
  outlet: (id: string) => `outlets/${id}/`,
  outlets: () => 'outlets/',
  event: (id: string) => `timeline/${id}/`,
  timeline: () => 'timeline/',
  term: (id: string) => `glossary/${id}/`,
  glossary: () => 'glossary/',
  reference: (id: string) => `references/${id}/`,
  references: () => 'references/',
  place: (id: string) => `places/${id}/`,
  places: () => 'places/',
  search: () => 'search/',
  about: () => 'about/',
} as const;

