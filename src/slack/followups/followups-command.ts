import { parseUserMention } from '../../core/followups/parse-command.ts';
import { type ListScope, listForScope } from '../../services/followup-service.ts';
import { todayOf } from '../deps.ts';
import { notice } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { followupListBlocks, followupListText } from './list-blocks.ts';

/**
 * `/measures followups [mine | @user | overdue | all]`: active follow-ups, overdue first. Default: mine. Items
 * whose card could not be posted carry a "Re-post" button.
 */
export const followupsCommand: Subcommand = {
  name: 'followups',
  aliases: ['跟进', 'fu'],
  helpLines: (s) => [s.fuListHelp],
  run(inv, deps) {
    const s = deps.strings;
    const word = inv.args.trim().split(/\s+/)[0] ?? '';
    const user = parseUserMention(word);
    const arg = word.toLowerCase();
    const scope: ListScope | undefined = user
      ? { kind: 'user', user }
      : arg === 'overdue' || arg === '逾期'
        ? { kind: 'overdue' }
        : arg === 'all' || arg === '全部'
          ? { kind: 'all' }
          : arg === 'done' || arg === '已完成' || arg === '完成'
            ? { kind: 'done' }
            : arg === '' || arg === 'mine' || arg === '我的'
              ? { kind: 'mine', user: inv.userId }
              : undefined;
    // Anything else (a typo, a name Slack did not turn into a mention) gets the usage, not someone's list.
    if (!scope) return notice(s.fuListHelp);
    const label = scope.kind === 'user' ? s.fuScopes.user(scope.user) : s.fuScopes[scope.kind];
    const today = todayOf(deps);
    const items = listForScope(deps.db, scope, today);
    // Not reply(): that escapes the text, and the <@U…> mention in the label is ours and must stay a mention.
    return {
      text: followupListText({ items, scope: label, strings: s }),
      blocks: followupListBlocks({ items, scope: label, today, strings: s }),
    };
  },
};
