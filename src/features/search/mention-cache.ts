import { createHash } from 'node:crypto';
import { detectionCode, type NamedEntity } from './aliases';
import { indexedPart, indexedText, type MentionFinder } from './annotate';
import { excludedFromIndex } from './scope';

/** What is kept between builds: for one vocabulary, the mentions found in each page's indexed part. */
export interface StoredMentions {
  key: string;
  pages: Record<string, string[]>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');
const refOf = (e: NamedEntity) => `${e.kind}:${e.id}`;

function isStored(value: unknown): value is StoredMentions {
  return typeof value === 'object' && value !== null && typeof (value as StoredMentions).key === 'string'
    && typeof (value as StoredMentions).pages === 'object';
}

/**
 * Remembers which entities each page mentions from one build to the next. Detection reads every
 * indexed page's text, a quarter of the search step at thousands of sources, while a rebuild after
 * an edit changes few pages. A page's result is found by a hash of its indexed part, and only
 * while the vocabulary and the detection code are those it was found with; `stored` is what
 * `toJSON` gave last time (anything else starts empty). Only the pages of this build are kept.
 */
export function cachedMentions(entities: readonly NamedEntity[], mentionsIn: MentionFinder, stored: unknown) {
  const key = sha([detectionCode, String(indexedText), ...excludedFromIndex, JSON.stringify(entities)].join('\n'));
  const previous = isStored(stored) && stored.key === key ? stored.pages : {};
  const byRef = new Map(entities.map((e) => [refOf(e), e]));
  const pages: Record<string, string[]> = {};
  let reused = 0;
  const find: MentionFinder = (html) => {
    const part = indexedPart(html);
    if (part === undefined) return undefined;
    const page = sha(part);
    const known = previous[page];
    if (known && known.every((ref) => byRef.has(ref))) {
      reused++;
      pages[page] = known;
      return known.map((ref) => byRef.get(ref)!);
    }
    // The part alone: same indexed text, and parsing skips the page's head.
    const mentioned = mentionsIn(part) ?? [];
    pages[page] = mentioned.map(refOf);
    return mentioned;
  };
  return {
    find,
    /** How many pages took their mentions from the last build. */
    get reused() {
      return reused;
    },
    toJSON: (): StoredMentions => ({ key, pages }),
  };
}
