import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import type { Subcommand } from '../../kit/subcommand.ts';
import { dispatchCommand } from '../../subcommands/dispatch.ts';
import { handleFollowupMention } from '../../followups/mention-command.ts';
import { publicAnswer } from '../../mention/public-answer.ts';
import { stripBotMention } from '../../mention/strip-mention.ts';
import { appMentionSchema } from '../payloads.ts';
import { safely } from '../safely.ts';
import { oncePerDelivery } from '../../../services/delivery-service.ts';

/**
 * `@measures <text>`: works where slash commands do not (threads). A follow-up command (`@measures done`) goes
 * to the follow-ups; anything else is answered like `/measures <text>`, in the thread, visible to the channel
 * (the mention itself was public), so without the buttons of a private answer. Slack re-delivers events it
 * thinks were missed (its retry usually means the first delivery was never handled): follow-up commands and
 * searches are both deduplicated on event_id, so a retry is answered once and a duplicate never twice.
 */
export function appMentionHandler(deps: SlackDeps, subcommands: readonly Subcommand[]) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    await safely(deps, undefined, 'app mention', async () => {
      const parsed = appMentionSchema.safeParse(event);
      if (!parsed.success || parsed.data.bot_id) return;
      const e = parsed.data;
      const eventId = (body as { event_id?: string }).event_id ?? `${e.channel}:${e.ts}`;
      const botUserId = context.botUserId;
      const mention = { text: e.text, channel: e.channel, ts: e.ts, threadTs: e.thread_ts ?? null, eventId, ...(botUserId ? { botUserId } : {}) };
      if (e.user && (await handleFollowupMention({ ...mention, user: e.user }, client, deps))) return;
      await oncePerDelivery(deps, `mention:${eventId}`, async () => {
        const answer = await dispatchCommand(stripBotMention(e.text, botUserId), { userId: e.user ?? '', channelId: e.channel, client, public: true }, deps, subcommands);
        if (!answer) return;
        const shown = publicAnswer(answer);
        await client.chat.postMessage({ channel: e.channel, thread_ts: e.thread_ts ?? e.ts, text: shown.text, blocks: shown.blocks, unfurl_links: false });
      });
    });
  };
}
