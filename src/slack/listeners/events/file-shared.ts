import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { addSharedFile } from '../../documents/add-shared-file.ts';
import { tell } from '../../followups/tell.ts';
import { fileSharedSchema } from '../payloads.ts';
import { safelyTelling } from '../safely.ts';

/** A DM with the bot has an id starting with D; in channels a file is a document only with an @mention (app_mention). */
const isDirectMessage = (channel: string) => channel.startsWith('D');

/** A file shared in the bot's DM → addSharedFile (documents/add-shared-file.ts). Files shared in channels are ignored. */
export function fileSharedHandler(deps: SlackDeps) {
  return async ({
    event,
    client,
    context,
  }: SlackEventMiddlewareArgs<'file_shared'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = fileSharedSchema.safeParse(event);
    if (!parsed.success || !isDirectMessage(parsed.data.channel_id) || parsed.data.user_id === context.botUserId)
      return;
    const e = parsed.data;
    const say = (text: string) => tell(client, deps.logger, { user: e.user_id, channel: e.channel_id }, text);
    await safelyTelling(deps, say, 'file shared', async () => {
      const token = context.botToken ?? deps.config.SLACK_BOT_TOKEN;
      if (!token) throw new Error('no bot token to download the file with');
      await addSharedFile(
        { fileId: e.file_id, user: e.user_id, channel: e.channel_id, threadTs: null },
        client,
        deps,
        token,
      );
    });
  };
}
