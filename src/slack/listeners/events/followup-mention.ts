import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../../deps.ts';
import { parseFollowupCommand, stripBotMention } from '../../../core/followups/parse-command.ts';
import { assignFollowup, changeFollowup, firstDelivery, threadFollowup, threadItem } from '../../../services/followup-service.ts';
import { safely } from '../safely.ts';
import { assignOutcomeText, changeOutcomeText, followupDeps, fuStrings, tell } from '../followup-common.ts';

const mentionSchema = z.object({
  user: z.string().min(1),
  text: z.string(),
  channel: z.string().min(1),
  ts: z.string(),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
});

/** First words that make a mention a follow-up command rather than a search. */
const FOLLOWUP_VERB = /^(assign|指派|分配|start|开始|done|完成|cancel|取消|reopen|重开|重新打开|blocked|block|受阻|阻塞|due|截止|期限|reassign|转交|改派)$/i;

/**
 * `@bot assign …`, `@bot done`, `@bot blocked <reason>`, `@bot due <date>`, `@bot reassign @user` in a thread.
 * Called first by the app_mention listener; returns false when the mention is not a follow-up command (it is
 * then a search). Slack re-delivers events: the event_id is claimed in processed_events before anything is
 * done, so a retry neither creates a second follow-up nor posts a second message.
 */
export async function handleFollowupMention(
  args: Pick<SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs, 'event' | 'body' | 'client' | 'context'>,
  deps: SlackDeps,
): Promise<boolean> {
  const parsedEvent = mentionSchema.safeParse(args.event);
  if (!parsedEvent.success || parsedEvent.data.bot_id) return false;
  const e = parsedEvent.data;
  const text = stripBotMention(e.text, args.context.botUserId);
  if (!FOLLOWUP_VERB.test(text.split(/\s+/)[0] ?? '')) return false;
  const eventId = (args.body as { event_id?: string }).event_id ?? `${e.channel}:${e.ts}`;
  const fdeps = followupDeps(deps);
  if (!firstDelivery(fdeps, `event:${eventId}`)) return true;
  const s = fuStrings(deps);
  const client = args.client;
  const where = { user: e.user, channel: e.channel, threadTs: e.thread_ts ?? e.ts };
  await safely(deps, undefined, 'follow-up mention', async () => {
    const parsed = parseFollowupCommand(text);
    if (!parsed.ok) return tell(client, deps, where, s.fuParseError[parsed.error]);
    const cmd = parsed.command;
    if (cmd.kind === 'help') return tell(client, deps, where, s.fuHelp);
    if (cmd.kind === 'assign') {
      const item = cmd.itemId === null && e.thread_ts ? await threadItem(deps.db, client, e.channel, e.thread_ts) : undefined;
      const outcome = await assignFollowup(fdeps, client, {
        itemId: cmd.itemId,
        ...(item ? { item } : {}),
        assignee: cmd.assignee,
        actor: e.user,
        ...(cmd.due !== null ? { due: cmd.due } : {}),
        note: cmd.note,
        where: { channel: e.channel, threadTs: e.thread_ts ?? e.ts },
        dedupeKey: `event:${eventId}`,
      });
      if (!outcome.ok || outcome.slackError) await tell(client, deps, where, assignOutcomeText(outcome, s));
      return;
    }
    const target = threadFollowup(deps.db, e.channel, e.thread_ts ?? null, cmd.followupId);
    if (!target.ok) {
      return tell(client, deps, where, target.error === 'ambiguous' ? s.fuAmbiguous(target.ids.join(', ')) : cmd.followupId ? s.fuNotFound(cmd.followupId) : s.fuNoThreadFollowup);
    }
    const outcome = await changeFollowup(fdeps, client, { followupId: target.followup.id, change: cmd.change, actor: e.user });
    const reply = changeOutcomeText(outcome, s, false);
    if (reply) await tell(client, deps, where, reply);
  });
  return true;
}
