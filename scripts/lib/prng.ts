/** A small seeded random source (mulberry32): the same seed always yields the same corpus. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  chance(p: number): boolean;
  /**
   * An index in [0, n) whose frequency falls with rank roughly as 1/rank (Zipf's law), so a few
   * words are common and most are rare, as in real prose.
   */
  zipf(n: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample(items, k) {
      const pool = [...items];
      const count = Math.min(k, pool.length);
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(next() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, count);
    },
    chance: (p) => next() < p,
    zipf: (n) => Math.min(n - 1, Math.floor(Math.exp(next() * Math.log(n + 1))) - 1),
  };
}
