/** A channel's subscription to the digest: what it matches and when it is posted. Pure data. */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface SubscriptionOptions {
  weekday: IsoWeekday;
  /** `HH:MM`, 24-hour, in the subscription's zone. */
  time: string;
  /** Null: the workspace default (DIGEST_HORIZON_DAYS). */
  horizonDays: number | null;
  /** Null: the workspace zone (DIGEST_TZ). */
  timeZone: string | null;
  /** An empty digest posts nothing. */
  skipEmpty: boolean;
  /** Only what changed since the channel's last digest of this subscription. */
  changesOnly: boolean;
}

export const DEFAULT_SUBSCRIPTION_OPTIONS: SubscriptionOptions = {
  weekday: 1,
  time: '09:00',
  horizonDays: null,
  timeZone: null,
  skipEmpty: false,
  changesOnly: false,
};

export interface Subscription extends SubscriptionOptions {
  id: number;
  channel: string;
  /** The query as typed, in the search grammar (`冷链 部门:商务 地区:天津 现行`); empty matches everything. */
  query: string;
  createdBy: string;
  createdAt: string;
}

/**
 * What a digest run delivers to: a stored subscription, or a DIGEST_CHANNELS channel (everything, on
 * DIGEST_CRON). `key` names its claims in digest_posts: `s<id>` or `env:<channel>`.
 */
export interface DigestAudience {
  key: string;
  channel: string;
  query: string;
  /** A stored subscription's id; null for a DIGEST_CHANNELS channel. */
  subscriptionId: number | null;
  /** 5-field cron read in `timeZone`. */
  cron: string;
  timeZone: string;
  horizonDays: number;
  skipEmpty: boolean;
  changesOnly: boolean;
}

export const subscriptionKey = (id: number) => `s${id}`;
export const channelKey = (channel: string) => `env:${channel}`;

/** The weekly cron of a subscription's day and time (`09:00` on Monday → `0 9 * * 1`). */
export function subscriptionCron(o: Pick<SubscriptionOptions, 'weekday' | 'time'>): string {
  const [hh, mm] = o.time.split(':').map(Number) as [number, number];
  return `${mm} ${hh} * * ${o.weekday % 7}`;
}
