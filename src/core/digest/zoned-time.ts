/**
 * Wall-clock time in a named IANA time zone, computed with Intl (no tz database of our own). Used by the digest
 * schedule: cron expressions are read in DIGEST_TZ, not in the server's zone.
 */

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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
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
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

const wallAsUtcMs = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Shanghai → +8 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const ms = instant.getTime() - instant.getMilliseconds();
  return wallAsUtcMs(wallTime(new Date(ms), timeZone)) - ms;
}

/**
 * The instant a wall-clock time names in a zone, or null when that time does not exist there (skipped by a
 * daylight-saving jump). An ambiguous time (clocks set back) resolves to its first occurrence.
 */
export function instantOf(w: WallTime, timeZone: string): Date | null {
  const guess = wallAsUtcMs(w);
  const candidates = new Set<number>();
  for (const probe of [guess - 86_400_000, guess, guess + 86_400_000]) {
    candidates.add(guess - zoneOffsetMs(new Date(probe), timeZone));
  }
  const matching = [...candidates]
    .filter((ms) => wallAsUtcMs(wallTime(new Date(ms), timeZone)) === guess)
    .sort((a, b) => a - b);
  return matching.length > 0 ? new Date(matching[0]!) : null;
}
