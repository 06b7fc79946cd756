import type { PlainEntry } from '../../src/content/entries';
import { paths } from '../../src/content/urls';
import type { SynthFile } from './synth-corpus';

/**
 * The same corpus as a Starlight docs site, for a like-for-like build comparison: every entry is a
 * page; sources and explainers keep their MDX bodies, with our citation components replaced by the
 * plain Markdown Starlight can render (a link for <Cite>, a blockquote for <Quote>).
 */
interface QuoteText {
  text: string;
  speaker: string;
}

type Attributes = Record<string, string>;

const attributes = (text: string): Attributes =>
  Object.fromEntries([...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

const link = (source: string) => `/${paths.source(source)}`;

const titleOf = (data: Record<string, unknown>) => String(data.title ?? data.name ?? data.term);
const descriptionOf = (data: Record<string, unknown>) =>
  String(data.summary ?? data.description ?? data.definition ?? data.role ?? '');

/** Replaces <Cite>, <Quote>, <Variants> and <Variant> with Markdown. */
export function citationsToMarkdown(body: string, quoteOf: (source: string, id: string) => QuoteText | undefined): string {
  const quoted = (a: Attributes) => {
    const q = quoteOf(a.source ?? '', a.id ?? a.quote ?? '');
    return q ?? { text: '(quote not found)', speaker: '' };
  };
  return body
    .replace(/<Variants\b([^>]*)>/g, (_, attrs: string) => `\n\n**Where the sources differ: ${attributes(attrs).title ?? ''}**\n\n`)
    .replace(/<\/Variants>/g, '\n\n')
    .replace(/<(Cite|Quote|Variant)\b([^>]*?)\/>/g, (_, name: string, attrs: string) => {
      const a = attributes(attrs);
      const cite = `[[source]](${link(a.source ?? '')})`;
      if (name === 'Cite') return cite;
      const q = quoted(a);
      if (name === 'Quote' && /\binline\b/.test(attrs)) return `“${q.text}” ${cite}`;
      return `\n\n> ${q.text}\n>\n> — ${q.speaker} ${cite}\n\n`;
    })
    // Self-closing elements are gone by now, so this matches only a <Variant> with content.
    .replace(/<Variant\b([^>]*)>([\s\S]*?)<\/Variant>/g, (_, attrs: string, inner: string) =>
      `\n\n${inner.trim()} [[source]](${link(attributes(attrs).source ?? '')})\n\n`)
    .replace(/\n{3,}/g, '\n\n');
}

const frontmatter = (title: string, description: string) =>
  `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\n---\n\n`;

/** One Starlight page per entry, under src/content/docs/, at the same URL paths as our site. */
export function starlightPages(entries: PlainEntry[]): SynthFile[] {
  const names = new Map<string, string>();
  const quotes = new Map<string, QuoteText>();
  for (const e of entries) {
    if (e.collection === 'actors') names.set(e.id, String(e.data.name));
  }
  for (const e of entries) {
    if (e.collection !== 'sources') continue;
    for (const q of e.data.quotes as Array<{ id: string; text: string; speaker: { id: string } }>) {
      quotes.set(`${e.id}#${q.id}`, { text: q.text, speaker: names.get(q.speaker.id) ?? q.speaker.id });
    }
  }
  const quoteOf = (source: string, id: string) => quotes.get(`${source}#${id}`);
  const pages: SynthFile[] = [
    { path: 'index.md', text: `${frontmatter('Minsk Talks Explained', 'Benchmark corpus')}A benchmark corpus.\n` },
  ];
  for (const e of entries) {
    const head = frontmatter(titleOf(e.data), descriptionOf(e.data));
    if (e.collection === 'sources' || e.collection === 'explainers') {
      let body = citationsToMarkdown(e.body ?? '', quoteOf);
      if (e.collection === 'sources') {
        const key = (e.data.quotes as Array<{ id: string }>).map((q) => {
          const found = quoteOf(e.id, q.id)!;
          return `> ${found.text}\n>\n> — ${found.speaker}`;
        });
        body += `\n\n## Key quotes\n\n${key.join('\n\n')}\n`;
      }
      pages.push({ path: `${e.collection}/${e.id}.mdx`, text: head + body });
    } else {
      // Data entries become short Markdown pages listing their fields, as our pages for them do.
      const fields = Object.entries(e.data)
        .filter(([, value]) => typeof value === 'string')
        .map(([key, value]) => `- **${key}**: ${String(value)}`);
      pages.push({ path: `${e.collection}/${e.id}.md`, text: `${head}${fields.join('\n')}\n` });
    }
  }
  return pages;
}
