import { audienceOf, channelAudience, listSubscriptions } from '../../services/subscription-service.ts';
import { escapeMrkdwn } from '../kit/mrkdwn.ts';
import { notice } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { describeQuery, describeSchedule } from './describe.ts';

/** `/measures subscriptions`: this channel's subscriptions with their numbers and schedules. Anyone may list. */
export const subscriptionsCommand: Subcommand = {
  name: 'subscriptions',
  aliases: ['订阅列表'],
  helpLines: () => [],
  run(inv, deps) {
    const s = deps.strings;
    const lines: string[] = [];
    if (deps.config.DIGEST_CHANNELS.includes(inv.channelId)) {
      const a = channelAudience(inv.channelId, deps.config);
      lines.push(
        s.subLine(
          s.subFromConfig,
          s.subEverything,
          s.subCronSchedule(escapeMrkdwn(a.cron), escapeMrkdwn(a.timeZone), a.horizonDays),
          '',
        ),
      );
    }
    for (const sub of listSubscriptions(deps.db, inv.channelId)) {
      lines.push(
        s.subLine(
          `#${sub.id}`,
          describeQuery(sub.query, s),
          describeSchedule(sub, audienceOf(sub, deps.config), s),
          escapeMrkdwn(sub.createdBy),
        ),
      );
    }
    return notice(lines.length === 0 ? s.subNone : `*${s.subListTitle}*\n${lines.join('\n')}`);
  },
};
