import type { Config } from '../config.ts';
import { type CronSpec, parseCron } from '../core/digest/cron-schedule.ts';
import { type DueSlot, dueSlot } from '../core/digest/slot.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import type { DigestAudience } from '../core/subscriptions/model.ts';
import type { RunWrite } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import type { Logger } from '../lib/logger.ts';
import { isQuietAt } from '../lib/quiet-hours.ts';
import type { WorkCalendar } from '../lib/work-calendar.ts';
import { type DeliveryOutcome, deliverDigest, digestAsOf } from '../services/digest-service.ts';
import { digestAudiences } from '../services/subscription-service.ts';
import { slackDigestPoster } from '../slack/digest/post-digest.ts';
import type { SlackClient } from '../slack/web-api.ts';

/**
 * The digest job. node-cron only calls it; everything it decides comes from `now`, so a test can run it at any
 * instant. Every audience (each channel subscription, each DIGEST_CHANNELS channel) has its own schedule, zone
 * and filter; idempotency lives in the database (digest_posts), not in this process.
 */

export interface DigestJobDeps {
  db: Db;
  client: SlackClient;
  logger: Logger;
  config: Config;
  calendar: WorkCalendar;
  /** Cuts the keywords of subscription queries (the segmenter the index was built with). */
  segmenter: Segmenter;
  /** DIGEST_CRON, parsed once when the job is scheduled (read from config when absent). */
  cron?: CronSpec;
  /** How claims and outcomes are written (busy-retry.ts); retried while another process holds the lock unless told. */
  write?: RunWrite;
}

export { SLOT_TOLERANCE_MS } from '../core/digest/slot.ts';

/** The slot a run at `now` delivers for one schedule (see core/digest/slot.ts), or null. */
export function digestSlot(
  cron: string | CronSpec,
  timeZone: string,
  now: Date,
  calendar: WorkCalendar,
): DueSlot | null {
  return dueSlot(typeof cron === 'string' ? parseCron(cron) : cron, timeZone, now, calendar);
}

export interface DigestJobResult {
  deliveries: DeliveryOutcome[];
}

/** Ensures every audience's due slot is posted, at most once each. Nothing is sent in QUIET_HOURS: it waits. */
export async function runDigestJob(deps: DigestJobDeps, now: Date): Promise<DigestJobResult> {
  const { config, logger } = deps;
  if (isQuietAt(config.QUIET_HOURS, now, config.DIGEST_TZ)) {
    logger.debug('digest: quiet hours, waiting', { now: now.toISOString() });
    return { deliveries: [] };
  }
  const audiences = digestAudiences(deps.db, config);
  const deliver = {
    db: deps.db,
    logger,
    post: slackDigestPoster(deps.client, config.BOT_LOCALE),
    segmenter: deps.segmenter,
    ...(deps.write ? { write: deps.write } : {}),
  };
  const deliveries: DeliveryOutcome[] = [];
  // One audience at a time: chat.postMessage is rate limited, and a failure in one channel must not stop the rest.
  for (const audience of audiences) {
    const due = slotOf(deps, audience, now);
    if (!due) continue;
    const asOf = digestAsOf(config, due.postAt, audience.timeZone);
    deliveries.push(await deliverDigest(deliver, { audience, slot: due.slot, asOf, now }));
  }
  return { deliveries };
}

function slotOf(deps: DigestJobDeps, audience: DigestAudience, now: Date): DueSlot | null {
  const cron = audience.subscriptionId === null && deps.cron ? deps.cron : parseCron(audience.cron);
  return dueSlot(cron, audience.timeZone, now, deps.calendar);
}
