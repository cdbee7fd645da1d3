import type { Subcommand } from './registry.ts';
import { parseUserMention } from '../../core/followups/parse-command.ts';
import { listForScope, type ListScope } from '../../services/followup-service.ts';
import { followupListBlocks, followupListText } from '../blocks/followup-list.ts';
import { todayOf } from '../deps.ts';
import { reply } from '../reply.ts';

/** `/measures followups [mine | @user | overdue | all]`: active follow-ups, overdue first. Default: mine. */
export const followupsCommand: Subcommand = {
  name: 'followups',
  aliases: ['跟进', 'fu'],
  helpLine: (s) => s.fuListHelp,
  run(inv, deps) {
    const s = deps.strings;
    const arg = inv.args.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    const user = parseUserMention(arg.toUpperCase().replace(/^<@([UW][A-Z0-9]+)(\|.*)?>$/, '<@$1>'));
    const scope: ListScope =
      user ? { kind: 'user', user }
      : arg === 'overdue' || arg === '逾期' ? { kind: 'overdue' }
      : arg === 'all' || arg === '全部' ? { kind: 'all' }
      : { kind: 'mine', user: inv.userId };
    const label = scope.kind === 'user' ? s.fuScopes.user(scope.user) : s.fuScopes[scope.kind];
    const today = todayOf(deps);
    const items = listForScope(deps.db, scope, today);
    return reply(followupListText({ items, scope: label, strings: s }), followupListBlocks({ items, scope: label, today, strings: s }));
  },
};
