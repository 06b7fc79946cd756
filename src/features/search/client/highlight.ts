/**
 * Arriving from a search result (a link carrying the words the reader typed, see resultLink in
 * engine.ts): marks those words on the page with Pagefind's highlight script, and every
 * other spelling of a name among them, from the search vocabulary, so a search for "Lukashenka"
 * marks "Lukashenko" too while the link stays short. Loaded by loader.ts only then.
 */
import { aliasesInQuery } from '../aliases';
import { excludedFromHighlight } from '../scope';
import { vocabularyPath, type SearchVocabulary } from '../vocabulary';

interface HighlightOptions {
  highlightParam: string;
  addStyles: boolean;
  markOptions: { className: string; exclude: readonly string[] };
}
interface PagefindHighlight {
  getHighlightParams(param: string): string[];
}
type PagefindHighlightClass = new (options: HighlightOptions) => PagefindHighlight;

export async function highlightArrival(base: string, param: string): Promise<void> {
  const typed = new URLSearchParams(location.search).getAll(param);
  const [vocabulary] = await Promise.all([
    // As engine.ts fetches it (revalidated; the service worker keeps a copy offline).
    fetch(`${base}${vocabularyPath}`, { cache: 'no-cache' })
      .then((r) => (r.ok ? (r.json() as Promise<SearchVocabulary>) : undefined))
      .catch(() => undefined),
    import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`),
  ]);
  const aliases = vocabulary ? aliasesInQuery(typed.join(' '), vocabulary.entities) : [];
  const Highlight = (window as unknown as { PagefindHighlight: PagefindHighlightClass }).PagefindHighlight;
  // Pagefind's script marks what getHighlightParams gives, from its constructor: the typed words, and here their aliases.
  class WithAliases extends Highlight {
    override getHighlightParams(name: string): string[] {
      return [...new Set([...super.getHighlightParams(name), ...aliases])];
    }
  }
  new WithAliases({ highlightParam: param, addStyles: false, markOptions: { className: 'search-hit', exclude: excludedFromHighlight } });
  if (!location.hash) document.querySelector('mark.search-hit')?.scrollIntoView({ block: 'center' });
}
