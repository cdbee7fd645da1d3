import chineseDays from 'chinese-days';
import { addDays, dayjs } from './dates.ts';

/**
 * Which calendar dates are working days. The bot uses China's official calendar (public holidays and the 调休
 * weekend days worked in exchange) from the chinese-days data package; tests pass their own calendar.
 * Dates are ISO `YYYY-MM-DD` strings.
 */
export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** Whether the data knows the year's holidays (outside it, only weekends are days off). */
  coversYear(year: number): boolean;
}

/** Guards every loop below: no run of days off is anywhere near this long. */
const MAX_DAYS_OFF_IN_A_ROW = 60;

/** The date itself when it is a working day, else the next one. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  let d = date;
  for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW && !cal.isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/**
 * Working days after `from` up to and including `to` (0 when `to` ≤ `from`): how many working days a target
 * is overdue on `to` when it was due on `from`. Linear in the span.
 *
 * @example workingDaysBetween(chinaWorkCalendar, '2022-09-30', '2022-10-08') // 1 (National Day week, then the 调休 Saturday)
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

const isWeekend = (date: string) => {
  const day = dayjs.utc(date).day();
  return day === 0 || day === 6;
};

/** China's working days from chinese-days: weekends off unless a 调休 makes them working days, holidays off. */
export const chinaWorkCalendar: WorkCalendar = {
  isWorkingDay: (date) => chineseDays.isWorkday(date),
  // A covered year always lists 元旦 and the Spring Festival among its weekday holidays.
  coversYear: (year) => chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0,
};

/** A calendar from explicit lists (tests, or a country without data): weekends off except `workdays`. */
export function listedWorkCalendar(opts: { holidays?: string[]; workdays?: string[]; years?: number[] }): WorkCalendar {
  const holidays = new Set(opts.holidays ?? []);
  const workdays = new Set(opts.workdays ?? []);
  const years = opts.years === undefined ? undefined : new Set(opts.years);
  return {
    isWorkingDay: (date) => workdays.has(date) || (!holidays.has(date) && !isWeekend(date)),
    coversYear: (year) => years === undefined || years.has(year),
  };
}

/** The years around `today` (this one and the next) the calendar has no holiday data for. */
export function uncoveredYears(cal: WorkCalendar, today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1].filter((y) => !cal.coversYear(y));
}
