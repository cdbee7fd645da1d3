import type { RunWrite } from '../../db/busy-retry.ts';
import type { Db } from '../../db/open.ts';
import type { Logger } from '../../lib/logger.ts';
import { type WorkCalendar, workingDaysBetween } from '../../lib/work-calendar.ts';
import {
  claimReminder,
  type ReminderReport,
  reminderFailed,
  reminderSent,
  remindersDue,
} from '../../services/reminder-service.ts';
import { DM_TITLE_CHARS } from '../kit/limits.ts';
import { escapeAndFit } from '../kit/mrkdwn.ts';
import { type SlackClient, slackErrorCode } from '../web-api.ts';
import type { FollowupStrings } from './strings.ts';

/**
 * Sends today's reminders: a DM to the assignee of each active follow-up due within `windowDays` or overdue.
 * Each is claimed just before its DM (so a crash loses at most one) and given back when the DM fails.
 */
export async function sendReminders(
  deps: { db: Db; logger: Logger; strings: FollowupStrings; write: RunWrite },
  client: SlackClient,
  opts: { today: string; windowDays: number; nowIso: string; calendar: WorkCalendar },
): Promise<ReminderReport> {
  const report: ReminderReport = { sent: [], failed: [] };
  const at = { today: opts.today, nowIso: opts.nowIso };
  for (const due of remindersDue(deps.db, opts.today, opts.windowDays)) {
    const claimed = await deps.write(() => claimReminder(deps.db, due, opts.today));
    if (!claimed) continue;
    const f = claimed.followup;
    try {
      const ts = f.messageTs ?? f.threadTs;
      const link =
        f.channel && ts
          ? ((await client.chat.getPermalink({ channel: f.channel, message_ts: ts }).catch(() => undefined))
              ?.permalink ?? '')
          : '';
      const title = escapeAndFit(claimed.title ?? f.measureId, DM_TITLE_CHARS);
      await client.chat.postMessage({
        channel: f.assignee,
        text: deps.strings.fuReminder(
          f.id,
          title,
          f.due!,
          claimed.overdue,
          link,
          workingDaysApart(opts.calendar, opts.today, f.due!),
        ),
        unfurl_links: false,
      });
      await deps.write(() => reminderSent(deps.db, f, at));
      report.sent.push(f.id);
    } catch (err) {
      const error = slackErrorCode(err);
      await deps.write(() => reminderFailed(deps.db, f, error, at));
      deps.logger.warn('reminder not sent', { id: f.id, error });
      report.failed.push({ id: f.id, error });
    }
  }
  return report;
}

/** Working days from today to the due date, or since it when it is past: what the reminder says. */
function workingDaysApart(calendar: WorkCalendar, today: string, due: string): number {
  return due < today ? workingDaysBetween(calendar, due, today) : workingDaysBetween(calendar, today, due);
}
