import { escapeMrkdwn } from '../kit/mrkdwn.ts';
import { notice } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { runSearch } from './run-search.ts';

/** `/measures dept 商务局 [keywords]` — measures a department is responsible for. */
export const deptCommand: Subcommand = {
  name: 'dept',
  aliases: ['部门', 'department'],
  helpLines: (s) => [s.helpDept],
  usageHint: 'dept 商务局',
  run(inv, deps) {
    if (inv.args.trim() === '') return notice(deps.strings.missingArg(escapeMrkdwn('dept <部门>')));
    return runSearch({ source: 'dept', args: inv.args.trim(), offset: 0 }, deps);
  },
};
