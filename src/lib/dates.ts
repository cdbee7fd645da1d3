import dayjs, { type Dayjs } from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import utc from 'dayjs/plugin/utc.js';

/**
 * Calendar dates and wall-clock time in named zones, on dayjs. A "date" is an ISO `YYYY-MM-DD` string; an
 * instant is a `Date`. Every dayjs plugin the project uses is registered here, once. Zones are applied as
 * offsets read from one cached Intl formatter per zone rather than with the timezone plugin, whose `.tz()`
 * builds a new formatter on every call.
 */
dayjs.extend(utc);
dayjs.extend(isoWeek);

export { type Dayjs, dayjs };

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

const ISO_DATE = 'YYYY-MM-DD';

/**
 * One formatter per zone, reused: building an `Intl.DateTimeFormat` costs tens of microseconds, and dayjs's
 * `.tz()` builds one per call (it goes through `toLocaleString`), so the zone's offset is read here and dayjs
 * only applies it.
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/**
 * The last second each zone was asked about, with its offset and date: a busy bot asks "what day is it" for
 * every command, and `formatToParts` plus dayjs cost about 100 µs a time. Offsets are read at whole seconds, so
 * within one second the answer cannot change.
 */
const lastSecond = new Map<string, { second: number; offset: number; date?: string }>();

function secondIn(instant: Date, timeZone: string): { second: number; offset: number; date?: string } {
  const second = Math.floor(instant.getTime() / MS_PER_SECOND);
  let last = lastSecond.get(timeZone);
  if (last?.second !== second) {
    const ms = second * MS_PER_SECOND;
    const parts = offsetFormatter(timeZone).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const wallMs = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
    last = { second, offset: Math.round((wallMs - ms) / MS_PER_MINUTE) };
    lastSecond.set(timeZone, last);
  }
  return last;
}

/** The zone's offset from UTC at an instant, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  return secondIn(instant, timeZone).offset;
}

/** The instant as a dayjs in the zone's wall-clock time. */
export function inZone(instant: Date, timeZone: string): Dayjs {
  return dayjs.utc(instant).utcOffset(zoneOffsetMinutes(instant, timeZone));
}

/**
 * The calendar date of an instant in a zone.
 *
 * @example dateInZone(new Date('2026-11-22T20:30:00Z'), 'Asia/Shanghai') // '2026-11-23'
 */
export function dateInZone(instant: Date, timeZone: string): string {
  const at = secondIn(instant, timeZone);
  at.date ??= inZone(instant, timeZone).format(ISO_DATE);
  return at.date;
}

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const d = inZone(instant, timeZone);
  return {
    year: d.year(),
    month: d.month() + 1,
    day: d.date(),
    hour: d.hour(),
    minute: d.minute(),
    second: d.second(),
  };
}

const wallAsUtcMs = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/**
 * The instant a wall-clock time names in a zone, or null when that time does not exist there (skipped by a
 * daylight-saving jump). An ambiguous time (clocks set back) resolves to its first occurrence.
 */
export function instantOf(w: WallTime, timeZone: string): Date | null {
  const guess = wallAsUtcMs(w);
  // The offsets in force a day either side cover any transition near the wall time.
  const candidates = new Set<number>();
  for (const probe of [guess - MS_PER_DAY, guess, guess + MS_PER_DAY]) {
    candidates.add(guess - zoneOffsetMinutes(new Date(probe), timeZone) * MS_PER_MINUTE);
  }
  const matching = [...candidates]
    .filter((ms) => wallAsUtcMs(wallTime(new Date(ms), timeZone)) === guess)
    .sort((a, b) => a - b);
  return matching.length > 0 ? new Date(matching[0]!) : null;
}

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format(ISO_DATE);
}

/** Adds calendar months; the day is clamped to the target month's length (01-31 + 1 month → 02-28). */
export function addMonths(date: string, months: number): string {
  return dayjs.utc(date).add(months, 'month').format(ISO_DATE);
}

export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // The calendar check of the built-in Date (cheap: every search checks its date); setUTCFullYear, unlike
  // Date.UTC, keeps years 0–99 as they are. A day past the month's end rolls over and so fails the check.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** @example lastDayOfMonth(2024, 2) // '2024-02-29' */
export function lastDayOfMonth(year: number, month: number): string {
  return dayjs
    .utc(Date.UTC(year, month - 1, 1))
    .endOf('month')
    .format(ISO_DATE);
}

/** Whether Intl knows the IANA zone name (Asia/Shanghai, Europe/Berlin). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
