import { describe, expect, it } from 'vitest';
import {
  chinaWorkCalendar,
  listedWorkCalendar,
  nextWorkingDay,
  uncoveredYears,
  workingDaysBetween,
} from '../../src/lib/work-calendar.ts';

// The 2022 National Day holiday ran 10-01 … 10-07; Saturday 10-08 and Sunday 10-09 were worked in exchange (调休).
describe('chinaWorkCalendar', () => {
  it('knows public holidays and the 调休 weekend days worked in exchange', () => {
    expect(chinaWorkCalendar.isWorkingDay('2022-10-03')).toBe(false); // Monday in the National Day week
    expect(chinaWorkCalendar.isWorkingDay('2022-10-08')).toBe(true); // 调休 Saturday
    expect(chinaWorkCalendar.isWorkingDay('2022-10-15')).toBe(false); // an ordinary Saturday
    expect(chinaWorkCalendar.isWorkingDay('2022-10-10')).toBe(true); // an ordinary Monday
  });

  it('covers the years of its data and not the years after', () => {
    expect(chinaWorkCalendar.coversYear(2022)).toBe(true);
    expect(chinaWorkCalendar.coversYear(2099)).toBe(false);
  });
});

describe('nextWorkingDay', () => {
  it('is the day itself on a working day, else the first working day after', () => {
    expect(nextWorkingDay(chinaWorkCalendar, '2022-10-10')).toBe('2022-10-10');
    expect(nextWorkingDay(chinaWorkCalendar, '2022-10-03')).toBe('2022-10-08');
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to the second', () => {
    // Due Friday 09-30; the holiday week adds nothing, the 调休 Saturday and Sunday count.
    expect(workingDaysBetween(chinaWorkCalendar, '2022-09-30', '2022-10-07')).toBe(0);
    expect(workingDaysBetween(chinaWorkCalendar, '2022-09-30', '2022-10-08')).toBe(1);
    expect(workingDaysBetween(chinaWorkCalendar, '2022-09-30', '2022-10-10')).toBe(3);
    expect(workingDaysBetween(chinaWorkCalendar, '2022-10-10', '2022-10-10')).toBe(0);
  });
});

describe('uncoveredYears', () => {
  it('names this year or the next when the data lacks them', () => {
    const cal = listedWorkCalendar({ years: [2025, 2026] });
    expect(uncoveredYears(cal, '2025-06-01')).toEqual([]);
    expect(uncoveredYears(cal, '2026-12-01')).toEqual([2027]);
    expect(uncoveredYears(cal, '2028-01-01')).toEqual([2028, 2029]);
  });
});
