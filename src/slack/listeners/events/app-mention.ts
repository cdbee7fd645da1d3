import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import type { Subcommand } from '../../commands/registry.ts';
import { dispatchCommand } from '../../commands/dispatch.ts';
import { handleFollowupMention } from '../../followups/mention-command.ts';
import { publicAnswer } from '../../mention/public-answer.ts';
import { stripBotMention } from '../../mention/strip-mention.ts';
import { appMentionSchema } from '../payloads.ts';
import { safelyTelling } from '../safely.ts';
import { tell } from '../../followups/tell.ts';
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
    // No response_url for events: a failure is told to the person in the thread, privately.
    const user = (event as { user?: string }).user;
    const channel = (event as { channel?: string }).channel;
    const where = user && channel ? { user, channel, threadTs: (event as { thread_ts?: string; ts?: string }).thread_ts ?? (event as { ts?: string }).ts ?? null } : undefined;
    const say = where ? (text: string) => tell(client, deps.logger, where, text) : undefined;
    await safelyTelling(deps, say, 'app mention', async () => {
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
