/**
 * Runs `work` on every item, `size` at a time, and returns the results in order. For file work
 * over a whole site: all at once would hold more files open than a process may (a 10,000-source
 * build has 16,000 pages), one at a time would leave the disk and the other core idle.
 */
export async function inSlices<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`inSlices: size must be a whole number of at least 1, not ${size}`);
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}
