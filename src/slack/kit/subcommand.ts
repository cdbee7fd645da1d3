import type { SlackDeps } from '../deps.ts';
import type { Strings } from '../strings.ts';
import type { SlackClient } from '../web-api.ts';
import type { Reply } from './reply.ts';

/** Everything a subcommand may need about who ran it and where. */
export interface CommandInvocation {
  /** Text after the subcommand name (`show abcd-4` → `abcd-4`). */
  args: string;
  userId: string;
  channelId: string;
  teamId?: string;
  /** For subcommands that open a modal: valid for 3 s after the command, use it before any slow work. */
  triggerId?: string;
  client: SlackClient;
  /**
   * The answer is posted where everyone in the channel reads it (an @mention), not to the caller alone: it
   * must not show what only the caller may see (private follow-up notes from other channels).
   */
  public?: boolean;
}

/**
 * One `/measures <name>` subcommand. Add one by writing `<feature>/<name>-command.ts` exporting a Subcommand
 * and adding it to `subcommands` in slack/subcommands/index.ts. `run` returns the reply (sent ephemerally, in the ack or via response_url), or
 * undefined when it answered some other way (opened a modal, posted a message).
 */
export interface Subcommand {
  name: string;
  /** Other words that select it, e.g. Chinese: ['详情', '查看']. Matched case-insensitively. */
  aliases: string[];
  /** Its lines in `/measures help` and on the Home tab (mrkdwn, escaped), from the feature's strings. */
  helpLines: (s: Strings) => string[];
  /** Its part of the manifest's `usage_hint` (what Slack shows while typing), when it is worth the room. */
  usageHint?: string;
  run(inv: CommandInvocation, deps: SlackDeps): Promise<Reply | undefined> | Reply | undefined;
}

/** namesOf of each registry: the registry is one constant array, read on every command. */
const namesByRegistry = new WeakMap<readonly Subcommand[], Map<string, string>>();

/** name/alias (lower-case) → subcommand name, for routeCommand. Throws on a clash so two features cannot collide. */
export function namesOf(subcommands: readonly Subcommand[]): ReadonlyMap<string, string> {
  const known = namesByRegistry.get(subcommands);
  if (known) return known;
  const names = new Map<string, string>([
    ['help', 'help'],
    ['帮助', 'help'],
    ['?', 'help'],
    ['？', 'help'],
  ]);
  for (const c of subcommands) {
    for (const n of [c.name, ...c.aliases]) {
      const key = n.toLowerCase();
      if (names.has(key)) throw new Error(`Subcommand word "${n}" is used twice (${names.get(key)} and ${c.name})`);
      names.set(key, c.name);
    }
  }
  namesByRegistry.set(subcommands, names);
  return names;
}
