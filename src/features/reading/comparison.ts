/**
 * Where the sources differ, as a comparison (EDITORIAL.md, principle 6): the versions inside one
 * <Variants> grouped by the stance each takes, so sources that say the same thing sit together
 * under one label. Pure.
 */

/** Items grouped by stance, groups in order of first appearance, items in their own order. */
export function groupByStance<T extends { stance: string }>(items: readonly T[]): Array<{ stance: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.stance.trim();
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].map(([stance, grouped]) => ({ stance, items: grouped }));
}
