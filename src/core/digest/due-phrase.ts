import type { Precision } from '../model.ts';
import type { Locale } from './types.ts';

/**
 * How a target's deadline reads. A year-precision target says "by end of 2023", never an invented day: the
 * stored `due` is only the last day of the stated period.
 */

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** “十N五” plans start in 1966 + 5·(N−3): 十四五 = 2021–2025. Null when the period is not such a plan. */
export function planName(periodStart: string | null, due: string, locale: Locale): string | null {
  if (!periodStart) return null;
  const start = Number(periodStart.slice(0, 4));
  const end = Number(due.slice(0, 4));
  const n = (start - 1966) / 5 + 3;
  if (!Number.isInteger(n) || n < 11 || n > 19 || end !== start + 4) return null;
  if (locale === 'en') return `${n}th Five-Year Plan`; // 11th … 19th all take "th"
  return `“十${ZH_DIGITS[n - 10]}五”`;
}

export interface DueLike {
  due: string;
  precision: Precision | string;
  periodStart?: string | null;
}

export function duePhrase(t: DueLike, locale: Locale): string {
  const year = t.due.slice(0, 4);
  const month = Number(t.due.slice(5, 7));
  const day = Number(t.due.slice(8, 10));
  const zh = locale === 'zh';
  switch (t.precision) {
    case 'year':
      return zh ? `${year}年底前` : `by end of ${year}`;
    case 'half':
      if (month <= 6) return zh ? `${year}年上半年` : `first half of ${year}`;
      return zh ? `${year}年下半年` : `second half of ${year}`;
    case 'quarter': {
      const q = Math.ceil(month / 3);
      return zh ? `${year}年第${ZH_DIGITS[q]}季度` : `Q${q} ${year}`;
    }
    case 'month':
      // Read like the year's (…年底前, by end of …): the same deadline words side by side.
      return zh ? `${year}年${month}月底前` : `by end of ${EN_MONTHS[month - 1]} ${year}`;
    case 'day':
      return zh ? `${year}年${month}月${day}日` : t.due;
    case 'period': {
      const startYear = (t.periodStart ?? t.due).slice(0, 4);
      const name = planName(t.periodStart ?? null, t.due, locale);
      const span = `${startYear}–${year}`;
      if (zh) return name ? `${name}期间 (${span})` : `${span}年期间`;
      return name ? `${name} period (${span})` : `${span}`;
    }
    default:
      return t.due;
  }
}
