import type { Subcommand } from '../kit/subcommand.ts';
import { runSearch } from './run-search.ts';

/** `/measures <keywords and filters>` — also what unknown first words fall through to. */
export const searchCommand: Subcommand = {
  name: 'search',
  aliases: ['搜索', 'find', 's'],
  run: (inv, deps) => runSearch({ source: 'search', args: inv.args, offset: 0 }, deps),
};
