/**
 * The search panel's views: functions that build or redraw a piece of the panel from data, with
 * no state of their own (panel.ts holds the state and calls them).
 */
import { aliasTextHas, entitiesCalled, wordsOf } from '../aliases';
import { searchTypeLabels, searchTypeNames, searchTypes, type SearchFacet, type SearchType } from '../record';
import { base, matchedWords, resultLink, type PagefindResultData, type SearchAnswer, type SearchState, type SortOrder } from './engine';
import type { SearchVocabulary } from '../vocabulary';

export type Mode = 'dialog' | 'page';

/** The facets chosen from menus behind "Filters"; type is a row of pills. */
export const menuFacets = ['outlet', 'actor', 'year'] as const satisfies readonly SearchFacet[];
type MenuFacet = (typeof menuFacets)[number];
const facetLabels: Record<MenuFacet, string> = { outlet: 'Outlet', actor: 'Actor', year: 'Year' };
const valueLabel = (facet: SearchFacet, value: string) => (facet === 'type' ? searchTypeLabels[value as SearchType] ?? value : value);

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/** Orders facet values: types in their fixed order, years newest first, names alphabetically. */
function orderValues(facet: SearchFacet, values: string[]): string[] {
  if (facet === 'type') return [...values].sort((a, b) => searchTypes.indexOf(a as SearchType) - searchTypes.indexOf(b as SearchType));
  if (facet === 'year') return [...values].sort().reverse();
  return [...values].sort((a, b) => a.localeCompare(b));
}

/** The query box in its form; in the dialog, with a Close button. */
export function queryForm(mode: Mode, id: (name: string) => string, on: { submit: () => void; close: () => void }): { form: HTMLFormElement; input: HTMLInputElement } {
  const input = element('input', {
    id: id('input'), type: 'search', name: 'q', autocomplete: 'off', spellcheck: false,
    placeholder: 'Names, places, terms… any spelling',
  });
  input.setAttribute('aria-describedby', id('status'));
  input.setAttribute('aria-controls', id('results'));
  input.setAttribute('enterkeyhint', 'search');
  const form = element('form', { className: 'search-form', role: 'search', action: `${base}search/` },
    element('label', { htmlFor: id('input'), className: 'search-label' }, 'Search the site'),
    input,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    on.submit();
  });
  if (mode === 'dialog') {
    const close = element('button', { type: 'button', className: 'search-close' }, 'Close');
    close.setAttribute('aria-label', 'Close search');
    close.addEventListener('click', on.close);
    form.append(close);
  }
  return { form, input };
}

export interface FacetControls {
  /** The type pills and the filters: hidden until there are results to narrow. */
  narrow: HTMLElement;
  types: HTMLFieldSetElement;
  filters: HTMLDetailsElement;
  summary: HTMLElement;
  selects: Record<MenuFacet, HTMLSelectElement>;
  sort: HTMLSelectElement;
}

/**
 * Type as a row of pills with counts (the choice most searches need); the other facets and the
 * order behind one "Filters" control, so the first result stays on a phone's first screen.
 */
export function facetControls(on: { filter: (facet: SearchFacet, value: string) => void; sort: (order: SortOrder) => void }): FacetControls {
  const types = element('fieldset', { className: 'search-types' }, element('legend', { className: 'visually-hidden' }, 'Type'));
  types.dataset.facet = 'type';
  types.addEventListener('change', (event) => on.filter('type', (event.target as HTMLInputElement).value));
  const summary = element('summary', {}, 'Filters');
  // Open where there is room for it; a phone shows the one control.
  const filters = element('details', { className: 'search-filters', open: matchMedia('(min-width: 48rem)').matches }, summary);
  const menus = element('div', { className: 'search-facets' });
  menus.setAttribute('role', 'group');
  menus.setAttribute('aria-label', 'Narrow the results');
  const selects = {} as Record<MenuFacet, HTMLSelectElement>;
  for (const facet of menuFacets) {
    const select = element('select', { name: facet });
    select.dataset.facet = facet;
    select.addEventListener('change', () => on.filter(facet, select.value));
    selects[facet] = select;
    menus.append(element('label', {}, facetLabels[facet], ' ', select));
  }
  const sort = element('select', { name: 'sort' },
    element('option', { value: '' }, 'Best match'),
    element('option', { value: 'desc' }, 'Newest first'),
    element('option', { value: 'asc' }, 'Oldest first'),
  );
  sort.addEventListener('change', () => on.sort(sort.value as SortOrder));
  menus.append(element('label', {}, 'Order ', sort));
  filters.append(menus);
  const narrow = element('div', { className: 'search-narrow', hidden: true }, types, filters);
  return { narrow, types, filters, summary, selects, sort };
}

/** Redraws the facets: every value with the number of results it would give; how many filters are on. */
export function drawFacets(controls: FacetControls, mode: Mode, state: SearchState, counts: SearchAnswer['counts'] | undefined): void {
  const countsOf = (facet: SearchFacet) => counts?.[facet] ?? {};
  const valuesOf = (facet: SearchFacet, chosen: string) =>
    orderValues(facet, Object.keys(countsOf(facet)).filter((v) => countsOf(facet)[v]! > 0 || v === chosen));
  const chosenType = state.filters.type ?? '';
  const typeCounts = countsOf('type');
  const pill = (value: string, label: string, count: number) => {
    const input = element('input', { type: 'radio', name: `search-${mode}-type`, value, checked: value === chosenType });
    return element('label', { className: 'search-type' }, input, label, ' ', element('span', { className: 'search-type-count' }, `(${count})`));
  };
  // Redrawn with every count: a reader moving through the pills with the arrow keys keeps their place.
  const { types } = controls;
  const focused = types.contains(document.activeElement);
  types.replaceChildren(
    types.querySelector('legend')!,
    pill('', 'All', Object.values(typeCounts).reduce((sum, n) => sum + n, 0)),
    ...valuesOf('type', chosenType).map((v) => pill(v, valueLabel('type', v), typeCounts[v] ?? 0)),
  );
  if (focused) types.querySelector<HTMLInputElement>('input:checked')?.focus();
  for (const facet of menuFacets) {
    const select = controls.selects[facet];
    const chosen = state.filters[facet] ?? '';
    select.replaceChildren(
      element('option', { value: '' }, 'All'),
      ...valuesOf(facet, chosen).map((v) => element('option', { value: v }, `${valueLabel(facet, v)} (${countsOf(facet)[v] ?? 0})`)),
    );
    select.value = chosen;
  }
  const active = menuFacets.filter((f) => state.filters[f]).length + (state.sort ? 1 : 0);
  controls.summary.textContent = active ? `Filters (${active} on)` : 'Filters';
}

/** The status line: how many results, of what, and how many are shown. */
export function countText(answer: SearchAnswer, shown: number): string {
  const pending = answer.archivePending ? '; still searching the source archive…' : '';
  return counted(answer, shown) + pending;
}

function counted(answer: SearchAnswer, shown: number): string {
  const n = answer.results.length;
  const query = answer.state.query.trim();
  const what = query ? ` for “${query}”` : '';
  const showing = n > shown ? `; showing ${shown}` : '';
  if (answer.complete < n) {
    const some = `${n - answer.complete} ${n - answer.complete === 1 ? 'page has' : 'pages have'} all but one of its words`;
    return answer.complete === 0
      ? `No results with every word of “${query}”; ${some}${showing}`
      : `${answer.complete} result${answer.complete === 1 ? '' : 's'}${what}, then ${some}${showing}`;
  }
  const narrowed = Object.values(answer.state.filters).some(Boolean) && query ? ` (of ${answer.unfiltered} before filtering)` : '';
  const dated = answer.state.sort ? ', dated pages only, by date' : '';
  return `${n} result${n === 1 ? '' : 's'}${what}${narrowed}${dated}${showing}`;
}

/** "Did you mean A, B or C?", each a link that runs that search (`pick`); advice when there is none. */
export function suggestionLine(suggestions: readonly string[], filtered: boolean, pick: (query: string) => void): HTMLParagraphElement {
  if (suggestions.length === 0) {
    return element('p', {}, filtered
      ? 'Try removing a filter, or fewer words.'
      : 'Try fewer words, or another spelling: names are found in any common spelling (Lukashenko, Lukashenka).');
  }
  const links = suggestions.map((s) => {
    const a = element('a', { href: `${base}search/?q=${encodeURIComponent(s)}` }, s);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      pick(s);
    });
    return a;
  });
  const sentence: (Node | string)[] = ['Did you mean '];
  links.forEach((a, i) => sentence.push(...(i === 0 ? [] : [i === links.length - 1 ? ' or ' : ', ']), a));
  sentence.push('?');
  return element('p', {}, ...sentence);
}

/** One result: its title (a short link, see resultLink), kind, outlet and date, excerpt, why it matched, its best section. */
export function resultItem(data: PagefindResultData, query: string, vocab: SearchVocabulary): HTMLLIElement {
  const matched = matchedWords(data);
  const href = (url: string) => resultLink(url, query);
  const type = data.filters.type?.[0] as SearchType | undefined;
  const title = element('a', { href: href(data.url), className: 'search-result-title' }, data.meta.title ?? data.url);
  title.dataset.resultLink = '';
  const details = [type && searchTypeNames[type], data.filters.outlet?.join(', '), data.meta.date].filter(Boolean).join(' · ');
  const item = element('li', { className: 'search-result' }, element('h3', {}, title), element('p', { className: 'search-result-meta' }, details));
  const excerpt = element('p', { className: 'search-result-excerpt' });
  excerpt.innerHTML = data.excerpt; // Pagefind's own excerpt: escaped page text with <mark> around matched words
  item.append(excerpt);

  // A word found only among the aliases: say which name it is a spelling of.
  const viaAlias = wordsOf(query).filter((w) => !matched.some((m) => m.toLowerCase().startsWith(w.toLowerCase())));
  const named = viaAlias.flatMap((w) => entitiesCalled(w, vocab.entities).map((e) => ({ w, name: e.name })));
  const shownAlias = named.find(({ w, name }) => name.toLowerCase() !== w.toLowerCase() && aliasTextHas(data.meta.aliases ?? '', name));
  if (shownAlias) item.append(element('p', { className: 'search-result-alias' }, `Mentions ${shownAlias.name} (you searched “${shownAlias.w}”)`));

  // The section that matched best, once: its excerpt only when it says something the one above does not.
  const sub = data.sub_results.find((s) => s.url !== data.url && s.url.includes('#'));
  if (sub) {
    const a = element('a', { href: href(sub.url) }, sub.title);
    a.dataset.resultLink = '';
    const li = element('li', {}, element('span', { className: 'search-subresult-label' }, 'Section: '), a);
    if (sub.excerpt !== data.excerpt) {
      const p = element('p', {});
      p.innerHTML = sub.excerpt;
      li.append(p);
    }
    item.append(element('ul', { className: 'search-subresults' }, li));
  }
  return item;
}
