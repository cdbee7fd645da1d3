import { mentionIntent } from '../../core/followups/mention-intent.ts';
import type { SlackDeps } from '../deps.ts';
import { examplesOf } from '../kit/examples.ts';
import { MAX_COMMAND_TEXT } from '../kit/limits.ts';
import { decodeSlackEntities, escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import { notice, type Reply } from '../kit/reply.ts';
import { type CommandInvocation, namesOf, type Subcommand } from '../kit/subcommand.ts';
import { searchCommand } from '../search/search-command.ts';
import { buildHelp } from './help.ts';
import { routeCommand } from './route.ts';

/**
 * `/measures <text>` → the reply. Used by the slash command listener, @mentions and the local console, so all
 * three behave the same. Over-long input is refused before any parsing or searching. The manifest sets
 * should_escape: true (so `@wang` arrives as `<@U123|wang>`), which also turns & < > into entities: decode those
 * back so a search for `R&D` finds R&D. Everything echoed back is escaped again by the block builders.
 */
export async function dispatchCommand(
  text: string,
  inv: Omit<CommandInvocation, 'args'>,
  deps: SlackDeps,
  subcommands: readonly Subcommand[],
): Promise<Reply | undefined> {
  const s = deps.strings;
  text = decodeSlackEntities(text);
  if (Array.from(text).length > MAX_COMMAND_TEXT) return notice(s.tooLong(MAX_COMMAND_TEXT));
  const route = routeCommand(text, namesOf(subcommands));
  if (route.kind === 'help') {
    return buildHelp(s, subcommands, examplesOf(deps));
  }
  if (route.kind === 'search') {
    // `/measures done F2`: follow-up changes are @mentions in the thread (slash commands do not run in threads).
    if (mentionIntent(route.text, { threadHasFollowup: false }).intent !== 'other') {
      return notice(s.followupInThread(escapeMrkdwn(truncate(route.text, 200))));
    }
    return searchCommand.run({ ...inv, args: route.text }, deps);
  }
  if (route.kind === 'typo') {
    // Not searched: a mistyped subcommand finds nothing and hides the mistake (and its @mentions).
    return notice(
      s.didYouMean(escapeMrkdwn(truncate(route.word, 40)), route.suggestion, escapeMrkdwn(truncate(route.text, 200))),
    );
  }
  const command = subcommands.find((c) => c.name === route.name)!;
  return command.run({ ...inv, args: route.args }, deps);
}
