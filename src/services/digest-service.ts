import { isEmptyDigest, selectDigest } from '../core/digest/select-digest.ts';
import type { Digest } from '../core/digest/types.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import type { DigestAudience } from '../core/subscriptions/model.ts';
import { type RunWrite, retryingWrite } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import { addDays, dateInZone, instantOf, MS_PER_DAY, MS_PER_MINUTE } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import {
  claimDigestSlot,
  lastPostedDigest,
  listDigestFollowups,
  listDigestTargets,
  markDigestFailed,
  markDigestPosted,
  markDigestSkipped,
} from '../repo/digest-repo.ts';
import { type AudienceSettings, audienceScope, channelAudience, digestAudiences } from './subscription-service.ts';

/**
 * The weekly digest: what it contains (one function shared by the job, the CLI and `/measures digest`) and the
 * at-most-once bookkeeping of a scheduled post. Slack-free: sending the message is a `PostDigest` function the
 * caller passes in (src/slack/digest/post-digest.ts renders and posts it).
 */

/**
 * The settings a digest run reads. Named like the environment variables so the app's Config satisfies it as
 * is, while this service stays independent of how settings are loaded.
 */
export interface DigestSettings extends AudienceSettings {
  DIGEST_AS_OF?: string | undefined;
}

/** Without a previous digest, "done" (and "changes") cover the last week. */
export const DONE_FALLBACK_DAYS = 7;
/** A slot whose post failed is tried at most this many times (then it stays failed, and is logged). */
export const MAX_POST_ATTEMPTS = 3;
/** The job ticks every minute; a failed post waits this long before its next attempt. */
export const RETRY_AFTER_MS = 10 * MS_PER_MINUTE;

/**
 * A claim that has not become posted/failed/skipped after this long is taken to be abandoned (a crash, or an
 * attempt that never returned) and may be claimed again. Far longer than one attempt can last: the post is
 * bounded by DIGEST_POST_TIMEOUT_MS (src/slack/digest/post-digest.ts) and computing a digest takes seconds.
 */
export const STALE_CLAIM_MINUTES = 15;

/** Sends one digest to one channel and returns the message id (Slack ts). Throws when it could not. */
export type PostDigest = (channel: string, digest: Digest) => Promise<string>;

/** The date a digest run is computed for: DIGEST_AS_OF when pinned (replaying a past year), else that day in the zone. */
export function digestAsOf(
  config: { DIGEST_AS_OF?: string | undefined; DIGEST_TZ: string },
  at: Date,
  timeZone = config.DIGEST_TZ,
): string {
  return config.DIGEST_AS_OF ?? dateInZone(at, timeZone);
}

/**
 * The instant a digest for `asOf` sees the follow-ups at: the end of that day in the zone, or now when that is
 * earlier. A replay of a past date therefore leaves out follow-ups created or finished after it.
 */
export function replayCutoff(asOf: string, timeZone: string, now: Date): Date {
  const [year, month, day] = addDays(asOf, 1).split('-').map(Number) as [number, number, number];
  const endOfDay = instantOf({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone) ?? now;
  return endOfDay.getTime() < now.getTime() ? endOfDay : now;
}

export interface AudienceDigestRequest {
  audience: DigestAudience;
  asOf: string;
  /** Overrides the audience's horizon (a CLI run with --horizon-days). */
  horizonDays?: number;
  now: Date;
  /** Cuts the keywords of the audience's query. */
  segmenter: Segmenter;
}

/**
 * The digest an audience gets next: its query's targets and their follow-ups; "done" (and, for a changes-only
 * subscription, "changes") count from its last posted digest, or the last week.
 */
export function digestFor(db: Db, req: AudienceDigestRequest): Digest {
  const { audience, now } = req;
  const previous = lastPostedDigest(db, audience.key, now.toISOString());
  const since = previous?.postedAt ?? new Date(now.getTime() - DONE_FALLBACK_DAYS * MS_PER_DAY).toISOString();
  const scope = audienceScope(db, audience, req.asOf, req.segmenter);
  const inScope = (measureId: string) => scope === null || scope.has(measureId);
  const cutoff = replayCutoff(req.asOf, audience.timeZone, now).toISOString();
  return selectDigest({
    targets: listDigestTargets(db).filter((t) => inScope(t.measureId)),
    followups: listDigestFollowups(db, cutoff).filter((f) => inScope(f.measureId)),
    asOf: req.asOf,
    horizonDays: req.horizonDays ?? audience.horizonDays,
    doneSince: since,
    ...(audience.changesOnly
      ? { changesSince: { instant: since, date: dateInZone(new Date(since), audience.timeZone) } }
      : {}),
  });
}

export interface ChannelDigestRequest {
  /** The channel the digest is for; null (a CLI run with no channel configured) shows everything. */
  channel: string | null;
  asOf: string;
  horizonDays?: number;
  now: Date;
  segmenter: Segmenter;
}

/**
 * What a channel gets next, for `/measures digest` and `measures digest`: its first subscription's digest (a
 * DIGEST_CHANNELS entry first), or everything with "done" over the last week when it has none.
 */
export function digestForChannel(db: Db, settings: DigestSettings, req: ChannelDigestRequest): Digest {
  const audience =
    (req.channel === null ? undefined : digestAudiences(db, settings, req.channel)[0]) ??
    channelAudience(req.channel ?? '', { ...settings, DIGEST_CHANNELS: [] });
  return digestFor(db, {
    audience,
    asOf: req.asOf,
    now: req.now,
    segmenter: req.segmenter,
    ...(req.horizonDays === undefined ? {} : { horizonDays: req.horizonDays }),
  });
}

export interface DeliverDeps {
  db: Db;
  logger: Logger;
  post: PostDigest;
  segmenter: Segmenter;
  /** How claims and outcomes are written; retried while another process holds the lock unless told (busy-retry.ts). */
  write?: RunWrite;
}

export type DeliveryOutcome =
  | { channel: string; subscription: string; outcome: 'posted'; ts: string }
  | { channel: string; subscription: string; outcome: 'skipped_empty' }
  | { channel: string; subscription: string; outcome: 'already_claimed' }
  | { channel: string; subscription: string; outcome: 'failed'; error: string };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Delivers one audience's digest of one slot: claim (subscription, slot) in the database BEFORE posting, post,
 * then record the message ts. A second process, a restart or a repeated tick finds the claim and does nothing;
 * a failed post is recorded and retried (MAX_POST_ATTEMPTS, RETRY_AFTER_MS apart) within the slot, and so is a
 * claim abandoned for STALE_CLAIM_MINUTES. The post itself must not retry (see digestPostingClient): these
 * claims are the only retries, so each attempt is counted. A manual post passes `now` as its slot: it is
 * recorded (so "done since the last digest" starts there) but never collides with a scheduled one.
 */
export async function deliverDigest(
  deps: DeliverDeps,
  req: { audience: DigestAudience; slot: Date; asOf: string; now: Date },
): Promise<DeliveryOutcome> {
  const { db, logger } = deps;
  const write = deps.write ?? retryingWrite();
  const { audience, asOf } = req;
  const { channel, key: subscription } = audience;
  const slot = req.slot.toISOString();
  const nowIso = req.now.toISOString();
  const staleBeforeIso = new Date(req.now.getTime() - STALE_CLAIM_MINUTES * MS_PER_MINUTE).toISOString();
  const claimed = await write(() =>
    claimDigestSlot(db, {
      subscription,
      channel,
      slot,
      asOf,
      nowIso,
      maxAttempts: MAX_POST_ATTEMPTS,
      retryAfterMs: RETRY_AFTER_MS,
      staleBeforeIso,
    }),
  );
  if (!claimed) {
    logger.debug('digest already claimed', { channel, subscription, slot });
    return { channel, subscription, outcome: 'already_claimed' };
  }
  try {
    const digest = digestFor(db, {
      audience,
      asOf,
      now: req.now,
      segmenter: deps.segmenter,
    });
    if (audience.skipEmpty && isEmptyDigest(digest)) {
      await write(() => markDigestSkipped(db, subscription, slot, nowIso));
      logger.info('digest empty, not posted (skip-empty)', { channel, subscription, slot, asOf });
      return { channel, subscription, outcome: 'skipped_empty' };
    }
    const ts = await deps.post(channel, digest);
    await write(() => markDigestPosted(db, subscription, slot, ts, nowIso));
    logger.info('digest posted', {
      channel,
      subscription,
      slot,
      asOf,
      ts,
      upcoming: digest.upcoming.length,
      overdue: digest.overdue.length,
    });
    return { channel, subscription, outcome: 'posted', ts };
  } catch (err) {
    const error = errorText(err);
    await write(() => markDigestFailed(db, subscription, slot, error));
    logger.error('digest post failed', { channel, subscription, slot, error });
    return { channel, subscription, outcome: 'failed', error };
  }
}
