import type { Config } from '../config.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import type { RunWrite } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import { dateInZone } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import { isQuietAt } from '../lib/quiet-hours.ts';
import type { WorkCalendar } from '../lib/work-calendar.ts';
import { type EscalationReport, runEscalations } from '../services/escalation-service.ts';
import { slackEscalationSender } from '../slack/followups/send-escalations.ts';
import { stringsFor } from '../slack/strings.ts';
import type { SlackClient } from '../slack/web-api.ts';

/**
 * The escalation run of overdue follow-ups (ESCALATION_WORKING_DAYS). Running it often is harmless: each step is
 * claimed once per follow-up and due date in the database. In QUIET_HOURS nothing is sent; the next tick after
 * them does it.
 */

export interface EscalationJobDeps {
  db: Db;
  logger: Logger;
  config: Config;
  client: SlackClient;
  calendar: WorkCalendar;
  /** Cuts the keywords of subscription queries (the segmenter the index was built with). */
  segmenter: Segmenter;
  /** How claims and outcomes are written (busy-retry.ts); retried while another process holds the lock unless told. */
  write?: RunWrite;
}

export async function runEscalationJob(deps: EscalationJobDeps, now: Date): Promise<EscalationReport> {
  const { config, logger } = deps;
  if (isQuietAt(config.QUIET_HOURS, now, config.DIGEST_TZ)) {
    logger.debug('escalations: quiet hours, waiting', { now: now.toISOString() });
    return { sent: [], skipped: [], failed: [] };
  }
  const report = await runEscalations(
    {
      db: deps.db,
      logger,
      calendar: deps.calendar,
      settings: config,
      send: slackEscalationSender(deps.client, stringsFor(config.BOT_LOCALE)),
      segmenter: deps.segmenter,
      ...(deps.write ? { write: deps.write } : {}),
    },
    { today: dateInZone(now, config.DIGEST_TZ), nowIso: now.toISOString() },
  );
  if (report.sent.length + report.failed.length + report.skipped.length > 0) {
    logger.info('follow-up escalations', {
      sent: report.sent.length,
      skipped: report.skipped.length,
      failed: report.failed.length,
    });
  }
  return report;
}
