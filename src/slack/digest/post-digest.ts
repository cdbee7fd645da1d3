import type { Digest, Locale } from '../../core/digest/types.ts';
import type { PostDigest } from '../../services/digest-service.ts';
import { type SlackClient, slackErrorCode } from '../web-api.ts';
import { buildDigestMessage } from './blocks.ts';
import { digestStrings } from './strings.ts';

/**
 * The Slack side of the weekly digest: renders it as Block Kit and sends it with chat.postMessage. The digest
 * service decides what to post and keeps the claims; the job and `measures digest --post` pass it the
 * function made here, with the Web API client they own.
 */

/** Posts a digest as one message (the thread parent for discussion); returns its ts. Errors carry Slack's code. */
export async function postDigestMessage(
  client: SlackClient,
  channel: string,
  digest: Digest,
  locale: Locale,
): Promise<string> {
  const message = buildDigestMessage({ digest, strings: digestStrings[locale], locale });
  let res: Awaited<ReturnType<SlackClient['chat']['postMessage']>>;
  try {
    res = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (err) {
    throw new Error(slackErrorCode(err), { cause: err });
  }
  if (!res.ts) throw new Error(`chat.postMessage returned no ts (${res.error ?? 'no error given'})`);
  return res.ts;
}

/** The digest service's `post` collaborator, bound to a client and the bot's locale. */
export function slackDigestPoster(client: SlackClient, locale: Locale): PostDigest {
  return (channel, digest) => postDigestMessage(client, channel, digest, locale);
}
