/**
 * The search interface: a panel with a query box, facets, results and suggestions, shown in a
 * dialog on any page or inline on the /search/ page (whose URL carries the query). Loaded only
 * when the reader opens search (see loader.ts). The panel holds the state; its pieces are
 * drawn by views.ts.
 */
import { searchFacets, type SearchFacet } from '../record';
import {
  answers, base, loadPagefind, loadVocabulary, savedOffline, search, searchComplete, suggestionsFor,
  type PagefindResult, type SearchAnswer, type SearchState,
} from './engine';
import {
  countText, drawFacets, element, facetControls, menuFacets, queryForm, resultItem, suggestionLine, type FacetControls, type Mode,
} from './views';

/** Results shown at first and per "Show more": a screenful, since each costs Pagefind a fetch. */
const PAGE_SIZE = 6;
/** How long a two- or three-letter query waits for the next keystroke before it is searched. */
const SHORT_QUERY_WAIT = 150;
/** How long the first results stay unchanged before the archive and the facet data are fetched. */
const COMPLETION_WAIT = 300;

/** Whether two answers list the same pages in the same order. */
const sameResults = (a: SearchAnswer, b: SearchAnswer) =>
  a.complete === b.complete && a.results.length === b.results.length && a.results.every((r, i) => r.id === b.results[i]!.id);

class SearchPanel {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly offline: HTMLElement;
  private readonly suggest: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly facets: FacetControls;
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
    const { form, input } = queryForm(mode, id, {
      submit: () => this.links()[0]?.click(),
      close: () => this.root.closest('dialog')?.close(),
    });
    this.input = input;
    this.facets = facetControls({
      filter: (facet, value) => this.update({ filters: this.withFilter(facet, value) }),
      sort: (sort) => this.update({ sort }),
    });

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

    this.root = element('div', { className: `search-panel search-panel-${mode}` }, form, this.facets.narrow, this.status, this.offline, this.suggest, this.list, this.more);
    this.root.dataset.searchRoot = mode;
    if (mode === 'dialog') {
      this.fullLink = element('a', { href: `${base}search/` }, 'Open on the search page');
      this.root.append(element('p', { className: 'search-help' }, this.fullLink, element('span', { className: 'search-help-keys' }, ' · ↑ ↓ to move, Enter to open, Esc to close')));
    }
    this.input.addEventListener('input', () => this.onInput());
    this.root.addEventListener('keydown', (event) => this.onKey(event));
    addEventListener('online', () => void this.showOffline());
    addEventListener('offline', () => void this.showOffline());
    navigator.serviceWorker?.ready.then(() => this.showOffline()).catch(() => {});
    void this.showOffline();
    this.renderFacets();
  }

  /**
   * Two or three letters match many words by prefix, which costs Pagefind many fetches: wait a
   * moment in case more are coming. Longer queries are searched at once, keystroke by keystroke.
   */
  private onInput(): void {
    clearTimeout(this.typing);
    const query = this.input.value;
    const length = [...query.trim()].length;
    if (length >= 2 && length < 4) this.typing = setTimeout(() => this.update({ query }), SHORT_QUERY_WAIT);
    else this.update({ query });
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
    this.facets.sort.value = state.sort;
    if (state.sort || menuFacets.some((f) => state.filters[f])) this.facets.filters.open = true;
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
    const answer = await this.searchOrSayWhy(state, run);
    if (answer === undefined) return;
    await this.show(answer, state);
    if (run !== this.run) return;
    this.root.dataset.query = state.query;
    this.root.dataset.state = 'shown'; // results are on screen; the archive's and the facet counts may follow
    if (answer && !answer.counts) {
      // The first results come from the core bundle, before the archive and the facet data are
      // fetched. Those are fetched once the reader has paused (at once when nothing is shown), so
      // they never compete with the index chunks and excerpts a query needs.
      if (this.shown > 0) await new Promise((resolve) => setTimeout(resolve, COMPLETION_WAIT));
      if (run !== this.run) return;
      await searchComplete();
      const full = await this.searchOrSayWhy(state, run);
      if (full === undefined) return;
      // Drawn again only when the archive was searched or changed the results; else just counted.
      if (full && !answer.archivePending && sameResults(answer, full)) {
        if (full.counts) answer.counts = full.counts;
      } else {
        await this.show(full, state);
        if (run !== this.run) return;
      }
    }
    this.renderFacets();
    this.root.dataset.state = 'ready';
  }

  /** The answer for `state`; undefined when a newer query has started or search failed (and the reader is told why). */
  private async searchOrSayWhy(state: SearchState, run: number): Promise<SearchAnswer | null | undefined> {
    try {
      const answer = await search(state);
      return run === this.run ? answer : undefined;
    } catch {
      if (run !== this.run) return undefined;
      this.answer = null;
      this.list.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = import.meta.env.DEV
        ? 'The search index exists only in a build: run npm run build, then npm run preview.'
        : navigator.onLine
          ? 'Search could not load. Reload the page to try again.'
          : 'You are offline, and search has not been saved on this device yet.';
      this.root.dataset.state = 'error';
      return undefined;
    }
  }

  /**
   * Draws an answer in place of the one shown: as many results as were shown (at least a screenful),
   * and focus back on the result it was on, if that result is still there.
   */
  private async show(answer: SearchAnswer | null, state: SearchState): Promise<void> {
    const focused = this.list.contains(document.activeElement) ? (document.activeElement as HTMLAnchorElement).href : undefined;
    const wanted = Math.max(this.shown, PAGE_SIZE);
    // The excerpts are fetched while the old list is still shown (Pagefind keeps them for showMore), so it never blinks empty.
    if (answer) await Promise.all(answer.results.slice(0, wanted).map((r) => r.data()));
    this.answer = answer;
    this.shown = 0;
    this.nothing = false;
    this.list.replaceChildren();
    this.suggest.hidden = true;
    this.more.hidden = true;
    if (!answer) {
      this.status.textContent = state.query.trim() ? 'Keep typing: at least two letters.' : '';
      return;
    }
    await this.showMore(false);
    while (answer === this.answer && this.shown < wanted && this.shown < answer.results.length && !this.nothing) await this.showMore(false);
    if (focused) (this.links().find((a) => a.href === focused) ?? this.input).focus();
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
      // Nothing, or only Pagefind's prefix fallback ("Byelorusia" → "by"): say so and suggest names,
      // once the archive has been searched too.
      if (answer.archivePending) {
        this.nothing = true;
        this.status.textContent = 'Searching the source archive…';
      } else await this.showNothing(query, answer);
      return;
    }
    const before = this.list.children.length;
    this.list.append(...page.map((data) => resultItem(data, query, vocab)));
    this.shown += page.length;
    this.more.hidden = this.shown >= answer.results.length;
    this.status.textContent = countText(answer, this.shown);
    // No page has every word: the pages with all but one are shown, and a misspelling may be why.
    if (first && partialOnly) void this.showSuggestions(query, answer, false);
    if (focusNew) this.list.children[before]?.querySelector('a')?.focus();
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
    this.suggest.replaceChildren(suggestionLine(suggestions, filtered, (query) => {
      this.input.value = query;
      this.update({ query });
      this.input.focus();
    }));
    this.suggest.hidden = false;
  }

  /** Facets with their counts (none when the query found nothing), hidden until there is something to narrow. */
  private renderFacets(): void {
    drawFacets(this.facets, this.mode, this.state, this.nothing ? undefined : this.answer?.counts);
    this.facets.narrow.hidden = !this.answer && !Object.values(this.state.filters).some(Boolean);
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
