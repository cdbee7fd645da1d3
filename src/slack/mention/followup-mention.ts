import { mentionIntent } from '../../core/followups/mention-intent.ts';
import { firstDelivery, releaseDelivery } from '../../services/delivery-service.ts';
import {
  assignFollowup,
  changeFollowup,
  checkRepost,
  threadFollowup,
  threadHasFollowup,
  threadItem,
} from '../../services/followup-service.ts';
import { type SlackDeps, todayOf } from '../deps.ts';
import { followupDeps } from '../followups/context.ts';
import {
  assignOutcomeText,
  changeOutcomeText,
  dueNoteText,
  permissionRefusalText,
  slackFailedText,
} from '../followups/outcome-text.ts';
import { publishChange, publishCreated, repostCard } from '../followups/publisher.ts';
import { tell } from '../followups/tell.ts';
import { examplesOf, withExamples } from '../kit/examples.ts';
import { failureText } from '../kit/failure-text.ts';
import { decodeSlackEntities, escapeMrkdwn } from '../kit/mrkdwn.ts';
import { type SlackClient, slackErrorCode } from '../web-api.ts';
import { stripBotMention } from './strip-mention.ts';

export interface FollowupMention {
  user: string;
  text: string;
  channel: string;
  ts: string;
  threadTs: string | null;
  /** event_id: Slack re-delivers events; the claim on it keeps a retry from acting twice. */
  eventId: string;
  botUserId?: string;
}

/**
 * `@bot assign …`, `@bot done`, `@bot blocked <reason>`, `@bot due <date>`, `@bot reassign @user`,
 * `@bot repost F3`. Returns false when the mention is not a follow-up command (see mentionIntent): it is then
 * a search or another subcommand. The event is claimed before the work and the claim is given back if the work
 * fails, so Slack's retry gets another chance instead of being dropped.
 */
export async function handleFollowupMention(
  m: FollowupMention,
  client: SlackClient,
  deps: SlackDeps,
): Promise<boolean> {
  const fdeps = followupDeps(deps);
  const s = deps.strings;
  const text = decodeSlackEntities(stripBotMention(m.text, m.botUserId));
  const { intent, parsed } = mentionIntent(text, {
    threadHasFollowup: threadHasFollowup(deps.db, m.channel, m.threadTs),
  });
  if (intent === 'other') return false;
  const key = `event:${m.eventId}`;
  const where = { user: m.user, channel: m.channel, threadTs: m.threadTs ?? m.ts };
  // Parse errors and refusals show example ids and dates: real ones.
  const say = (t: string) => tell(client, deps.logger, where, withExamples(t, examplesOf(deps), s));
  let claimed = false;
  try {
    if (!(await deps.write(() => firstDelivery(fdeps, key)))) return true;
    claimed = true;
    if (!parsed.ok) {
      await say(s.fuParseError[parsed.error]);
      return true;
    }
    const cmd = parsed.command;
    if (cmd.kind === 'help') return true;
    if (cmd.kind === 'assign') {
      const item = cmd.itemId === null && m.threadTs ? threadItem(deps.db, m.channel, m.threadTs) : undefined;
      const outcome = await deps.write(() =>
        assignFollowup(fdeps, {
          itemId: cmd.itemId,
          ...(item ? { item } : {}),
          assignee: cmd.assignee,
          actor: m.user,
          ...(cmd.due !== null ? { due: cmd.due } : {}),
          note: cmd.note,
          where: { channel: m.channel, threadTs: m.threadTs ?? m.ts },
          dedupeKey: key,
          today: todayOf(deps),
        }),
      );
      if (!outcome.ok) await say(assignOutcomeText(outcome, s));
      else if (outcome.created) {
        const problem = await publishCreated(fdeps, client, outcome.followup);
        if (problem) await say(slackFailedText(outcome.followup.id, problem, s));
        if (outcome.dueNote) await say(dueNoteText(outcome.followup.id, outcome.dueNote, s));
      }
      return true;
    }
    const target = threadFollowup(deps.db, m.channel, m.threadTs, cmd.followupId);
    if (!target.ok) {
      await say(
        target.error === 'ambiguous'
          ? s.fuAmbiguous(target.ids.join(', '))
          : cmd.followupId
            ? s.fuNotFound(escapeMrkdwn(cmd.followupId))
            : s.fuNoThreadFollowup,
      );
      return true;
    }
    if (cmd.kind === 'repost') {
      const check = checkRepost(fdeps, { followupId: target.followup.id, actor: m.user });
      if (!check.ok) {
        await say(permissionRefusalText(check, s));
        return true;
      }
      const problem = await repostCard(fdeps, client, check.followup);
      await say(problem ? slackFailedText(check.followup.id, problem, s) : s.fuReposted(check.followup.id));
      return true;
    }
    const outcome = await deps.write(() =>
      changeFollowup(fdeps, { followupId: target.followup.id, change: cmd.change, actor: m.user }),
    );
    if (!outcome.ok) {
      const reply = changeOutcomeText(outcome, s, false);
      if (reply) await say(reply);
      return true;
    }
    const problem = await publishChange(fdeps, client, outcome);
    if (problem) await say(slackFailedText(outcome.followup.id, problem, s));
    return true;
  } catch (err) {
    deps.logger.error('follow-up mention failed', { error: slackErrorCode(err), stack: (err as Error).stack });
    if (claimed) {
      try {
        await deps.write(() => releaseDelivery(fdeps, key));
      } catch (e) {
        deps.logger.warn('could not release the event claim', { error: (e as Error).message });
      }
    }
    await say(failureText(err, s));
    return true;
  }
}
