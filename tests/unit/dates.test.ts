import { describe, expect, it } from 'vitest';
import { byDate, dayInQuery, dayOf, formatDate, sortKey, yearOf } from '../../src/content/dates';

describe('dates', () => {
  it('formats each precision the way a reader expects', () => {
    expect(formatDate({ date: '2025-03-19', datePrecision: 'day' })).toBe('19 March 2025');
    expect(formatDate({ date: '2025-03', datePrecision: 'month' })).toBe('March 2025');
    expect(formatDate({ date: '2024', datePrecision: 'year' })).toBe('2024');
    expect(formatDate({ date: '2025-03', datePrecision: 'approximate' })).toBe('c. March 2025');
  });

  it('sorts partial dates at the start of their period, the narrower first', () => {
    const items = ['2025-03-19', '2025', '2014-09-05', '2025-03'].map((date) => ({ date, datePrecision: 'approximate' as const }));
    expect(items.sort(byDate((d) => d)).map((d) => d.date)).toEqual(['2014-09-05', '2025', '2025-03', '2025-03-19']);
    expect(sortKey({ date: '2025-03', datePrecision: 'month' })).toBe('2025-03-01/2025-03-31');
    expect(sortKey({ date: '2024-02', datePrecision: 'month' })).toBe('2024-02-01/2024-02-29');
    expect(yearOf({ date: '2024-11-03', datePrecision: 'day' })).toBe(2024);
  });

  it('places an imprecise date by its bounds: a response follows the offer it answers', () => {
    const offer = { id: 'offer', date: '2025-02-27', datePrecision: 'day' as const };
    const call = { id: 'call', date: '2025-02-12', datePrecision: 'day' as const };
    const reply = { id: 'reply', date: '2025', datePrecision: 'year' as const, notBefore: '2025-02-27', notAfter: '2025-03-19' };
    const aid = { id: 'aid', date: '2025-03-03', datePrecision: 'day' as const };
    const sorted = [reply, aid, offer, call].sort(byDate((d) => d)).map((d) => d.id);
    expect(sorted).toEqual(['call', 'offer', 'reply', 'aid']);
    const talks = { id: 'talks', date: '2015', datePrecision: 'year' as const, notBefore: '2015-02-12' };
    const accord = { id: 'accord', date: '2015-02-12', datePrecision: 'day' as const };
    expect([talks, accord].sort(byDate((d) => d)).map((d) => d.id)).toEqual(['accord', 'talks']);
  });

  it('says what the bounds allow', () => {
    expect(formatDate({ date: '2025', datePrecision: 'year', notBefore: '2025-03-04' })).toBe('not before 4 March 2025');
    expect(formatDate({ date: '2025', datePrecision: 'year', notAfter: '2025-03-19' })).toBe('not after 19 March 2025');
    expect(formatDate({ date: '2025', datePrecision: 'year', notBefore: '2025-02-27', notAfter: '2025-03-19' })).toBe('between 27 February and 19 March 2025');
    expect(formatDate({ date: '2025-02', datePrecision: 'approximate', notBefore: '2025-02-26', notAfter: '2025-02-27' })).toBe('between 26 and 27 February 2025');
    expect(formatDate({ date: '2024', datePrecision: 'approximate', notBefore: '2024-12-30', notAfter: '2025-01-02' })).toBe('between 30 December 2024 and 2 January 2025');
    expect(formatDate({ date: '2025-03-19', datePrecision: 'day', notBefore: '2025-03-01' })).toBe('19 March 2025');
  });

  it('reads a day typed the ways a reader writes one, and nothing else', () => {
    for (const typed of ['4 March 2025', '4th Mar 2025', ' 4  march 2025 ', 'March 4, 2025', 'Mar. 4 2025', '2025-03-04', '4 of March 2025']) {
      expect(dayInQuery(typed), typed).toBe('2025-03-04');
    }
    for (const typed of ['30 February 2025', 'March 2025', '2025', '4 March', 'Minsk 4 March 2025', '4 Ma 2025', '2025-13-01']) {
      expect(dayInQuery(typed), typed).toBeUndefined();
    }
  });

  it('gives the day of a date only when the evidence fixes one', () => {
    expect(dayOf({ date: '2025-03-04', datePrecision: 'day' })).toBe('2025-03-04');
    expect(dayOf({ date: '2025-03', datePrecision: 'approximate', notBefore: '2025-03-04' })).toBeUndefined();
    expect(dayOf({ date: '2025', datePrecision: 'year', notBefore: '2025-03-04', notAfter: '2025-03-04' })).toBe('2025-03-04');
  });
});
