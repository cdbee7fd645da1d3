import { dayjs } from '../../lib/dates.ts';

/** ISO-8601 week of a calendar date (YYYY-MM-DD): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekKey(date: string): string {
  const d = dayjs.utc(date);
  return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, '0')}`;
}
