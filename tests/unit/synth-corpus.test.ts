import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content';
import { findBrokenReferences } from '../../src/content/checks/references';
import { countWords } from '../../src/features/reading/reading';
import { corpusShape, synthCorpus, writeCorpus } from '../../scripts/lib/synth-corpus';
import { citationsToMarkdown, starlightPages } from '../../scripts/lib/starlight-corpus';

const text = (files: Iterable<{ path: string; text: string }>) => [...files].map((f) => `${f.path}\n${f.text}`).join('\n');

describe('synthetic corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mte-synth-'));
  const counts = writeCorpus(dir, { sources: 60, seed: 7 });
  const { entries, errors } = loadContent(dir, dir);
  const of = (collection: string) => entries.filter((e) => e.collection === collection);

  it('validates against the site schemas, and every cross-link resolves', () => {
    expect(errors).toEqual([]);
    expect(findBrokenReferences(entries)).toEqual([]);
  });

  it('has the collections in the proportions corpusShape gives', () => {
    expect(counts).toEqual(corpusShape(60));
    for (const [collection, n] of Object.entries(corpusShape(60))) expect(of(collection)).toHaveLength(n);
  });

  it('gives sources 600–1,500 words of prose, quotes, and actors with aliases', () => {
    for (const source of of('sources')) {
      const words = countWords(source.body ?? '');
      expect(words, source.id).toBeGreaterThanOrEqual(600);
      expect(words, source.id).toBeLessThanOrEqual(1_500);
      expect((source.data.quotes as unknown[]).length, source.id).toBeGreaterThan(0);
    }
    expect(of('actors').every((a) => (a.data.aliases as string[]).length > 0)).toBe(true);
    const bodies = new Set(of('sources').map((s) => s.body));
    expect(bodies.size).toBe(60);
  });

  it('writes explainers that cite sources and their recorded quotes', () => {
    const quotes = new Set(of('sources').flatMap((s) => (s.data.quotes as Array<{ id: string }>).map((q) => `${s.id}#${q.id}`)));
    for (const explainer of of('explainers')) {
      const body = explainer.body ?? '';
      const cites = [...body.matchAll(/<Cite source="([^"]+)"/g)].map((m) => m[1]);
      const quoted = [...body.matchAll(/<(?:Quote[^>]*|Variant) source="([^"]+)" (?:id|quote)="([^"]+)"/g)].map((m) => `${m[1]}#${m[2]}`);
      expect(cites.length, explainer.id).toBeGreaterThan(5);
      expect(quoted.length, explainer.id).toBeGreaterThan(0);
      expect(quoted.filter((q) => !quotes.has(q))).toEqual([]);
      expect(body).toMatch(/<Variants title="[^"]+">/);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const first = text(synthCorpus({ sources: 20, seed: 3 }));
    expect(text(synthCorpus({ sources: 20, seed: 3 }))).toBe(first);
    expect(text(synthCorpus({ sources: 20, seed: 4 }))).not.toBe(first);
  });

  it('converts to one Starlight page per entry, with no component left in the bodies', () => {
    const pages = starlightPages(entries);
    expect(pages).toHaveLength(entries.length + 1);
    const explainerPages = pages.filter((p) => p.path.startsWith('explainers/'));
    expect(explainerPages.length).toBe(of('explainers').length);
    for (const page of explainerPages) {
      expect(page.text).not.toMatch(/<(Cite|Quote|Variants?)\b/);
      expect(page.text).toMatch(/\[\[source\]\]\(\/sources\/[a-z0-9-]+\/\)/);
    }
  });
});

describe('citationsToMarkdown', () => {
  const quoteOf = (source: string, id: string) => (source === 's' && id === 'q' ? { text: 'We will talk.', speaker: 'Ann' } : undefined);

  it('turns each citing component into Markdown', () => {
    const body = [
      'A claim.<Cite source="s" /> She said <Quote inline source="s" id="q" />.',
      '<Quote source="s" id="q" />',
      '<Variants title="Where">\n  <Variant source="s" quote="q" />\n  <Variant source="t">No place named.</Variant>\n</Variants>',
    ].join('\n\n');
    expect(citationsToMarkdown(body, quoteOf)).toBe(
      'A claim.[[source]](/sources/s/) She said “We will talk.” [[source]](/sources/s/).\n\n' +
        '> We will talk.\n>\n> — Ann [[source]](/sources/s/)\n\n' +
        '**Where the sources differ: Where**\n\n  \n\n> We will talk.\n>\n> — Ann [[source]](/sources/s/)\n\n  \n\n' +
        'No place named. [[source]](/sources/t/)\n\n',
    );
  });
});
