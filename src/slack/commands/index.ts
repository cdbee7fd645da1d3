import type { Subcommand } from './registry.ts';
import { searchCommand } from './search.ts';
import { showCommand } from './show.ts';
import { deptCommand } from './dept.ts';
import { dueCommand } from './due.ts';
import { digestCommand } from './digest.ts';
import { assignCommand } from './assign.ts';
import { followupsCommand } from './followups.ts';

/**
 * Every `/measures` subcommand. Add yours (digest, assign, followups) as one file and one line here.
 * `help` is built in (routeCommand) and lists these.
 */
export const subcommands: Subcommand[] = [searchCommand, showCommand, deptCommand, dueCommand, digestCommand, assignCommand, followupsCommand];
