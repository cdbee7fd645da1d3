import type { Config } from '../config.ts';
import { type CronSpec, parseCron, previousOccurrence } from '../core/digest/cron-schedule.ts';
import { isoWeekKey } from '../core/digest/iso-week.ts';
import type { Db } from '../db/open.ts';
import { dateInZone } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import { type DeliveryOutcome, deliverDigest } from '../services/digest-service.ts';
import { slackDigestPoster } from '../slack/digest/post-digest.ts';
import type { SlackClient } from '../slack/web-api.ts';

/**
 * The weekly digest job. node-cron only calls it; everything it decides comes from `now`, so a test can run it
 * at any instant. Idempotency lives in the database (digest_posts), not in this process.
 */

export interface DigestJobDeps {
  db: Db;
  client: SlackClient;
  logger: Logger;
  config: Config;
  /** DIGEST_CRON, parsed once when the job is scheduled (read from config when absent). */
  cron?: CronSpec;
}

/**
 * node-cron may fire a little before the scheduled second; reading `now` as up to this much later keeps such a
 * tick in its own slot instead of the previous one (which is already posted).
 */
export const SLOT_TOLERANCE_MS = 5_000;

/**
 * The slot a run at `now` belongs to: the most recent scheduled instant of DIGEST_CRON in DIGEST_TZ — but only
 * while we are still in that slot's ISO week. A bot that was down over Monday 09:00 posts once when it comes
 * back on Tuesday; one that comes back the next week posts nothing until the next slot (never a backlog).
 */
export function digestSlot(
  config: Pick<Config, 'DIGEST_CRON' | 'DIGEST_TZ'>,
  now: Date,
  cron: CronSpec = parseCron(config.DIGEST_CRON),
): Date | null {
  const probe = new Date(now.getTime() + SLOT_TOLERANCE_MS);
  const slot = previousOccurrence(cron, probe, config.DIGEST_TZ);
  if (!slot) return null;
  const sameWeek = isoWeekKey(dateInZone(slot, config.DIGEST_TZ)) === isoWeekKey(dateInZone(probe, config.DIGEST_TZ));
  return sameWeek ? slot : null;
}

export interface DigestJobResult {
  slot: string | null;
  deliveries: DeliveryOutcome[];
}

/** Ensures the current slot's digest is in every DIGEST_CHANNELS channel, at most once each. */
export async function runDigestJob(deps: DigestJobDeps, now: Date): Promise<DigestJobResult> {
  const { config, logger } = deps;
  if (config.DIGEST_CHANNELS.length === 0) {
    logger.debug('digest: no DIGEST_CHANNELS, nothing to post');
    return { slot: null, deliveries: [] };
  }
  const slot = digestSlot(config, now, deps.cron);
  if (!slot) {
    logger.debug('digest: no slot this week yet', { now: now.toISOString() });
    return { slot: null, deliveries: [] };
  }
  const deliver = { db: deps.db, logger, config, post: slackDigestPoster(deps.client, config.BOT_LOCALE) };
  const deliveries: DeliveryOutcome[] = [];
  // One channel at a time: chat.postMessage is rate limited, and a failure in one channel must not stop the rest.
  for (const channel of config.DIGEST_CHANNELS) {
    deliveries.push(await deliverDigest(deliver, { channel, slot, now }));
  }
  return { slot: slot.toISOString(), deliveries };
}
