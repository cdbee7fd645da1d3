import type { Config } from '../config.ts';
import { type RunWrite, retryingWrite } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import { dateInZone } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import { isQuietAt } from '../lib/quiet-hours.ts';
import type { WorkCalendar } from '../lib/work-calendar.ts';
import { pruneDeliveries } from '../services/delivery-service.ts';
import type { ReminderReport } from '../services/reminder-service.ts';
import { sendReminders } from '../slack/followups/send-reminders.ts';
import { stringsFor } from '../slack/strings.ts';
import type { SlackClient } from '../slack/web-api.ts';

/**
 * The daily follow-up reminder run (REMINDER_DAYS ahead). startJobs schedules it on REMINDER_CRON in DIGEST_TZ:
 *   { name: 'reminders', cron: config.REMINDER_CRON, run: (now) => runReminderJob({ db, client, logger, config }, now), atStartup: false }
 * Running it more often is harmless: each follow-up is reminded at most once per calendar day.
 */

export interface ReminderJobDeps {
  db: Db;
  logger: Logger;
  config: Pick<Config, 'REMINDER_DAYS' | 'DIGEST_TZ' | 'BOT_LOCALE' | 'QUIET_HOURS'>;
  client: SlackClient;
  calendar: WorkCalendar;
  /** How claims and outcomes are written (busy-retry.ts); retried while another process holds the lock unless told. */
  write?: RunWrite;
}

/**
 * One run as of `now`: "today" is the date in DIGEST_TZ. Also forgets week-old Slack delivery ids (daily
 * housekeeping). No reminder is sent on a day off or in QUIET_HOURS.
 */
export async function runReminderJob(deps: ReminderJobDeps, now: Date): Promise<ReminderReport> {
  const write = deps.write ?? retryingWrite();
  const pruned = await write(() => pruneDeliveries(deps.db, now));
  const today = dateInZone(now, deps.config.DIGEST_TZ);
  if (!deps.calendar.isWorkingDay(today) || isQuietAt(deps.config.QUIET_HOURS, now, deps.config.DIGEST_TZ)) {
    deps.logger.info('follow-up reminders: day off or quiet hours, none sent', { today, prunedDeliveries: pruned });
    return { sent: [], failed: [] };
  }
  const report = await sendReminders(
    { db: deps.db, logger: deps.logger, strings: stringsFor(deps.config.BOT_LOCALE), write },
    deps.client,
    { today, windowDays: deps.config.REMINDER_DAYS, nowIso: now.toISOString(), calendar: deps.calendar },
  );
  deps.logger.info('follow-up reminders', {
    sent: report.sent.length,
    failed: report.failed.length,
    prunedDeliveries: pruned,
  });
  return report;
}
