import type { webApi } from '@slack/bolt';
import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import type { Logger } from '../lib/logger.ts';
import { dateInZone } from '../lib/dates.ts';
import { isEmptyDigest, selectDigest } from '../core/digest/select-digest.ts';
import type { Digest } from '../core/digest/types.ts';
import {
  claimDigestSlot,
  lastPostedDigest,
  listDigestFollowups,
  listDigestTargets,
  markDigestFailed,
  markDigestPosted,
  markDigestSkipped,
} from '../repo/digest-repo.ts';
import { buildDigestMessage } from '../slack/blocks/digest.ts';
import { digestStrings } from '../slack/strings/digest.ts';

/** The weekly digest: what it contains (shared by the job, the CLI and `/measures digest`) and how it is posted. */

export type SlackClient = webApi.WebClient;

/** Without a previous digest in the channel, "done" covers the last week. */
export const DONE_FALLBACK_DAYS = 7;
/** A slot whose post failed is tried at most this many times (then it stays failed, and is logged). */
export const MAX_POST_ATTEMPTS = 3;

export interface DigestQuery {
  asOf: string;
  horizonDays: number;
  /** ISO instant; follow-ups closed since then are listed as done. */
  doneSince: string | null;
}

export function computeDigest(db: Db, query: DigestQuery): Digest {
  return selectDigest({
    targets: listDigestTargets(db),
    followups: listDigestFollowups(db),
    asOf: query.asOf,
    horizonDays: query.horizonDays,
    doneSince: query.doneSince,
  });
}

/** The date a digest run is computed for: DIGEST_AS_OF when pinned (replaying a past year), else that day in DIGEST_TZ. */
export function digestAsOf(config: Pick<Config, 'DIGEST_AS_OF' | 'DIGEST_TZ'>, at: Date): string {
  return config.DIGEST_AS_OF ?? dateInZone(at, config.DIGEST_TZ);
}

export function doneSinceFallback(now: Date): string {
  return new Date(now.getTime() - DONE_FALLBACK_DAYS * 86_400_000).toISOString();
}

/** Posts a digest as one message (the thread parent for discussion); returns its ts. */
export async function postDigest(
  client: SlackClient,
  channel: string,
  digest: Digest,
  config: Pick<Config, 'BOT_LOCALE'>,
): Promise<string> {
  const message = buildDigestMessage({ digest, strings: digestStrings[config.BOT_LOCALE], locale: config.BOT_LOCALE });
  const res = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  if (!res.ts) throw new Error(`chat.postMessage returned no ts (${res.error ?? 'no error given'})`);
  return res.ts;
}

export interface DeliverDeps {
  db: Db;
  client: SlackClient;
  logger: Logger;
  config: Config;
}

export type DeliveryOutcome =
  | { channel: string; outcome: 'posted'; ts: string }
  | { channel: string; outcome: 'skipped_empty' }
  | { channel: string; outcome: 'already_claimed' }
  | { channel: string; outcome: 'failed'; error: string };

/**
 * Delivers the digest of one scheduled slot to one channel, at most once: claim (channel, slot) in the database
 * BEFORE posting, post, then record the message ts. A second process, a restart or a repeated tick finds the
 * claim and does nothing; a failed post is recorded and may be retried (MAX_POST_ATTEMPTS) within the slot.
 */
export async function deliverDigest(deps: DeliverDeps, req: { channel: string; slot: Date; now: Date }): Promise<DeliveryOutcome> {
  const { db, client, logger, config } = deps;
  const { channel } = req;
  const slot = req.slot.toISOString();
  const nowIso = req.now.toISOString();
  const asOf = digestAsOf(config, req.slot);
  if (!claimDigestSlot(db, { channel, slot, asOf, nowIso, maxAttempts: MAX_POST_ATTEMPTS })) {
    logger.debug('digest already claimed', { channel, slot });
    return { channel, outcome: 'already_claimed' };
  }
  try {
    const previous = lastPostedDigest(db, channel, slot);
    const digest = computeDigest(db, {
      asOf,
      horizonDays: config.DIGEST_HORIZON_DAYS,
      doneSince: previous?.postedAt ?? doneSinceFallback(req.now),
    });
    if (config.DIGEST_SKIP_EMPTY && isEmptyDigest(digest)) {
      markDigestSkipped(db, channel, slot, nowIso);
      logger.info('digest empty, not posted (DIGEST_SKIP_EMPTY)', { channel, slot, asOf });
      return { channel, outcome: 'skipped_empty' };
    }
    const ts = await postDigest(client, channel, digest, config);
    markDigestPosted(db, channel, slot, ts, nowIso);
    logger.info('digest posted', { channel, slot, asOf, ts, upcoming: digest.upcoming.length, overdue: digest.overdue.length });
    return { channel, outcome: 'posted', ts };
  } catch (err) {
    const error = slackErrorText(err);
    markDigestFailed(db, channel, slot, error);
    logger.error('digest post failed', { channel, slot, error });
    return { channel, outcome: 'failed', error };
  }
}

/** `not_in_channel` rather than a stack: the Web API client puts Slack's error code in `data.error`. */
export function slackErrorText(err: unknown): string {
  const data = (err as { data?: { error?: string } }).data;
  return data?.error ?? (err as Error).message ?? String(err);
}

/**
 * What the channel's next digest would show for `asOf` (the `/measures digest` preview): "done" counts from the
 * channel's last posted digest, or the last week.
 */
export function previewDigest(db: Db, req: { channel: string; asOf: string; horizonDays: number; now: Date }): Digest {
  const previous = lastPostedDigest(db, req.channel, req.now.toISOString());
  return computeDigest(db, {
    asOf: req.asOf,
    horizonDays: req.horizonDays,
    doneSince: previous?.postedAt ?? doneSinceFallback(req.now),
  });
}
