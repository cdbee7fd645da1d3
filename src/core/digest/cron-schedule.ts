import { instantOf, MS_PER_DAY, type WallTime, wallTime } from '../../lib/dates.ts';

/**
 * Cron expressions, read the way node-cron (which triggers the jobs) reads them, so that "the slot a run belongs
 * to" is an instant node-cron really fires at: 5 fields (minute hour day-of-month month day-of-week) or 6 with
 * seconds first; `*`, lists, ranges, steps (`*\/15`, `1-5/2`, `5/10`), month and weekday names, 7 = Sunday.
 * Like node-cron — and unlike Vixie cron — a restricted day-of-month AND a restricted day-of-week must both match.
 */

export interface CronSpec {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  /** 0 = Sunday … 6 = Saturday */
  daysOfWeek: Set<number>;
}

export class CronParseError extends Error {
  override name = 'CronParseError';
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldRule {
  label: string;
  min: number;
  max: number;
  names?: string[];
  /** Value the first name stands for (months: jan = 1). */
  nameBase?: number;
}

function parseValue(raw: string, rule: FieldRule, expr: string): number {
  const lower = raw.toLowerCase();
  if (rule.names) {
    // Config validation (node-cron) has already rejected unknown names; JAN/January/jan all read as 1.
    const i = /^[a-z]{3,}$/.test(lower) ? rule.names.indexOf(lower.slice(0, 3)) : -1;
    if (i >= 0) return i + (rule.nameBase ?? 0);
  }
  if (!/^\d+$/.test(raw)) throw new CronParseError(`"${expr}": ${rule.label} value "${raw}" is not a number`);
  const n = Number(raw);
  if (n < rule.min || n > rule.max) {
    throw new CronParseError(`"${expr}": ${rule.label} value ${n} is outside ${rule.min}–${rule.max}`);
  }
  return n;
}

function parseField(field: string, rule: FieldRule, expr: string): number[] {
  const out = new Set<number>();
  for (const item of field.split(',')) {
    const [range, stepRaw, extra] = item.split('/');
    if (range === undefined || range === '' || extra !== undefined) {
      throw new CronParseError(`"${expr}": bad ${rule.label} item "${item}"`);
    }
    const step = stepRaw === undefined ? 1 : Number(stepRaw);
    if (!Number.isInteger(step) || step < 1) throw new CronParseError(`"${expr}": bad step in ${rule.label} "${item}"`);
    let from: number;
    let to: number;
    if (range === '*') {
      from = rule.min;
      to = rule.max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      from = parseValue(a ?? '', rule, expr);
      to = parseValue(b ?? '', rule, expr);
      if (to < from) throw new CronParseError(`"${expr}": ${rule.label} range "${range}" runs backwards`);
    } else {
      from = parseValue(range, rule, expr);
      // "5/10" means from 5 to the end in steps of 10.
      to = stepRaw === undefined ? from : rule.max;
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

export function parseCron(expr: string): CronSpec {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    throw new CronParseError(`"${expr}": expected 5 fields (minute hour day-of-month month day-of-week)`);
  }
  const [sec, min, hour, dom, mon, dow] = fields.length === 6 ? fields : ['0', ...fields];
  const daysOfWeek = parseField(dow!, { label: 'day-of-week', min: 0, max: 7, names: DAY_NAMES }, expr).map(
    (d) => d % 7,
  );
  return {
    seconds: parseField(sec!, { label: 'second', min: 0, max: 59 }, expr),
    minutes: parseField(min!, { label: 'minute', min: 0, max: 59 }, expr),
    hours: parseField(hour!, { label: 'hour', min: 0, max: 23 }, expr),
    daysOfMonth: new Set(parseField(dom!, { label: 'day-of-month', min: 1, max: 31 }, expr)),
    months: new Set(parseField(mon!, { label: 'month', min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 }, expr)),
    daysOfWeek: new Set(daysOfWeek),
  };
}

/** Far enough back to find Feb 29 across a skipped leap year (2100). */
const MAX_DAYS_BACK = 366 * 8 + 2;

/**
 * The most recent instant ≤ `now` at which the expression fires in `timeZone`, or null if it never fires
 * (e.g. `0 0 31 2 *`). Wall times skipped by a daylight-saving jump do not count.
 */
export function previousOccurrence(cron: string | CronSpec, now: Date, timeZone: string): Date | null {
  const spec = typeof cron === 'string' ? parseCron(cron) : cron;
  const w = wallTime(now, timeZone);
  const today = Date.UTC(w.year, w.month - 1, w.day);
  const hoursDesc = [...spec.hours].reverse();
  const minutesDesc = [...spec.minutes].reverse();
  const secondsDesc = [...spec.seconds].reverse();
  for (let back = 0; back <= MAX_DAYS_BACK; back++) {
    const day = new Date(today - back * MS_PER_DAY);
    const month = day.getUTCMonth() + 1;
    const dom = day.getUTCDate();
    if (!spec.months.has(month) || !spec.daysOfMonth.has(dom) || !spec.daysOfWeek.has(day.getUTCDay())) continue;
    for (const hour of hoursDesc) {
      if (back === 0 && hour > w.hour) continue;
      for (const minute of minutesDesc) {
        if (back === 0 && hour === w.hour && minute > w.minute) continue;
        for (const second of secondsDesc) {
          if (back === 0 && hour === w.hour && minute === w.minute && second > w.second) continue;
          const candidate: WallTime = { year: day.getUTCFullYear(), month, day: dom, hour, minute, second };
          const at = instantOf(candidate, timeZone);
          if (at && at.getTime() <= now.getTime()) return at;
        }
      }
    }
  }
  return null;
}
