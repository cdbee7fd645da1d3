import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { addSharedFiles } from '../../documents/add-shared-file.ts';
import { tell } from '../../followups/tell.ts';
import type { Subcommand } from '../../kit/subcommand.ts';
import { answerMention } from '../../mention/answer-mention.ts';
import { appMentionSchema } from '../payloads.ts';
import { safelyTelling } from '../safely.ts';

/** `@measures <text>` → `answerMention` (mention/answer-mention.ts). Bots' own messages are ignored. */
export function appMentionHandler(deps: SlackDeps, subcommands: readonly Subcommand[]) {
  return async ({
    event,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    // No response_url for events: a failure is told to the person in the thread, privately.
    const user = (event as { user?: string }).user;
    const channel = (event as { channel?: string }).channel;
    const where =
      user && channel
        ? {
            user,
            channel,
            threadTs: (event as { thread_ts?: string; ts?: string }).thread_ts ?? (event as { ts?: string }).ts ?? null,
          }
        : undefined;
    const say = where ? (text: string) => tell(client, deps.logger, where, text) : undefined;
    await safelyTelling(deps, say, 'app mention', async () => {
      const parsed = appMentionSchema.safeParse(event);
      if (!parsed.success || parsed.data.bot_id) return;
      const e = parsed.data;
      const botUserId = context.botUserId;
      if (e.files?.length && e.user) {
        const where = { user: e.user, channel: e.channel, threadTs: e.thread_ts ?? e.ts };
        await addSharedFiles(e.files, where, client, deps, context.botToken ?? deps.config.SLACK_BOT_TOKEN ?? '');
        return;
      }
      const mention = {
        text: e.text,
        channel: e.channel,
        ts: e.ts,
        threadTs: e.thread_ts ?? null,
        eventId: (body as { event_id?: string }).event_id ?? `${e.channel}:${e.ts}`,
        ...(e.user ? { user: e.user } : {}),
        ...(botUserId ? { botUserId } : {}),
      };
      await answerMention(mention, client, deps, subcommands);
    });
  };
}
