import { describe, expect, it } from 'vitest';
import { byDate, formatDate, sortKey, yearOf } from '../../src/lib/dates';

describe('dates', () => {
  it('formats each precision the way a reader expects', () => {
    expect(formatDate({ date: '2025-03-19', datePrecision: 'day' })).toBe('19 March 2025');
    expect(formatDate({ date: '2025-03', datePrecision: 'month' })).toBe('March 2025');
    expect(formatDate({ date: '2024', datePrecision: 'year' })).toBe('2024');
    expect(formatDate({ date: '2025-03', datePrecision: 'approximate' })).toBe('c. March 2025');
  });

  it('sorts partial dates at the start of their period', () => {
    const items = ['2025-03-19', '2025', '2014-09-05', '2025-03'].map((date) => ({ date, datePrecision: 'approximate' as const }));
    expect(items.sort(byDate((d) => d)).map((d) => d.date)).toEqual(['2014-09-05', '2025', '2025-03', '2025-03-19']);
    expect(sortKey({ date: '2025-03', datePrecision: 'month' })).toBe('2025-03-00');
    expect(yearOf({ date: '2024-11-03', datePrecision: 'day' })).toBe(2024);
  });
});
