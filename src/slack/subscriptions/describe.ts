import type { DigestAudience, Subscription } from '../../core/subscriptions/model.ts';
import { escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import type { Strings } from '../strings.ts';

/** How a subscription reads in replies: its query (escaped) and its schedule. */

/** Longest query shown in a reply line; the stored query is kept whole. */
export const QUERY_SHOWN_CHARS = 200;

export function describeQuery(query: string, s: Strings): string {
  return query.trim() === '' ? s.subEverything : `\`${escapeMrkdwn(truncate(query, QUERY_SHOWN_CHARS))}\``;
}

export function describeSchedule(sub: Subscription, audience: DigestAudience, s: Strings): string {
  const flags = [sub.skipEmpty ? s.subSkipEmpty : '', sub.changesOnly ? s.subChangesOnly : ''].filter((f) => f !== '');
  const base = s.subSchedule(sub.weekday, sub.time, escapeMrkdwn(audience.timeZone), audience.horizonDays);
  return flags.length > 0 ? `${base} · ${flags.join(' · ')}` : base;
}
