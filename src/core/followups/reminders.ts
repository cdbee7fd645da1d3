import { addDays } from '../../lib/dates.ts';
import type { Followup } from './model.ts';
import { isClosed } from './model.ts';

/**
 * Which follow-ups get a reminder today: active, with a due date within `windowDays` of `today` or past it, and not
 * yet reminded today. Pure selection; the reminder service claims each one before sending.
 */
export function needsReminder(
  f: Pick<Followup, 'status' | 'due' | 'lastRemindedOn'>,
  today: string,
  windowDays: number,
): boolean {
  if (isClosed(f.status) || f.due === null) return false;
  if (f.lastRemindedOn !== null && f.lastRemindedOn >= today) return false;
  return f.due <= addDays(today, windowDays);
}

/** Orders for people: overdue first, then by due date (undated last), then by id number. */
export function compareByDue(a: Pick<Followup, 'due' | 'id'>, b: Pick<Followup, 'due' | 'id'>): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return Number(a.id.slice(1)) - Number(b.id.slice(1));
}
