import { dateInZone, instantOf, MS_PER_SECOND, wallTime } from '../../lib/dates.ts';
import { nextWorkingDay, type WorkCalendar } from '../../lib/work-calendar.ts';
import { type CronSpec, previousOccurrence } from './cron-schedule.ts';
import { isoWeekKey } from './iso-week.ts';

/**
 * Which scheduled digest a run at `now` delivers. A slot is an instant the schedule fires at; one that falls on
 * a day off (a Monday inside the National Day week) is posted on the next working day at the same wall time —
 * once: the claim stays keyed by the scheduled instant. A slot missed while the bot was down is caught up only
 * while we are still in the ISO week it was due to be posted in (never a backlog of old weeks).
 */

/**
 * node-cron may fire a little before the scheduled second; reading `now` as up to this much later keeps such a
 * tick in its own slot instead of the previous one (which is already posted).
 */
export const SLOT_TOLERANCE_MS = 5_000;

export interface DueSlot {
  /** The instant the schedule fired at: the claim's key. */
  slot: Date;
  /** When it is posted: the slot itself, or the same wall time on the next working day. */
  postAt: Date;
}

/** The slot moved off a day off: same wall time on the next working day (the slot itself on a working day). */
export function postingTime(slot: Date, timeZone: string, calendar: WorkCalendar): Date {
  const date = dateInZone(slot, timeZone);
  const day = nextWorkingDay(calendar, date);
  if (day === date) return slot;
  const w = wallTime(slot, timeZone);
  const [year, month, dom] = day.split('-').map(Number) as [number, number, number];
  return instantOf({ ...w, year, month, day: dom }, timeZone) ?? slot;
}

/**
 * The slot due at `now`, or null. The latest fired slot is checked, then the one before it: that one may have
 * been moved past a holiday and be due now. When both land on the same day, the later one wins, so a holiday
 * week's digest and the next week's are one post.
 *
 * @example dueSlot(parseCron('0 9 * * 1'), 'Asia/Shanghai', new Date('2025-03-18T02:00:00Z'), calendar)
 *   // { slot: 2025-03-17T01:00Z, postAt: 2025-03-17T01:00Z }: caught up on the Tuesday
 */
export function dueSlot(cron: CronSpec, timeZone: string, now: Date, calendar: WorkCalendar): DueSlot | null {
  const probe = new Date(now.getTime() + SLOT_TOLERANCE_MS);
  const latest = previousOccurrence(cron, probe, timeZone);
  if (!latest) return null;
  const before = previousOccurrence(cron, new Date(latest.getTime() - MS_PER_SECOND), timeZone);
  for (const slot of before ? [latest, before] : [latest]) {
    const postAt = postingTime(slot, timeZone, calendar);
    if (postAt.getTime() > probe.getTime()) continue;
    const sameWeek = isoWeekKey(dateInZone(postAt, timeZone)) === isoWeekKey(dateInZone(probe, timeZone));
    return sameWeek ? { slot, postAt } : null;
  }
  return null;
}
