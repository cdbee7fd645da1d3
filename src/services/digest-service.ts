import type { Db } from '../db/open.ts';
import type { Logger } from '../lib/logger.ts';
import { dateInZone, MS_PER_DAY } from '../lib/dates.ts';
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

/**
 * The weekly digest: what it contains (one function shared by the job, the CLI and `/measures digest`) and the
 * at-most-once bookkeeping of a scheduled post. Slack-free: sending the message is a `PostDigest` function the
 * caller passes in (src/slack/digest/post-digest.ts renders and posts it).
 */

/**
 * The settings a digest run reads. Named like the environment variables so the app's Config satisfies it as
 * is, while this service stays independent of how settings are loaded.
 */
export interface DigestSettings {
  DIGEST_AS_OF?: string | undefined;
  DIGEST_TZ: string;
  DIGEST_HORIZON_DAYS: number;
  DIGEST_SKIP_EMPTY: boolean;
}

/** Without a previous digest in the channel, "done" covers the last week. */
export const DONE_FALLBACK_DAYS = 7;
/** A slot whose post failed is tried at most this many times (then it stays failed, and is logged). */
export const MAX_POST_ATTEMPTS = 3;

/**
 * A claim that has not become posted/failed/skipped after this long is taken to be abandoned (a crash, or an
 * attempt that never returned) and may be claimed again. Far longer than one attempt can last: the post is
 * bounded by DIGEST_POST_TIMEOUT_MS (src/slack/digest/post-digest.ts) and computing a digest takes seconds.
 */
export const STALE_CLAIM_MINUTES = 15;

/** Sends one digest to one channel and returns the message id (Slack ts). Throws when it could not. */
export type PostDigest = (channel: string, digest: Digest) => Promise<string>;

/** The date a digest run is computed for: DIGEST_AS_OF when pinned (replaying a past year), else that day in DIGEST_TZ. */
export function digestAsOf(config: Pick<DigestSettings, 'DIGEST_AS_OF' | 'DIGEST_TZ'>, at: Date): string {
  return config.DIGEST_AS_OF ?? dateInZone(at, config.DIGEST_TZ);
}

export interface ChannelDigestRequest {
  /** The channel the digest is for; null (a CLI run with no channel configured) counts "done" over the last week. */
  channel: string | null;
  asOf: string;
  horizonDays: number;
  now: Date;
}

/**
 * The digest a channel gets next: "done" counts from the channel's last posted digest, or the last week. The
 * scheduled post, `/measures digest` and `measures digest` all call this, so they show the same thing.
 */
export function digestForChannel(db: Db, req: ChannelDigestRequest): Digest {
  const previous = req.channel === null ? undefined : lastPostedDigest(db, req.channel, req.now.toISOString());
  return selectDigest({
    targets: listDigestTargets(db),
    followups: listDigestFollowups(db),
    asOf: req.asOf,
    horizonDays: req.horizonDays,
    doneSince: previous?.postedAt ?? new Date(req.now.getTime() - DONE_FALLBACK_DAYS * MS_PER_DAY).toISOString(),
  });
}

export interface DeliverDeps {
  db: Db;
  logger: Logger;
  config: DigestSettings;
  post: PostDigest;
}

export type DeliveryOutcome =
  | { channel: string; outcome: 'posted'; ts: string }
  | { channel: string; outcome: 'skipped_empty' }
  | { channel: string; outcome: 'already_claimed' }
  | { channel: string; outcome: 'failed'; error: string };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Delivers the digest of one scheduled slot to one channel: claim (channel, slot) in the database BEFORE
 * posting, post, then record the message ts. A second process, a restart or a repeated tick finds the claim
 * and does nothing; a failed post is recorded and retried (MAX_POST_ATTEMPTS) within the slot, and so is a
 * claim abandoned for STALE_CLAIM_MINUTES. The post itself must not retry (see digestPostingClient): these
 * claims are the only retries, so each attempt is counted.
 */
export async function deliverDigest(deps: DeliverDeps, req: { channel: string; slot: Date; now: Date }): Promise<DeliveryOutcome> {
  const { db, logger, config } = deps;
  const { channel } = req;
  const slot = req.slot.toISOString();
  const nowIso = req.now.toISOString();
  const asOf = digestAsOf(config, req.slot);
  const staleBeforeIso = new Date(req.now.getTime() - STALE_CLAIM_MINUTES * 60_000).toISOString();
  if (!claimDigestSlot(db, { channel, slot, asOf, nowIso, maxAttempts: MAX_POST_ATTEMPTS, staleBeforeIso })) {
    logger.debug('digest already claimed', { channel, slot });
    return { channel, outcome: 'already_claimed' };
  }
  try {
    const digest = digestForChannel(db, { channel, asOf, horizonDays: config.DIGEST_HORIZON_DAYS, now: req.now });
    if (config.DIGEST_SKIP_EMPTY && isEmptyDigest(digest)) {
      markDigestSkipped(db, channel, slot, nowIso);
      logger.info('digest empty, not posted (DIGEST_SKIP_EMPTY)', { channel, slot, asOf });
      return { channel, outcome: 'skipped_empty' };
    }
    const ts = await deps.post(channel, digest);
    markDigestPosted(db, channel, slot, ts, nowIso);
    logger.info('digest posted', { channel, slot, asOf, ts, upcoming: digest.upcoming.length, overdue: digest.overdue.length });
    return { channel, outcome: 'posted', ts };
  } catch (err) {
    const error = errorText(err);
    markDigestFailed(db, channel, slot, error);
    logger.error('digest post failed', { channel, slot, error });
    return { channel, outcome: 'failed', error };
  }
}
