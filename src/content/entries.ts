import type { CollectionName, EntryRef } from './schemas/common';

/** An entry as the pipeline sees it, whether loaded by Astro or by a script. */
export interface PlainEntry<D = Record<string, unknown>> {
  collection: CollectionName;
  id: string;
  /** Path from the project root, for error messages. */
  filePath?: string | undefined;
  data: D;
  body?: string | undefined;
}

export function isEntryRef(value: unknown): value is EntryRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 2 &&
    typeof (value as EntryRef).collection === 'string' &&
    typeof (value as EntryRef).id === 'string'
  );
}

export const refKey = (ref: EntryRef): string => `${ref.collection}/${ref.id}`;
