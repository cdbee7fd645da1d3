/** Calendar helpers on ISO `YYYY-MM-DD` strings (no time zones: these are dates written in documents). */

const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function endOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
}

/** Same calendar day N years later (29 Feb → 28 Feb). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  return `${year}-${pad(m)}-${pad(Math.min(d, lastDayOfMonth(year, m)))}`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Plan period N (十N五 with N = 13, 14, 15…): 十三五 = 2016–2020, 十四五 = 2021–2025, 十五五 = 2026–2030. */
export function planPeriod(n: number): { start: number; end: number } {
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}
