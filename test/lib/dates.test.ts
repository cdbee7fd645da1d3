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
  zoneOffsetMinutes,
} from '../../src/lib/dates.ts';

describe('dates', () => {
  it('tells the calendar date in a time zone', () => {
    // 2026-11-22 20:30 UTC is already the 23rd in Shanghai.
    expect(dateInZone(new Date('2026-11-22T20:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(dateInZone(new Date('2026-11-22T20:30:00Z'), 'America/New_York')).toBe('2026-11-22');
  });
  it("changes date at the zone's midnight to the millisecond, however often and in whatever order it is asked", () => {
    // Shanghai's midnight of the 23rd is 16:00 UTC; asked twice within one second, and back and forth.
    const before = new Date('2026-11-22T15:59:59.001Z');
    const lastMs = new Date('2026-11-22T15:59:59.999Z');
    const midnight = new Date('2026-11-22T16:00:00.000Z');
    for (const [at, day] of [
      [before, '2026-11-22'],
      [lastMs, '2026-11-22'],
      [midnight, '2026-11-23'],
      [lastMs, '2026-11-22'],
      [midnight, '2026-11-23'],
    ] as const) {
      expect(dateInZone(at, 'Asia/Shanghai')).toBe(day);
    }
    // Two zones asked in turn within the same second keep their own answers.
    expect(dateInZone(midnight, 'America/New_York')).toBe('2026-11-22');
    expect(dateInZone(midnight, 'Asia/Shanghai')).toBe('2026-11-23');
  });
  it('reads the offset on each side of a daylight-saving change, one second apart', () => {
    // New York springs forward at 2026-03-08 07:00 UTC (EST −5 → EDT −4) and falls back at 2026-11-01 06:00 UTC.
    expect(zoneOffsetMinutes(new Date('2026-03-08T06:59:59.500Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-03-08T07:00:00.000Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2026-03-08T06:59:59.999Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2026-11-01T05:59:59Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-300);
    expect(wallTime(new Date('2026-11-01T06:00:00Z'), 'America/New_York')).toMatchObject({ hour: 1, minute: 0 });
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
