import { readFile } from 'node:fs/promises';
import { cacheDir } from 'astro:config/server';
import { renderedBodyFile } from '../content/loaders/rendered-bodies';

/** The HTML of an entry's body as its loader rendered it (src/content/loaders/markdown-entries.ts). */
export async function renderedBody(collection: string, entry: { id: string; digest?: string | undefined }): Promise<string> {
  if (!entry.digest) throw new Error(`${collection}/${entry.id}: no rendered body (the entry has no digest)`);
  return readFile(renderedBodyFile(cacheDir, collection, entry.digest), 'utf8');
}
