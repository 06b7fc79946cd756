import { closest } from 'fastest-levenshtein';
import { isEntryRef, refKey, type PlainEntry } from '../entries';
import type { EntryRef } from '../schemas/common';

export interface ReferenceProblem {
  file: string;
  field: string;
  message: string;
}

/** Every cross-link in an entry's data, with the field path it sits at ("actors[2]"). */
export function refsIn(data: unknown, path = ''): Array<{ field: string; ref: EntryRef }> {
  if (isEntryRef(data)) return [{ field: path, ref: data }];
  if (Array.isArray(data)) return data.flatMap((item, i) => refsIn(item, `${path}[${i}]`));
  if (typeof data === 'object' && data !== null && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => refsIn(value, path ? `${path}.${key}` : key));
  }
  return [];
}

/**
 * Astro's `reference()` checks the shape of an id, not that the entry exists: this does.
 * Returns one problem per dangling link, naming the file, the field and the nearest known id.
 */
export function findBrokenReferences(entries: PlainEntry[]): ReferenceProblem[] {
  const known = new Set(entries.map((e) => refKey(e)));
  const idsByCollection = new Map<string, string[]>();
  for (const e of entries) {
    const ids = idsByCollection.get(e.collection);
    if (ids) ids.push(e.id);
    else idsByCollection.set(e.collection, [e.id]);
  }
  const problems: ReferenceProblem[] = [];
  for (const entry of entries) {
    for (const { field, ref } of refsIn(entry.data)) {
      if (known.has(refKey(ref))) continue;
      const candidates = idsByCollection.get(ref.collection) ?? [];
      const hint = candidates.length ? ` Did you mean "${closest(ref.id, candidates)}"?` : '';
      problems.push({
        file: entry.filePath ?? `${entry.collection}/${entry.id}`,
        field,
        message: `unknown ${ref.collection} id "${ref.id}": expected the name of a file in content/${ref.collection}/ without its extension.${hint}`,
      });
    }
  }
  return problems;
}

export function formatProblems(problems: ReferenceProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n');
}
