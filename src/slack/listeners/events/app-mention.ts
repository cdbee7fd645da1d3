import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import type { Subcommand } from '../../commands/registry.ts';
import { dispatchCommand } from '../../commands/dispatch.ts';
import { appMentionSchema } from '../payloads.ts';
import { safely } from '../safely.ts';
import { handleFollowupMention } from './followup-mention.ts';

/** Removes the leading `<@U…>` mention(s) so `@measures 冷链` reads like `/measures 冷链`. */
export function stripMention(text: string): string {
  return text.replace(/^(\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:：]*)+/i, '').trim();
}

/**
 * `@measures <text>`: works where slash commands do not (threads). Answers in the thread, visible to the
 * channel, because the mention itself was public. Slack re-delivers events it thinks were missed; a retry is
 * skipped so the thread does not get the answer twice.
 */
export function appMentionHandler(deps: SlackDeps, subcommands: readonly Subcommand[]) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (await handleFollowupMention({ event, body, client, context }, deps)) return; // issue 5: deduped on event_id
    if (context.retryNum) return;
    await safely(deps, undefined, 'app mention', async () => {
      const e = appMentionSchema.parse(event);
      if (e.bot_id) return;
      const answer = await dispatchCommand(stripMention(e.text), { userId: e.user ?? '', channelId: e.channel, client }, deps, subcommands);
      if (!answer) return;
      await client.chat.postMessage({ channel: e.channel, thread_ts: e.thread_ts ?? e.ts, text: answer.text, blocks: answer.blocks, unfurl_links: false });
    });
  };
}
