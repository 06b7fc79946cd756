import { describe, expect, it } from 'vitest';
import type { PlainEntry } from '../../src/content/entries';
import { citingExplainers, entryOfPath, escapeMarkdown, listingEntries, parseNameStatus, summaryLines } from '../../scripts/lib/pr-summary';

const ref = (collection: string, id: string) => ({ collection, id });
const entries: PlainEntry[] = [
  {
    collection: 'sources', id: 'minsk-offer', filePath: 'content/sources/minsk-offer.mdx',
    data: { title: 'Minsk offers to host talks', quotes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], formerIds: ['old-offer'] }, body: 'Ours.',
  },
  { collection: 'sources', id: 'other', filePath: 'content/sources/other.mdx', data: { title: 'Other', quotes: [] }, body: '' },
  {
    collection: 'explainers', id: 'why-minsk', data: { title: 'Why Minsk' },
    body: 'A claim.<Cite source="minsk-offer" /> <Quote id="a" source=\'minsk-offer\' inline="true" />',
  },
  { collection: 'explainers', id: 'variants', data: { title: 'Variants' }, body: '<Variants title="x">\n  <Variant source="minsk-offer" quote="a" />\n</Variants>' },
  { collection: 'explainers', id: 'unrelated', data: { title: 'Unrelated' }, body: '<Cite source="minsk-offer-2" /> <Cite doc="minsk-offer" />' },
  { collection: 'events', id: '2025-03-offer', data: { title: 'Offer made', sources: [ref('sources', 'minsk-offer')] } },
  { collection: 'glossary', id: 'venue', data: { term: 'Venue', sources: [ref('sources', 'other'), ref('sources', 'minsk-offer')] } },
  { collection: 'glossary', id: 'host', data: { term: 'Host', sources: [ref('sources', 'other')] } },
  { collection: 'actors', id: 'ann', data: { name: 'Ann <b>Speaker</b>' } },
];

describe('reading the diff', () => {
  it('parses git diff --name-status -z, renames and copies included', () => {
    const out = ['A', 'content/sources/minsk-offer.mdx', 'M', 'content/actors/ann.yaml', 'D', 'content/places/gone.yaml', 'R091', 'content/sources/old-offer.mdx', 'content/sources/minsk-offer.mdx', 'C100', 'content/actors/ann.yaml', 'content/actors/bob.yaml', ''].join('\0');
    expect(parseNameStatus(out)).toEqual([
      { kind: 'added', path: 'content/sources/minsk-offer.mdx' },
      { kind: 'changed', path: 'content/actors/ann.yaml' },
      { kind: 'removed', path: 'content/places/gone.yaml' },
      { kind: 'renamed', path: 'content/sources/minsk-offer.mdx', from: 'content/sources/old-offer.mdx' },
      { kind: 'added', path: 'content/actors/bob.yaml' },
    ]);
    expect(parseNameStatus('')).toEqual([]);
  });

  it('knows which paths are entries', () => {
    expect(entryOfPath('content/glossary/venue.yml')).toEqual({ collection: 'glossary', id: 'venue' });
    expect(entryOfPath('content/sources/minsk-offer.mdx')).toEqual({ collection: 'sources', id: 'minsk-offer' });
    expect(entryOfPath('content/sources/minsk-offer.yaml')).toBeUndefined();
    expect(entryOfPath('content/README.md')).toBeUndefined();
    expect(entryOfPath('content/notes/a.yaml')).toBeUndefined();
    expect(entryOfPath('content/actors/sub/a.yaml')).toBeUndefined();
  });
});

describe('what cites a source', () => {
  it('finds <Cite>, <Quote> and <Variant> with the source attribute anywhere in the tag, and nothing else', () => {
    expect(citingExplainers('minsk-offer', entries.filter((e) => e.collection === 'explainers'))).toEqual(['why-minsk', 'variants']);
    expect(citingExplainers('other', entries.filter((e) => e.collection === 'explainers'))).toEqual([]);
  });

  it('finds the events and glossary terms that list it in sources', () => {
    expect(listingEntries('minsk-offer', entries).map((e) => e.id)).toEqual(['2025-03-offer', 'venue']);
    expect(listingEntries('other', entries).map((e) => e.id)).toEqual(['venue', 'host']);
  });
});

describe('the summary', () => {
  const base = { base: 'origin/main', entries, problems: [] };

  it('says what a new source adds: quotes, who cites and lists it, its page and old addresses', () => {
    const text = summaryLines({ ...base, changes: [{ kind: 'added', path: 'content/sources/minsk-offer.mdx' }] }).join('\n');
    expect(text).toContain('Compared with `origin/main`: 1 file under content/, 1 added.');
    expect(text).toContain('- **New source** “Minsk offers to host talks”: `content/sources/minsk-offer.mdx`');
    expect(text).toContain('  - New page: `/sources/minsk-offer/`');
    expect(text).toContain('  - Old address `/sources/old-offer/` will lead here.');
    expect(text).toContain('  - 3 quotes recorded.');
    expect(text).toContain('  - Cited in 2 explainers: “Why Minsk” (`why-minsk`), “Variants” (`variants`).');
    expect(text).toContain('  - Listed in `sources` of 1 event (“Offer made” (`2025-03-offer`)) and 1 glossary term (“Venue” (`venue`)).');
    expect(text).toContain('**Content check passed**: 9 entries, no problems.');
  });

  it('says what changed, what was removed, and what a source no one uses lacks', () => {
    const text = summaryLines({
      ...base,
      changes: [
        { kind: 'changed', path: 'content/sources/other.mdx' },
        { kind: 'removed', path: 'content/places/gone.yaml' },
        { kind: 'changed', path: 'content/actors/ann.yaml' },
      ],
      before: { 'content/places/gone.yaml': { name: 'Goneville' }, 'content/sources/other.mdx': { title: 'Other', quotes: [{ id: 'x' }] } },
    }).join('\n');
    expect(text).toContain('Compared with `origin/main`: 3 files under content/, 2 changed, 1 removed.');
    expect(text).toContain('- **Changed source** “Other”: `content/sources/other.mdx`\n  - Page: `/sources/other/`\n  - 0 quotes recorded (was 1).\n  - Not cited in any explainer yet.');
    expect(text).toContain('Listed in `sources` of 2 glossary terms (“Venue” (`venue`), “Host” (`host`)).');
    expect(text).toContain('- **Removed place** “Goneville”: `content/places/gone.yaml`\n  - Its page `/places/gone/` will no longer exist.');
    // Titles are shown as text, not as HTML or Markdown.
    expect(text).toContain('- **Changed actor** “Ann &lt;b>Speaker&lt;/b>”: `content/actors/ann.yaml`');
  });

  it('says when a rename loses the old address, and when a removed page leads elsewhere', () => {
    const renamed = summaryLines({ ...base, changes: [{ kind: 'renamed', from: 'content/sources/first.mdx', path: 'content/sources/other.mdx' }] }).join('\n');
    expect(renamed).toContain('Renamed from `content/sources/first.mdx`.');
    expect(renamed).toContain('The old address `/sources/first/` will no longer exist: add `formerIds: [first]` to keep it working.');
    const removed = summaryLines({ ...base, changes: [{ kind: 'removed', path: 'content/sources/old-offer.mdx' }] }).join('\n');
    expect(removed).toContain('Its address `/sources/old-offer/` will lead to `/sources/minsk-offer/`');
  });

  it('lists what to fix, and marks the changed files that have problems', () => {
    const lines = summaryLines({
      ...base,
      entries: entries.filter((e) => e.id !== 'minsk-offer'),
      changes: [{ kind: 'added', path: 'content/sources/minsk-offer.mdx' }],
      now: { 'content/sources/minsk-offer.mdx': { title: 'Minsk offers to host talks' } },
      problems: [
        { file: 'content/sources/minsk-offer.mdx', line: 4, column: 7, field: 'date', message: 'expected a day that exists in the calendar' },
        { file: 'content/events/x.yaml', line: 2, column: 1, message: 'raw *HTML*. Fix: use Markdown.' },
      ],
    });
    const text = lines.join('\n');
    expect(text).toContain('- **New source** “Minsk offers to host talks”: `content/sources/minsk-offer.mdx`\n  - **1 problem to fix** in this file: see below.');
    expect(text).toContain('### 2 problems to fix');
    expect(lines).toContain('- `content/sources/minsk-offer.mdx`, line 4, column 7: `date`: expected a day that exists in the calendar');
    expect(lines).toContain('- `content/events/x.yaml`, line 2, column 1: raw \\*HTML\\*. Fix: use Markdown.');
    expect(text).not.toContain('Content check passed');
  });

  it('says so when nothing under content/ changed, and why it compared with another commit', () => {
    const text = summaryLines({ ...base, base: 'HEAD~1', note: 'origin/main was not found here.', changes: [{ kind: 'changed', path: 'src/lib/x.ts' }] });
    expect(text).toContain('> origin/main was not found here.');
    expect(text).toContain('This pull request changes nothing under content/ (compared with `HEAD~1`).');
  });

  it('names files under content/ that the site does not read', () => {
    expect(summaryLines({ ...base, changes: [{ kind: 'added', path: 'content/notes.txt' }] }).join('\n')).toContain('- **Added file** `content/notes.txt`: not an entry of any collection');
  });

  it('escapes Markdown and HTML in text from entries', () => {
    expect(escapeMarkdown('[a](javascript:x) <img src=x> *b* `c`\nd')).toBe('\\[a\\](javascript:x) &lt;img src=x> \\*b\\* \\`c\\` d');
  });
});
