import type { Subcommand } from '../kit/subcommand.ts';
import { runSearch } from './run-search.ts';

/** `/measures <keywords and filters>` — also what unknown first words fall through to. */
export const searchCommand: Subcommand = {
  name: 'search',
  aliases: ['搜索', 'find', 's'],
  helpLines: (s) => [s.helpSearch, s.helpFilters],
  usageHint: '冷链 部门:商务 年:2023',
  run: (inv, deps) => runSearch({ source: 'search', args: inv.args, offset: 0 }, deps),
};
