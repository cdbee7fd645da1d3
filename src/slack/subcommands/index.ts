import type { Subcommand } from '../kit/subcommand.ts';
import { searchCommand } from '../search/search-command.ts';
import { showCommand } from '../search/show-command.ts';
import { deptCommand } from '../search/dept-command.ts';
import { dueCommand } from '../search/due-command.ts';
import { digestCommand } from '../digest/digest-command.ts';
import { assignCommand } from '../followups/assign-command.ts';
import { followupsCommand } from '../followups/followups-command.ts';
import { subscribeCommand } from '../subscriptions/subscribe-command.ts';
import { subscriptionsCommand } from '../subscriptions/subscriptions-command.ts';
import { unsubscribeCommand } from '../subscriptions/unsubscribe-command.ts';

/**
 * Every `/measures` subcommand. Add yours (digest, assign, followups) as one file and one line here.
 * `help` is built in (routeCommand) and lists these.
 */
export const subcommands: Subcommand[] = [searchCommand, showCommand, deptCommand, dueCommand, digestCommand, assignCommand, followupsCommand,
  subscribeCommand, subscriptionsCommand, unsubscribeCommand];
