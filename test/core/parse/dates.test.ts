import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  addWorkingDays,
  endOfMonth,
  isoDate,
  isStorableDate,
  periodEnd,
} from '../../../src/core/parse/dates.ts';

describe('dates', () => {
  it.each([
    [0, 1, 1],
    [4, 2, 29],
    [9999, 12, 31],
    [1948, 12, 31],
    [2101, 1, 1],
    [2023, 2, 29],
    [2024, 13, 1],
    [2024, 4, 31],
  ])('%i-%i-%i is not a date a document can mean', (y, m, d) => {
    expect(isoDate(y, m, d)).toBeNull();
  });

  it('writes every date as YYYY-MM-DD', () => {
    expect(isoDate(1949, 1, 1)).toBe('1949-01-01');
    expect(isoDate(2100, 12, 31)).toBe('2100-12-31');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(4, 2)).toBeNull();
    expect(isStorableDate('0-01-01')).toBe(false);
    expect(isStorableDate('4-02-29')).toBe(false);
    expect(isStorableDate('2024-02-30')).toBe(false);
    expect(isStorableDate('2024-02-29')).toBe(true);
  });

  it('adds days, months and years, clamping month ends', () => {
    expect(addPeriod('2024-03-15', 60, 'day')).toBe('2024-05-14');
    expect(addPeriod('2024-01-31', 1, 'month')).toBe('2024-02-29');
    expect(addPeriod('2100-12-01', 1, 'month')).toBeNull();
    expect(periodEnd('2024-03-01', 2, 'year')).toBe('2026-02-28');
    expect(periodEnd('2024-01-01', 3, 'year')).toBe('2026-12-31');
    // 2024: Sunday 29 September was a make-up working day, 1–7 October the National Day holiday.
    expect(addWorkingDays('2024-09-27', 5)).toBe('2024-10-10');
  });
});
