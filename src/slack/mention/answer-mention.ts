import { oncePerDelivery } from '../../services/delivery-service.ts';
import type { SlackDeps } from '../deps.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { dispatchCommand } from '../subcommands/dispatch.ts';
import type { SlackClient } from '../web-api.ts';
import { type FollowupMention, handleFollowupMention } from './followup-mention.ts';
import { publicAnswer } from './public-answer.ts';
import { stripBotMention } from './strip-mention.ts';

/** One `@measures …` mention, read from the event. `user` is absent for messages Slack attributes to no one. */
export type Mention = Omit<FollowupMention, 'user'> & { user?: string };

/**
 * `@measures <text>`: works where slash commands do not (threads). A follow-up command (`@measures done`) goes
 * to the follow-ups; anything else is answered like `/measures <text>`, in the thread, visible to the channel
 * (the mention itself was public), so without the buttons of a private answer. Slack re-delivers events it
 * thinks were missed (its retry usually means the first delivery was never handled): follow-up commands and
 * searches are both deduplicated on event_id, so a retry is answered once and a duplicate never twice.
 */
export async function answerMention(
  m: Mention,
  client: SlackClient,
  deps: SlackDeps,
  subcommands: readonly Subcommand[],
): Promise<void> {
  if (m.user && (await handleFollowupMention({ ...m, user: m.user }, client, deps))) return;
  await oncePerDelivery(deps, `mention:${m.eventId}`, async () => {
    const answer = await dispatchCommand(
      stripBotMention(m.text, m.botUserId),
      { userId: m.user ?? '', channelId: m.channel, client, public: true },
      deps,
      subcommands,
    );
    if (!answer) return;
    const shown = publicAnswer(answer);
    await client.chat.postMessage({
      channel: m.channel,
      thread_ts: m.threadTs ?? m.ts,
      text: shown.text,
      blocks: shown.blocks,
      unfurl_links: false,
    });
  });
}
