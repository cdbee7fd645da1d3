import { notice } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { runSearch } from './run-search.ts';

/**
 * `/measures due 2023 | 2023-06 | next 90d | overdue [keywords and filters]` — measures with targets due in that
 * window.
 */
export const dueCommand: Subcommand = {
  name: 'due',
  helpLines: (s) => [s.helpDue],
  usageHint: 'due next 90d',
  aliases: ['期限', '到期'],
  run(inv, deps) {
    if (inv.args.trim() === '') return notice(deps.strings.badDue);
    return runSearch({ source: 'due', args: inv.args.trim(), offset: 0 }, deps);
  },
};
