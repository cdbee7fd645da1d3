/** Calendar helpers on ISO `YYYY-MM-DD` strings (no time zones: these are dates written in documents). */
// The package's CommonJS build has only a default export.
import chineseDays from 'chinese-days';
import dayjs from 'dayjs';

/** Years a policy document can mean: the People's Republic's documents, up to the longest plans' horizons. */
export const FIRST_YEAR = 1949;
export const LAST_YEAR = 2100;

const pad = (n: number): string => String(n).padStart(2, '0');

export function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** The ISO date, or null when it is not a real calendar day in the years documents can mean. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!validYear(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Last day of the month, or null outside the years documents can mean. */
export function endOfMonth(year: number, month: number): string | null {
  return isoDate(year, month, validYear(year) && month >= 1 && month <= 12 ? lastDayOfMonth(year, month) : 1);
}

/** Same calendar day N years later (29 Feb → 28 Feb). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  return `${year}-${pad(m)}-${pad(Math.min(d, lastDayOfMonth(year, m)))}`;
}

/**
 * The date `amount` units after `date` (60 days, 3 months, 2 years; month ends clamp: 31 Jan + 1 month = 29 Feb),
 * or null when the result leaves the years documents can mean.
 * @example addPeriod('2024-03-15', 60, 'day') // '2024-05-14'
 */
export function addPeriod(date: string, amount: number, unit: 'day' | 'week' | 'month' | 'year'): string | null {
  const out = dayjs(date).add(amount, unit).format('YYYY-MM-DD');
  return /^\d{4}-\d{2}-\d{2}$/.test(out) && validYear(yearOf(out)) ? out : null;
}

/**
 * The date N working days after `date` on the mainland calendar (weekends, public holidays and their make-up
 * working days, from chinese-days), or null outside the years documents can mean.
 * @example addWorkingDays('2024-09-27', 5) // '2024-10-10' (29 September worked, 1–7 October off)
 */
export function addWorkingDays(date: string, days: number): string | null {
  const out = chineseDays.findWorkday(days, date);
  return isStorableDate(out) ? out : null;
}

/** The last day of a period of `amount` units that starts on `start` (2024-03-01 for 2 years → 2026-02-28). */
export function periodEnd(start: string, amount: number, unit: 'month' | 'year'): string | null {
  const next = addPeriod(start, amount, unit);
  return next === null ? null : addPeriod(next, -1, 'day');
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** True for a stored due date: `YYYY-MM-DD`, a real day, in the years documents can mean. */
export function isStorableDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === date;
}

/** Plan period N (十N五 with N = 13, 14, 15…): 十三五 = 2016–2020, 十四五 = 2021–2025, 十五五 = 2026–2030. */
export function planPeriod(n: number): { start: number; end: number } {
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}
