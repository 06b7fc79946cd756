import { fileURLToPath } from 'node:url';
import { cacheDir } from 'astro:config/server';
import { getCollection, render, type CollectionEntry, type CollectionKey } from 'astro:content';
import { findBrokenReferences, formatProblems } from '../content/checks/references';
import { buildSiteIndex, type Citation, type SiteContent, type SiteIndex } from '../content/site-index';
import { findBrokenCitations } from '../content/checks/citations';
import { checkProseFiles, locateProblem } from '../content/load-content';
import { formatProblem, parseProblem } from '../content/checks/annotations';
import type { CitationRecord } from '../markdown/remark-citations';
import { repositoryUrl } from './site-config';
import { contentCodeDigest } from '../utils/digests-fs';

/**
 * The one place pages get content from: loads every collection once per build, checks every
 * cross-link (Astro's reference() does not), and builds the shared index.
 */
let cached: Promise<SiteIndex> | undefined;

export function getSite(): Promise<SiteIndex> {
  cached ??= loadSite();
  return cached;
}

const rendered = new Map<string, ReturnType<typeof render>>();

/** Compiles an explainer once per build; the site index and its page share the result. */
export function renderExplainer(entry: CollectionEntry<'explainers'>): ReturnType<typeof render> {
  let result = rendered.get(entry.id);
  if (!result) {
    result = render(entry);
    rendered.set(entry.id, result);
  }
  return result;
}

/** The explainer entry as Astro loaded it, for rendering. */
export async function explainerEntry(id: string): Promise<CollectionEntry<'explainers'>> {
  const site = await getSite();
  return site.byId.explainers.get(id) as unknown as CollectionEntry<'explainers'>;
}

async function load<C extends CollectionKey>(name: C): Promise<CollectionEntry<C>[]> {
  return getCollection(name);
}

async function loadSite(): Promise<SiteIndex> {
  const [sources, explainers, actors, outlets, events, glossary, references, places] = await Promise.all([
    load('sources'), load('explainers'), load('actors'), load('outlets'),
    load('events'), load('glossary'), load('references'), load('places'),
  ]);
  const content = { sources, explainers, actors, outlets, events, glossary, references, places } as unknown as SiteContent;
  const all = Object.entries(content).flatMap(([collection, items]) =>
    items.map((item: SiteContent[keyof SiteContent][number]) => ({ ...item, collection: collection as keyof SiteContent })),
  );
  const problems = findBrokenReferences(all);
  // Our own words, read from the files as written (src/content/checks/prose.ts); the same lines check:content prints.
  const prose = checkProseFiles(all as Parameters<typeof checkProseFiles>[0], process.cwd(), fileURLToPath(new URL('prose-checks.json', cacheDir)));
  if (prose.length) throw new Error(`Content has ${prose.length} problem(s) in our own words:\n${prose.join('\n')}`);

  // Citations are recorded by remark-citations when an explainer is compiled.
  const citations: Citation[] = [];
  for (const explainer of explainers) {
    const { remarkPluginFrontmatter } = await renderExplainer(explainer);
    const records = (remarkPluginFrontmatter.citations ?? []) as CitationRecord[];
    citations.push(...records.map((r) => ({ explainer: explainer.id, source: r.source, kind: r.kind, quote: r.quote, anchor: r.anchor, at: r.at })));
  }
  // What pages are shaped by besides content, for their cache keys (src/content/page-keys.ts): the
  // repository URL, and the Markdown pipeline's code with the content model it uses, which the
  // config holds, so no page's module graph shows them.
  const index = buildSiteIndex(content, citations, [repositoryUrl ?? '', contentCodeDigest()]);
  problems.push(...findBrokenCitations(index, citations));
  if (problems.length) {
    // Each at the line of its field, as check:content prints it.
    const located = formatProblems(problems).split('\n').map((line) => formatProblem(locateProblem(parseProblem(line))));
    throw new Error(`Content has ${problems.length} broken link(s):\n${located.join('\n')}`);
  }
  return index;
}
