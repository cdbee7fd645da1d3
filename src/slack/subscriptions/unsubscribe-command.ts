import { z } from 'zod';
import { unsubscribe } from '../../services/subscription-service.ts';
import { escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import { notice } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { describeQuery } from './describe.ts';

/** `#3` or `3`. */
const argsSchema = z
  .string()
  .trim()
  .regex(/^#?\d{1,9}$/)
  .transform((v) => Number(v.replace('#', '')));

/** `/measures unsubscribe <n>`: removes subscription n of this channel (its creator or an admin). */
export const unsubscribeCommand: Subcommand = {
  name: 'unsubscribe',
  aliases: ['退订', '取消订阅'],
  helpLines: () => [],
  async run(inv, deps) {
    const s = deps.strings;
    const parsed = argsSchema.safeParse(inv.args);
    if (!parsed.success) return notice(s.subUnsubscribeUsage);
    const outcome = await deps.write(() =>
      unsubscribe(deps.db, {
        channel: inv.channelId,
        user: inv.userId,
        id: parsed.data,
        admins: deps.config.SLACK_ADMIN_USERS,
      }),
    );
    if (!outcome.ok) {
      return notice(
        outcome.error === 'not_found'
          ? s.subNotFound(escapeMrkdwn(truncate(String(parsed.data), 12)))
          : s.subNotAllowed(parsed.data),
      );
    }
    deps.logger.info('subscription removed', { id: parsed.data, channel: inv.channelId, user: inv.userId });
    return notice(s.subRemoved(outcome.subscription.id, describeQuery(outcome.subscription.query, s)));
  },
};
