import type { Db } from '../db/open.ts';
import type { Logger } from '../lib/logger.ts';
import type { Followup } from '../core/followups/model.ts';
import { needsReminder } from '../core/followups/reminders.ts';
import * as repo from '../repo/followups-repo.ts';
import { getMeasureRow } from '../repo/documents-repo.ts';
import type { FollowupStrings } from '../slack/strings/followups.ts';
import { escapeAndFit } from '../slack/mrkdwn.ts';
import { permalink, slackErrorCode, type SlackClient } from './followup-service.ts';

/**
 * Daily reminders: a DM to the assignee of each active follow-up due within `windowDays` or overdue, at most once
 * a day per follow-up. Each one is claimed with a conditional UPDATE before sending, so overlapping runs (two
 * processes, a restart) never send it twice; a failed send gives the claim back so a later run may retry.
 */

export interface ReminderDeps {
  db: Db;
  logger: Logger;
  strings: FollowupStrings;
}

export interface ReminderReport {
  sent: string[];
  failed: { id: string; error: string }[];
}

/** The follow-ups that would be reminded today (pure selection over the active rows). */
export function remindersDue(db: Db, today: string, windowDays: number): Followup[] {
  return repo
    .listFollowups(db, { statuses: ['open', 'in_progress', 'blocked'] })
    .filter((f) => needsReminder(f, today, windowDays));
}

export async function sendReminders(
  deps: ReminderDeps,
  client: SlackClient,
  opts: { today: string; windowDays: number; nowIso: string },
): Promise<ReminderReport> {
  const report: ReminderReport = { sent: [], failed: [] };
  for (const f of remindersDue(deps.db, opts.today, opts.windowDays)) {
    if (!repo.claimReminder(deps.db, f.id, opts.today)) continue;
    try {
      const link = f.channel && (f.messageTs ?? f.threadTs) ? await permalink(client, f.channel, (f.messageTs ?? f.threadTs)!) : '';
      const title = escapeAndFit(getMeasureRow(deps.db, f.measureId)?.title ?? f.measureId, 200);
      await client.chat.postMessage({
        channel: f.assignee,
        text: deps.strings.fuReminder(f.id, title, f.due!, f.due! < opts.today, link),
        unfurl_links: false,
      });
      repo.insertEvent(deps.db, f.id, opts.nowIso, 'system', 'reminded', { on: opts.today });
      report.sent.push(f.id);
    } catch (err) {
      const error = slackErrorCode(err);
      deps.db.prepare('UPDATE followups SET last_reminded_on = ? WHERE id = ? AND last_reminded_on = ?').run(f.lastRemindedOn, f.id, opts.today);
      repo.setSlackError(deps.db, f.id, error, opts.nowIso);
      deps.logger.warn('reminder not sent', { id: f.id, error });
      report.failed.push({ id: f.id, error });
    }
  }
  return report;
}
