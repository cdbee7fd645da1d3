import { isTimeZone } from '../../lib/dates.ts';
import { audienceOf, subscribe } from '../../services/subscription-service.ts';
import { todayOf } from '../deps.ts';
import { escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import { notice } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { describeQuery, describeSchedule } from './describe.ts';

/** Longest subscribe text accepted: a query plus schedule words, never a document. */
export const MAX_SUBSCRIBE_CHARS = 500;

/**
 * `/measures subscribe [keywords] [部门:…] [地区:…] [类型:…] [现行] [周一] [09:00] [提前:28] [时区:…] [无则不发] [仅变化]`:
 * this channel's weekly digest holds only what the query (the search grammar) matches.
 */
export const subscribeCommand: Subcommand = {
  name: 'subscribe',
  aliases: ['订阅'],
  helpLines: (s) => s.subHelpLines,
  usageHint: 'subscribe 地区:天津',
  async run(inv, deps) {
    const s = deps.strings;
    const text = truncate(inv.args, MAX_SUBSCRIBE_CHARS);
    const outcome = await deps.write(() =>
      subscribe(deps.db, {
        channel: inv.channelId,
        user: inv.userId,
        text,
        today: todayOf(deps),
        nowIso: deps.clock().toISOString(),
        isTimeZone,
      }),
    );
    if (!outcome.ok)
      return notice(s.subProblem[outcome.error.problem](escapeMrkdwn(truncate(outcome.error.value, 40))));
    const sub = outcome.subscription;
    deps.logger.info('subscription created', { id: sub.id, channel: sub.channel, user: inv.userId });
    return notice(
      s.subCreated(sub.id, describeQuery(sub.query, s), describeSchedule(sub, audienceOf(sub, deps.config), s)),
    );
  },
};
