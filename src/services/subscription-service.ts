import { parseSearchText } from '../core/search/query-text.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import {
  channelKey,
  type DigestAudience,
  type Subscription,
  subscriptionCron,
  subscriptionKey,
} from '../core/subscriptions/model.ts';
import { parseSubscribe, type SubscribeProblem } from '../core/subscriptions/parse-subscribe.ts';
import { canChangeSubscription } from '../core/subscriptions/permissions.ts';
import type { Db } from '../db/open.ts';
import {
  deleteSubscription,
  getSubscription,
  insertSubscription,
  listSubscriptions,
} from '../repo/subscriptions-repo.ts';
import { matchingMeasureIds } from './search-service.ts';

/**
 * Channel subscriptions: adding, listing and removing them, and the audiences a digest run delivers to (every
 * stored subscription, plus each DIGEST_CHANNELS channel as a subscription to everything on DIGEST_CRON).
 */

/** The workspace defaults a subscription falls back to; named like the environment so Config satisfies it. */
export interface AudienceSettings {
  DIGEST_CHANNELS: readonly string[];
  DIGEST_CRON: string;
  DIGEST_TZ: string;
  DIGEST_HORIZON_DAYS: number;
  DIGEST_SKIP_EMPTY: boolean;
}

/** Most subscriptions one channel may hold: each is a weekly post. */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 10;

export type SubscribeOutcome =
  | { ok: true; subscription: Subscription }
  | { ok: false; error: SubscribeProblem | { problem: 'too_many'; value: string } };

export function subscribe(
  db: Db,
  req: {
    channel: string;
    user: string;
    text: string;
    today: string;
    nowIso: string;
    isTimeZone: (tz: string) => boolean;
  },
): SubscribeOutcome {
  const parsed = parseSubscribe(req.text, req.isTimeZone, req.today);
  if (!parsed.ok) {
    const { ok: _ok, ...error } = parsed;
    return { ok: false, error };
  }
  return db.transaction((): SubscribeOutcome => {
    if (listSubscriptions(db, req.channel).length >= MAX_SUBSCRIPTIONS_PER_CHANNEL) {
      return { ok: false, error: { problem: 'too_many', value: String(MAX_SUBSCRIPTIONS_PER_CHANNEL) } };
    }
    const subscription = insertSubscription(
      db,
      { channel: req.channel, query: parsed.query, createdBy: req.user, ...parsed.options },
      req.nowIso,
    );
    return { ok: true, subscription };
  })();
}

export { listSubscriptions };

export type UnsubscribeOutcome =
  | { ok: true; subscription: Subscription }
  | { ok: false; error: 'not_found' | 'not_allowed' };

/** Removes subscription `id` of this channel when `user` may (its creator or an admin). */
export function unsubscribe(
  db: Db,
  req: { channel: string; user: string; id: number; admins: readonly string[] },
): UnsubscribeOutcome {
  const sub = getSubscription(db, req.id);
  if (!sub || sub.channel !== req.channel) return { ok: false, error: 'not_found' };
  if (!canChangeSubscription(sub, req.user, req.admins)) return { ok: false, error: 'not_allowed' };
  deleteSubscription(db, sub.id, sub.channel);
  return { ok: true, subscription: sub };
}

export function audienceOf(sub: Subscription, settings: AudienceSettings): DigestAudience {
  return {
    key: subscriptionKey(sub.id),
    channel: sub.channel,
    query: sub.query,
    subscriptionId: sub.id,
    cron: subscriptionCron(sub),
    timeZone: sub.timeZone ?? settings.DIGEST_TZ,
    horizonDays: sub.horizonDays ?? settings.DIGEST_HORIZON_DAYS,
    skipEmpty: sub.skipEmpty,
    changesOnly: sub.changesOnly,
  };
}

/** A DIGEST_CHANNELS channel: everything, on the workspace schedule. */
export function channelAudience(channel: string, settings: AudienceSettings): DigestAudience {
  return {
    key: channelKey(channel),
    channel,
    query: '',
    subscriptionId: null,
    cron: settings.DIGEST_CRON,
    timeZone: settings.DIGEST_TZ,
    horizonDays: settings.DIGEST_HORIZON_DAYS,
    skipEmpty: settings.DIGEST_SKIP_EMPTY,
    changesOnly: false,
  };
}

/** Everyone a digest run delivers to, DIGEST_CHANNELS first, optionally only one channel's. */
export function digestAudiences(db: Db, settings: AudienceSettings, channel?: string): DigestAudience[] {
  const env = [...new Set(settings.DIGEST_CHANNELS)].map((c) => channelAudience(c, settings));
  const all = [...env, ...listSubscriptions(db, channel).map((s) => audienceOf(s, settings))];
  return channel === undefined ? all : all.filter((a) => a.channel === channel);
}

/**
 * The measures an audience's query selects on `today`, or null for everything. A stored query that no longer
 * parses (the grammar changed) selects nothing rather than everything.
 */
export function audienceScope(
  db: Db,
  audience: Pick<DigestAudience, 'query'>,
  today: string,
  segmenter: Segmenter,
): Set<string> | null {
  if (audience.query.trim() === '') return null;
  const parsed = parseSearchText(audience.query, today);
  if (!parsed.ok) return new Set();
  return matchingMeasureIds(db, { query: parsed.search.query, filters: parsed.search.filters, today }, segmenter);
}
