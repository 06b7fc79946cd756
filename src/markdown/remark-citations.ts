import { relative } from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Components that cite a source; each occurrence becomes a numbered, linkable citation. */
export const citingComponents = new Set(['Cite', 'Quote', 'Variant']);

export interface CitationRecord {
  /** Id of the source entry, or of the primary document when kind is "reference". */
  source: string;
  kind: 'source' | 'reference';
  quote?: string | undefined;
  /** Anchor id of this occurrence on the page, "cite-3". */
  anchor: string;
  /** Number of the source in order of first citation, as shown to readers: [1], [2]… */
  n: number;
  /** file:line:column, for error messages. */
  at: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function attr(node: JsxElement, name: string): string | undefined {
  for (const a of node.attributes) {
    if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string') return a.value;
  }
  return undefined;
}

function setAttr(node: JsxElement, name: string, value: string | number): void {
  node.attributes.push({ type: 'mdxJsxAttribute', name, value: String(value) });
}

/**
 * Glues each citation marker to what precedes it: the space between a word or its full stop and
 * a <Cite>, or between two markers, is dropped (Cite.astro then opens the marker with a word
 * joiner), so a marker never starts a line, where it would seem to cite the next sentence.
 */
export function glueCitations(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as RootContent[];
    for (let i = 1; i < children.length; i++) {
      const child = children[i]!;
      const before = children[i - 1]!;
      if (child.type !== 'mdxJsxTextElement' || child.name !== 'Cite' || before.type !== 'text') continue;
      before.value = before.value.replace(/\s+$/, '');
      if (!before.value) children.splice(--i, 1);
    }
  });
}

/**
 * Numbers every <Cite>, <Quote> and <Variant> in a document (`<Cite doc="…" />` cites a primary
 * document in content/references/ rather than a source), tells each where it stands (so a
 * component can name file:line:column when an id does not resolve) and records the list in the
 * entry's frontmatter as `citations`, from which the page builds its list of sources cited.
 */
export function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const shownPath = file.path ? relative(file.cwd, file.path) : '(unknown file)';
    glueCitations(tree);
    const numbers = new Map<string, number>();
    const records: CitationRecord[] = [];
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as JsxElement;
      if (!element.name || !citingComponents.has(element.name)) return;
      const start = element.position?.start;
      const at = `${shownPath}:${start?.line ?? '?'}:${start?.column ?? '?'}`;
      const doc = element.name === 'Cite' ? attr(element, 'doc') : undefined;
      const source = doc ?? attr(element, 'source');
      if (!source) {
        const what = element.name === 'Cite' ? 'source="…" (content/sources/) or doc="…" (content/references/)' : 'source="…" (content/sources/)';
        file.fail(`<${element.name}> needs a ${what} attribute (at ${at})`, element);
      }
      const kind = doc ? 'reference' : 'source';
      const key = `${kind}:${source}`;
      if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
      const record: CitationRecord = {
        source,
        kind,
        quote: element.name === 'Cite' ? undefined : attr(element, 'id') ?? attr(element, 'quote'),
        anchor: `cite-${records.length + 1}`,
        n: numbers.get(key)!,
        at,
      };
      records.push(record);
      setAttr(element, 'anchor', record.anchor);
      setAttr(element, 'n', record.n);
      setAttr(element, 'at', at);
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.citations = records;
  };
}
