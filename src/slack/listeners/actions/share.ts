import type { RespondFn } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import type { Reply } from '../../kit/reply.ts';
import { type SlackClient, slackErrorCode } from '../../web-api.ts';

/** Errors that mean "the bot cannot post here by itself" — response_url can still post for the user. */
const CANNOT_POST = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'ekm_access_denied',
]);

export type ShareResult = { kind: 'posted'; channel: string; ts: string } | { kind: 'via_response_url' };

/**
 * Posts a reply publicly. chat.postMessage needs the bot to be a channel member; when it is not (or the
 * channel is a DM/private channel it cannot see), fall back to response_url with response_type in_channel,
 * which Slack posts on the user's behalf, and tell the user why. A bot post reports where it went, so the
 * caller can remember what the message is about.
 */
export async function shareInChannel(args: {
  client: SlackClient;
  respond: RespondFn;
  channel: string | undefined;
  message: Reply;
  deps: SlackDeps;
}): Promise<ShareResult> {
  const { client, respond, channel, message, deps } = args;
  if (channel) {
    try {
      const r = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
      return { kind: 'posted', channel: r.channel ?? channel, ts: r.ts ?? '' };
    } catch (err) {
      const code = slackErrorCode(err);
      if (!CANNOT_POST.has(code)) throw err;
      deps.logger.info('share falls back to response_url', { channel, error: code });
    }
  }
  await respond({ response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
  await respond({ response_type: 'ephemeral', replace_original: false, text: deps.strings.notInChannelShared });
  return { kind: 'via_response_url' };
}
