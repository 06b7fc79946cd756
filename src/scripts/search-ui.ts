/**
 * The search interface: a panel with a query box, facets, results and suggestions, shown in a
 * dialog on any page or inline on the /search/ page (whose URL carries the query). Loaded only
 * when the reader opens search (see search-loader.ts).
 */
import { entitiesCalled, wordsOf } from '../lib/aliases';
import { searchFacets, searchTypeLabels, searchTypeNames, searchTypes, type SearchFacet, type SearchType } from '../lib/search-record';
import {
  answers, base, facetsLoaded, loadPagefind, loadVocabulary, matchedWords, resultLink, savedOffline, search,
  suggestionsFor, type PagefindResult, type PagefindResultData, type SearchAnswer, type SearchState, type SortOrder,
} from './search-engine';

type Mode = 'dialog' | 'page';
/** Results shown at first and per "Show more": a screenful, since each costs Pagefind a fetch. */
const PAGE_SIZE = 6;
/** How long a two- or three-letter query waits for the next keystroke before it is searched. */
const SHORT_QUERY_WAIT = 150;
/** How long the first results stay unchanged before the facet data is fetched to count them. */
const FACET_WAIT = 300;
const facetLabels: Record<SearchFacet, string> = { type: 'Type', outlet: 'Outlet', actor: 'Actor', year: 'Year' };
/** The facets chosen from menus behind "Filters"; type is a row of pills. */
const menuFacets = ['outlet', 'actor', 'year'] as const satisfies readonly SearchFacet[];
type MenuFacet = (typeof menuFacets)[number];
const valueLabel = (facet: SearchFacet, value: string) => (facet === 'type' ? searchTypeLabels[value as SearchType] ?? value : value);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
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

class SearchPanel {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly offline: HTMLElement;
  private readonly suggest: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly types: HTMLFieldSetElement;
  private readonly selects = {} as Record<MenuFacet, HTMLSelectElement>;
  private readonly filters: HTMLDetailsElement;
  /** The type pills and the filters: hidden until there are results to narrow. */
  private readonly narrow: HTMLElement;
  private readonly filtersSummary: HTMLElement;
  private readonly sort: HTMLSelectElement;
  private readonly fullLink: HTMLAnchorElement | undefined;
  private state: SearchState = { query: '', filters: {}, sort: '' };
  private answer: SearchAnswer | null = null;
  private shown = 0;
  /** The query found nothing (or only prefix-fallback matches): facets count nothing either. */
  private nothing = false;
  private run = 0;
  private typing: ReturnType<typeof setTimeout> | undefined;

  /**
   * `start`: what the /search/ page shows before a search (starting searches, the explainers),
   * hidden while there is a query.
   */
  constructor(private readonly mode: Mode, private readonly start: HTMLElement | null = null) {
    const id = (name: string) => `search-${mode}-${name}`;
    this.input = element('input', {
      id: id('input'), type: 'search', name: 'q', autocomplete: 'off', spellcheck: false,
      placeholder: 'Names, places, terms… any spelling',
    });
    this.input.setAttribute('aria-describedby', id('status'));
    this.input.setAttribute('aria-controls', id('results'));
    this.input.setAttribute('enterkeyhint', 'search');
    const form = element('form', { className: 'search-form', role: 'search', action: `${base}search/` },
      element('label', { htmlFor: id('input'), className: 'search-label' }, 'Search the site'),
      this.input,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.links()[0]?.click();
    });
    if (mode === 'dialog') {
      const close = element('button', { type: 'button', className: 'search-close' }, 'Close');
      close.setAttribute('aria-label', 'Close search');
      close.addEventListener('click', () => this.root.closest('dialog')?.close());
      form.append(close);
    }

    // Type as a row of pills with counts (the choice most searches need); the other facets and
    // the order behind one "Filters" control, so the first result stays on a phone's first screen.
    this.types = element('fieldset', { className: 'search-types' }, element('legend', { className: 'visually-hidden' }, 'Type'));
    this.types.dataset.facet = 'type';
    this.types.addEventListener('change', (event) => {
      const value = (event.target as HTMLInputElement).value;
      this.update({ filters: this.withFilter('type', value) });
    });
    this.filtersSummary = element('summary', {}, 'Filters');
    this.filters = element('details', { className: 'search-filters' }, this.filtersSummary);
    // Open where there is room for it; a phone shows the one control.
    this.filters.open = matchMedia('(min-width: 48rem)').matches;
    const menus = element('div', { className: 'search-facets' });
    menus.setAttribute('role', 'group');
    menus.setAttribute('aria-label', 'Narrow the results');
    for (const facet of menuFacets) {
      const select = element('select', { name: facet });
      select.dataset.facet = facet;
      select.addEventListener('change', () => this.update({ filters: this.withFilter(facet, select.value) }));
      this.selects[facet] = select;
      menus.append(element('label', {}, facetLabels[facet], ' ', select));
    }
    this.sort = element('select', { name: 'sort' },
      element('option', { value: '' }, 'Best match'),
      element('option', { value: 'desc' }, 'Newest first'),
      element('option', { value: 'asc' }, 'Oldest first'),
    );
    this.sort.addEventListener('change', () => this.update({ sort: this.sort.value as SortOrder }));
    menus.append(element('label', {}, 'Order ', this.sort));
    this.filters.append(menus);
    this.narrow = element('div', { className: 'search-narrow', hidden: true }, this.types, this.filters);

    this.status = element('p', { id: id('status'), className: 'search-status' });
    this.status.setAttribute('role', 'status');
    this.offline = element('p', { className: 'search-offline', hidden: true });
    this.offline.dataset.offline = '';
    this.suggest = element('div', { className: 'search-suggest', hidden: true });
    this.suggest.dataset.suggest = '';
    this.list = element('ol', { id: id('results'), className: 'search-results' });
    this.list.setAttribute('aria-label', 'Results');
    this.more = element('button', { type: 'button', className: 'search-more', hidden: true }, 'Show more results');
    this.more.addEventListener('click', () => void this.showMore(true));

    this.root = element('div', { className: `search-panel search-panel-${mode}` }, form, this.narrow, this.status, this.offline, this.suggest, this.list, this.more);
    this.root.dataset.searchRoot = mode;
    if (mode === 'dialog') {
      this.fullLink = element('a', { href: `${base}search/` }, 'Open on the search page');
      this.root.append(element('p', { className: 'search-help' }, this.fullLink, element('span', { className: 'search-help-keys' }, ' · ↑ ↓ to move, Enter to open, Esc to close')));
    }
    this.input.addEventListener('input', () => {
      // Two or three letters match many words by prefix, which costs Pagefind many fetches: wait a
      // moment in case more are coming. Longer queries are searched at once, keystroke by keystroke.
      clearTimeout(this.typing);
      const query = this.input.value;
      const length = [...query.trim()].length;
      if (length >= 2 && length < 4) this.typing = setTimeout(() => this.update({ query }), SHORT_QUERY_WAIT);
      else this.update({ query });
    });
    this.root.addEventListener('keydown', (event) => this.onKey(event));
    addEventListener('online', () => void this.showOffline());
    addEventListener('offline', () => void this.showOffline());
    navigator.serviceWorker?.ready.then(() => this.showOffline()).catch(() => {});
    void this.showOffline();
    this.renderFacets();
  }

  /** The query and facets as URL parameters: /search/?q=Minsk&type=source. */
  static stateFromUrl(params: URLSearchParams): SearchState {
    const filters: SearchState['filters'] = {};
    for (const facet of searchFacets) {
      const value = params.get(facet);
      if (value) filters[facet] = value;
    }
    const sort = params.get('sort');
    return { query: params.get('q') ?? '', filters, sort: sort === 'asc' || sort === 'desc' ? sort : '' };
  }

  /** The filters with `facet` set to `value`, or left out for "All" (''). */
  private withFilter(facet: SearchFacet, value: string): SearchState['filters'] {
    const { [facet]: _, ...others } = this.state.filters;
    return value ? { ...others, [facet]: value } : others;
  }

  private urlParams(): URLSearchParams {
    const params = new URLSearchParams();
    if (this.state.query) params.set('q', this.state.query);
    for (const facet of searchFacets) if (this.state.filters[facet]) params.set(facet, this.state.filters[facet]!);
    if (this.state.sort) params.set('sort', this.state.sort);
    return params;
  }

  restore(state: SearchState): void {
    this.input.value = state.query;
    this.sort.value = state.sort;
    if (state.sort || menuFacets.some((f) => state.filters[f])) this.filters.open = true;
    this.update(state);
  }

  update(change: Partial<SearchState>): void {
    this.state = { ...this.state, ...change };
    const params = this.urlParams().toString();
    if (this.mode === 'page') history.replaceState(history.state, '', params ? `?${params}` : location.pathname);
    if (this.fullLink) this.fullLink.href = `${base}search/${params ? `?${params}` : ''}`;
    if (this.start) this.start.hidden = Boolean(this.state.query.trim());
    void this.execute();
  }

  private async execute(): Promise<void> {
    const run = ++this.run;
    const state = this.state;
    this.root.dataset.state = 'searching';
    let answer: SearchAnswer | null;
    try {
      answer = await search(state);
    } catch {
      if (run !== this.run) return;
      this.answer = null;
      this.list.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = import.meta.env.DEV
        ? 'The search index exists only in a build: run npm run build, then npm run preview.'
        : navigator.onLine
          ? 'Search could not load. Reload the page to try again.'
          : 'You are offline, and search has not been saved on this device yet.';
      this.root.dataset.state = 'error';
      return;
    }
    if (run !== this.run) return; // a newer query has started
    this.answer = answer;
    this.shown = 0;
    this.nothing = false;
    this.list.replaceChildren();
    this.suggest.hidden = true;
    this.more.hidden = true;
    if (answer) await this.showMore(false);
    else this.status.textContent = state.query.trim() ? 'Keep typing: at least two letters.' : '';
    if (run !== this.run) return;
    this.root.dataset.query = state.query;
    this.root.dataset.state = 'shown'; // results are on screen; facet counts may follow
    if (answer && !answer.counts) {
      // The first results are shown before the facet data is fetched; it is fetched once the reader
      // has paused, so it never competes with the index chunks and excerpts a query needs.
      await new Promise((resolve) => setTimeout(resolve, FACET_WAIT));
      if (run !== this.run) return;
      await facetsLoaded();
      const counted = await search(state);
      if (run !== this.run) return;
      if (counted?.counts) answer.counts = counted.counts;
    }
    this.renderFacets();
    this.root.dataset.state = 'ready';
  }

  /** Renders the next page of results; the first page also decides on "did you mean". */
  private async showMore(focusNew: boolean): Promise<void> {
    const answer = this.answer;
    if (!answer) return;
    const run = this.run;
    const [page, vocab] = await Promise.all([
      Promise.all(answer.results.slice(this.shown, this.shown + PAGE_SIZE).map((r: PagefindResult) => r.data())),
      loadVocabulary(),
    ]);
    if (run !== this.run) return;
    const query = answer.state.query.trim();
    const first = this.shown === 0;
    const partial = answer.results.length > answer.complete;
    if (first && query && answer.complete > 0 && partial && page.slice(0, answer.complete).every((d) => !answers(query, d))) {
      // The pages "with every word" have one only by Pagefind's prefix fallback: show those with all but one instead.
      answer.results = answer.results.slice(answer.complete);
      answer.complete = 0;
      await this.showMore(focusNew);
      return;
    }
    const partialOnly = answer.complete === 0 && partial;
    if (first && query && !partialOnly && (page.length === 0 || page.every((d) => !answers(query, d)))) {
      // Nothing, or only Pagefind's prefix fallback ("Byelorusia" → "by"): say so and suggest names.
      await this.showNothing(query, answer);
      return;
    }
    const before = this.list.children.length;
    this.list.append(...page.map((data) => this.renderResult(data, query, vocab)));
    this.shown += page.length;
    this.more.hidden = this.shown >= answer.results.length;
    this.status.textContent = this.countText(answer);
    // No page has every word: the pages with all but one are shown, and a misspelling may be why.
    if (first && partialOnly) void this.showSuggestions(query, answer, false);
    if (focusNew) this.list.children[before]?.querySelector('a')?.focus();
  }

  private countText(answer: SearchAnswer): string {
    const n = answer.results.length;
    const what = answer.state.query.trim() ? ` for “${answer.state.query.trim()}”` : '';
    const showing = n > this.shown ? `; showing ${this.shown}` : '';
    if (answer.complete < n) {
      const some = `${n - answer.complete} ${n - answer.complete === 1 ? 'page has' : 'pages have'} all but one of its words`;
      return answer.complete === 0
        ? `No results with every word of “${answer.state.query.trim()}”; ${some}${showing}`
        : `${answer.complete} result${answer.complete === 1 ? '' : 's'}${what}, then ${some}${showing}`;
    }
    const narrowed = Object.values(answer.state.filters).some(Boolean) && answer.state.query.trim() ? ` (of ${answer.unfiltered} before filtering)` : '';
    const dated = answer.state.sort ? ', dated pages only, by date' : '';
    return `${n} result${n === 1 ? '' : 's'}${what}${narrowed}${dated}${showing}`;
  }

  private async showNothing(query: string, answer: SearchAnswer): Promise<void> {
    this.nothing = true;
    const filtered = Object.values(answer.state.filters).some(Boolean);
    this.status.textContent = `No results for “${query}”${filtered ? ' with these filters' : ''}.`;
    await this.showSuggestions(query, answer, true);
  }

  /** "Did you mean": the closest known names; with `always`, advice when there are none. */
  private async showSuggestions(query: string, answer: SearchAnswer, always: boolean): Promise<void> {
    const filtered = Object.values(answer.state.filters).some(Boolean);
    const suggestions = await suggestionsFor(query);
    if (answer !== this.answer) return;
    if (suggestions.length === 0 && !always) return;
    if (suggestions.length === 0) {
      this.suggest.replaceChildren(element('p', {}, filtered
        ? 'Try removing a filter, or fewer words.'
        : 'Try fewer words, or another spelling: names are found in any common spelling (Lukashenko, Lukashenka).'));
    } else {
      const links = suggestions.map((s) => {
        const a = element('a', { href: `${base}search/?q=${encodeURIComponent(s)}` }, s);
        a.addEventListener('click', (event) => {
          event.preventDefault();
          this.input.value = s;
          this.update({ query: s });
          this.input.focus();
        });
        return a;
      });
      const sentence: (Node | string)[] = ['Did you mean '];
      links.forEach((a, i) => sentence.push(...(i === 0 ? [] : [i === links.length - 1 ? ' or ' : ', ']), a));
      sentence.push('?');
      this.suggest.replaceChildren(element('p', {}, ...sentence));
    }
    this.suggest.hidden = false;
  }

  private renderResult(data: PagefindResultData, query: string, vocab: Awaited<ReturnType<typeof loadVocabulary>>): HTMLLIElement {
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
    const shownAlias = named.find(({ w, name }) => name.toLowerCase() !== w.toLowerCase() && (data.meta.aliases ?? '').includes(name));
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

  /** Facets: every value with the number of results it would give; how many filters are on. */
  private renderFacets(): void {
    const countsOf = (facet: SearchFacet) => (!this.nothing && this.answer?.counts?.[facet]) || {};
    const valuesOf = (facet: SearchFacet, chosen: string) => {
      const counts = countsOf(facet);
      return orderValues(facet, Object.keys(counts).filter((v) => counts[v]! > 0 || v === chosen));
    };
    const chosenType = this.state.filters.type ?? '';
    const typeCounts = countsOf('type');
    const total = Object.values(typeCounts).reduce((sum, n) => sum + n, 0);
    const pill = (value: string, label: string, count: number) => {
      const input = element('input', { type: 'radio', name: `search-${this.mode}-type`, value, checked: value === chosenType });
      return element('label', { className: 'search-type' }, input, label, ' ', element('span', { className: 'search-type-count' }, `(${count})`));
    };
    // Redrawn with every count: a reader moving through the pills with the arrow keys keeps their place.
    const focused = this.types.contains(document.activeElement);
    this.types.replaceChildren(
      this.types.querySelector('legend')!,
      pill('', 'All', total),
      ...valuesOf('type', chosenType).map((v) => pill(v, valueLabel('type', v), typeCounts[v] ?? 0)),
    );
    if (focused) this.types.querySelector<HTMLInputElement>('input:checked')?.focus();
    for (const facet of menuFacets) {
      const select = this.selects[facet];
      const counts = countsOf(facet);
      const chosen = this.state.filters[facet] ?? '';
      select.replaceChildren(
        element('option', { value: '' }, 'All'),
        ...valuesOf(facet, chosen).map((v) => element('option', { value: v }, `${valueLabel(facet, v)} (${counts[v] ?? 0})`)),
      );
      select.value = chosen;
    }
    const active = menuFacets.filter((f) => this.state.filters[f]).length + (this.state.sort ? 1 : 0);
    this.filtersSummary.textContent = active ? `Filters (${active} on)` : 'Filters';
    this.narrow.hidden = !this.answer && !Object.values(this.state.filters).some(Boolean);
  }

  private async showOffline(): Promise<void> {
    const saved = await savedOffline();
    const text = saved
      ? navigator.onLine ? '✓ Search works offline on this device.' : 'You are offline: search works from the copy saved on this device.'
      : navigator.onLine ? '' : 'You are offline, and search has not been saved on this device yet.';
    this.offline.textContent = text;
    this.offline.hidden = !text;
    this.offline.dataset.offline = saved ? 'saved' : 'not-saved';
  }

  private links(): HTMLAnchorElement[] {
    return [...this.list.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
  }

  /** ↓/↑ move between the query box and the results; typing from a result goes back to the box. */
  private onKey(event: KeyboardEvent): void {
    const links = this.links();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && (event.target === this.input || at >= 0)) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? this.input : links[at - 1]!).focus();
    } else if (event.key === 'Escape' && this.mode === 'dialog') {
      // A search box would clear itself first; the hint promises Esc closes, so it closes (keeping the query).
      event.preventDefault();
      this.root.closest('dialog')?.close();
    } else if (event.key === 'Escape' && this.mode === 'page' && event.target === this.input && this.input.value) {
      event.preventDefault();
      this.input.value = '';
      this.update({ query: '' });
    } else if (at >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      this.input.focus(); // the character goes into the box
    }
  }
}

let dialogPanel: SearchPanel | undefined;
let pagePanel: SearchPanel | undefined;

/** Opens search: focuses the /search/ page's box, or shows the search dialog on any other page. */
export function openSearch(trigger: HTMLElement | null): void {
  void loadPagefind().catch(() => {}); // start fetching the index while the dialog opens
  if (pagePanel) {
    pagePanel.input.focus();
    pagePanel.input.select();
    return;
  }
  let dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
  if (!dialog || !dialogPanel) {
    dialogPanel = new SearchPanel('dialog');
    dialog = element('dialog', { className: 'search-dialog' }, dialogPanel.root);
    dialog.setAttribute('aria-label', 'Search');
    // A click on the backdrop (outside the panel) closes the dialog.
    dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog!.close(); });
    dialog.addEventListener('close', () => trigger?.focus());
    document.body.append(dialog);
  }
  if (!dialog.open) dialog.showModal();
  dialogPanel.input.focus();
  dialogPanel.input.select();
}

/** The /search/ page: the panel in place of the plain form, restoring the search in the URL. */
export function mountSearchPage(container: HTMLElement, start: HTMLElement | null): void {
  pagePanel = new SearchPanel('page', start);
  container.replaceChildren(pagePanel.root);
  pagePanel.restore(SearchPanel.stateFromUrl(new URLSearchParams(location.search)));
  pagePanel.input.focus();
}
