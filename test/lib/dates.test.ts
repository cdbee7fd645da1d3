import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateInZone,
  daysBetween,
  instantOf,
  isIsoDate,
  lastDayOfMonth,
  wallTime,
} from '../../src/lib/dates.ts';

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
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-04-00', false],
    ['0099-01-01', true],
    ['2026-01-01T00:00:00Z', false],
    [' 2026-01-01', false],
    ['２０２６-01-01', false],
  ])('isIsoDate(%s) is %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });
  it('adds months, clamping the day to the shorter month', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
  });
  it('knows the last day of a month', () => {
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2023, 12)).toBe('2023-12-31');
  });
  it('converts between instants and wall-clock time in a zone, across daylight saving', () => {
    expect(wallTime(new Date('2025-03-17T01:00:00Z'), 'Asia/Shanghai')).toEqual({
      year: 2025,
      month: 3,
      day: 17,
      hour: 9,
      minute: 0,
      second: 0,
    });
    expect(
      instantOf({ year: 2025, month: 3, day: 17, hour: 9, minute: 0, second: 0 }, 'Asia/Shanghai')?.toISOString(),
    ).toBe('2025-03-17T01:00:00.000Z');
    // 02:30 does not exist in New York on 2025-03-09; 01:30 on 2025-11-02 happens twice (the first is EDT).
    expect(instantOf({ year: 2025, month: 3, day: 9, hour: 2, minute: 30, second: 0 }, 'America/New_York')).toBeNull();
    expect(
      instantOf({ year: 2025, month: 11, day: 2, hour: 1, minute: 30, second: 0 }, 'America/New_York')?.toISOString(),
    ).toBe('2025-11-02T05:30:00.000Z');
  });
});
