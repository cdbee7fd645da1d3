import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, daysBetween, isIsoDate } from '../../src/lib/dates.ts';

describe('dates', () => {
  it('tells the calendar date in a time zone', () => {
    // 2026-11-22 20:30 UTC is already the 23rd in Shanghai.
    expect(dateInZone(new Date('2026-11-22T20:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(dateInZone(new Date('2026-11-22T20:30:00Z'), 'America/New_York')).toBe('2026-11-22');
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2023-12-25', '2024-01-22')).toBe(28);
  });
  it('accepts only real ISO dates', () => {
    expect(isIsoDate('2023-02-28')).toBe(true);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-2-3')).toBe(false);
  });
});
