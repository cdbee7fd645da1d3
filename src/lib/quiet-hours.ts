import { wallTime } from './dates.ts';

/**
 * A daily window in which the bot sends nothing (`QUIET_HOURS=20:00-08:00`), read in one zone. A window whose
 * end is before its start runs over midnight. Minutes since midnight, start inclusive, end exclusive.
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

const HH_MM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function minuteOf(hhmm: string): number | undefined {
  const m = hhmm.trim().match(HH_MM);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * @example parseQuietHours('20:00-08:00') // { startMinute: 1200, endMinute: 480 }
 */
export function parseQuietHours(spec: string): QuietHours | undefined {
  const [from, to, extra] = spec.split('-');
  if (from === undefined || to === undefined || extra !== undefined) return undefined;
  const startMinute = minuteOf(from);
  const endMinute = minuteOf(to);
  if (startMinute === undefined || endMinute === undefined || startMinute === endMinute) return undefined;
  return { startMinute, endMinute };
}

export function isQuietAt(quiet: QuietHours | undefined, at: Date, timeZone: string): boolean {
  if (!quiet) return false;
  const w = wallTime(at, timeZone);
  const minute = w.hour * 60 + w.minute;
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}
