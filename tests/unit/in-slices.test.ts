import { describe, expect, it } from 'vitest';
import { inSlices } from '../../src/utils/in-slices';

describe('inSlices', () => {
  it('returns every result in order, with no more than `size` running at once', async () => {
    let running = 0;
    let most = 0;
    const work = async (n: number) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 10 - n)); // later items finish first
      running--;
      return n * 2;
    };
    expect(await inSlices([1, 2, 3, 4, 5, 6, 7], 3, work)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(most).toBe(3);
  });

  it('stops at the first failure and rejects an impossible slice size', async () => {
    const seen: number[] = [];
    const work = async (n: number) => {
      seen.push(n);
      if (n === 2) throw new Error('two');
      return n;
    };
    await expect(inSlices([1, 2, 3, 4], 2, work)).rejects.toThrow('two');
    expect(seen).toEqual([1, 2]);
    await expect(inSlices([1], 0, work)).rejects.toThrow(/at least 1/);
  });
});
