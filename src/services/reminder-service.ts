import { ACTIVE_STATUSES, type Followup } from '../core/followups/model.ts';
import { needsReminder } from '../core/followups/reminders.ts';
import type { Db } from '../db/open.ts';
import * as repo from '../repo/followups-repo.ts';
import { followupTitle, recordDeliveryFailure } from './followup-service.ts';

/**
 * Daily reminders, database side: which follow-ups are due a reminder, claiming one (a conditional UPDATE, so
 * overlapping runs in two processes never both send it), and recording the outcome. A failed send gives the
 * claim back so a later run retries;
 * it is recorded in the follow-up's history only. Sending is Slack's job (src/slack/followups/send-reminders.ts).
 */

export interface ReminderReport {
  sent: string[];
  failed: { id: string; error: string }[];
}

/** The follow-ups that would be reminded today (pure selection over the active rows). */
export function remindersDue(db: Db, today: string, windowDays: number): Followup[] {
  return repo.listFollowups(db, { statuses: ACTIVE_STATUSES }).filter((f) => needsReminder(f, today, windowDays));
}

export interface ClaimedReminder {
  followup: Followup;
  /** The measure's title, or null when it vanished in a re-ingest. */
  title: string | null;
  overdue: boolean;
}

/** Claims today's reminder for one follow-up; undefined when another run already did (or it was closed). */
export function claimReminder(db: Db, f: Followup, today: string): ClaimedReminder | undefined {
  if (!repo.claimReminder(db, f.id, today)) return undefined;
  return { followup: f, title: followupTitle(db, f), overdue: f.due !== null && f.due < today };
}

export function reminderSent(db: Db, f: Followup, at: { today: string; nowIso: string }): void {
  repo.insertEvent(db, f.id, at.nowIso, 'system', 'reminded', { on: at.today });
}

/**
 * The reminder DM failed: the claim is given back and the failure goes into the history. Not into slack_error:
 * that flag means "the card is not posted", and setting it would make the next change post a second card.
 */
export function reminderFailed(db: Db, f: Followup, error: string, at: { today: string; nowIso: string }): void {
  db.transaction(() => {
    repo.releaseReminder(db, f.id, at.today, f.lastRemindedOn);
    recordDeliveryFailure(db, f.id, { kind: 'reminder', error, to: f.assignee }, at.nowIso);
  })();
}
