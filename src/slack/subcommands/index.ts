import { digestCommand } from '../digest/digest-command.ts';
import { docsCommand } from '../documents/docs-command.ts';
import { removeCommand } from '../documents/remove-command.ts';
import { assignCommand } from '../followups/assign-command.ts';
import { followupsCommand } from '../followups/followups-command.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { deptCommand } from '../search/dept-command.ts';
import { dueCommand } from '../search/due-command.ts';
import { searchCommand } from '../search/search-command.ts';
import { showCommand } from '../search/show-command.ts';
import { subscribeCommand } from '../subscriptions/subscribe-command.ts';
import { subscriptionsCommand } from '../subscriptions/subscriptions-command.ts';
import { unsubscribeCommand } from '../subscriptions/unsubscribe-command.ts';

/**
 * THE registry: every `/measures` subcommand, in the order help and the Home tab list them. A new one is its
 * file, one entry here and its strings (src/slack/README.md, "Add a /measures subcommand"). `help` is built in
 * (routeCommand).
 */
export const subcommands: Subcommand[] = [
  searchCommand,
  showCommand,
  deptCommand,
  dueCommand,
  digestCommand,
  assignCommand,
  followupsCommand,
  docsCommand,
  removeCommand,
  subscribeCommand,
  subscriptionsCommand,
  unsubscribeCommand,
];
