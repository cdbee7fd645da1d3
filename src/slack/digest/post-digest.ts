import type { Digest, Locale } from '../../core/digest/types.ts';
import type { PostDigest } from '../../services/digest-service.ts';
import { createSlackClient, type SlackClient, slackErrorCode } from '../web-api.ts';
import { buildDigestMessage } from './blocks.ts';
import { digestStrings } from './strings.ts';

/**
 * The Slack side of the weekly digest: renders it as Block Kit and sends it with chat.postMessage. The digest
 * service decides what to post and keeps the claims; the job and `measures digest --post` pass it the
 * function made here, with the Web API client they own.
 */

/**
 * One chat.postMessage of a digest gives up after this long. The digest's claim (src/services/digest-service.ts)
 * treats a claim as abandoned only well after it, so no attempt is still running when it is retried.
 */
export const DIGEST_POST_TIMEOUT_MS = 30_000;

/**
 * The Web API client for digest posts: no retries of its own (a post whose answer was lost — a connection
 * reset after Slack accepted it — would be sent again at once, and the default policy keeps retrying for 30
 * minutes while the claim looks busy), rate limits thrown rather than waited out, each call bounded by
 * DIGEST_POST_TIMEOUT_MS. The digest's claims in the database are the retries, counted and spaced out.
 */
export function digestPostingClient(
  token: string,
  opts: { slackApiUrl?: string | undefined; timeoutMs?: number } = {},
): SlackClient {
  return createSlackClient(token, opts.slackApiUrl, {
    retries: 0,
    rejectRateLimitedCalls: true,
    timeoutMs: opts.timeoutMs ?? DIGEST_POST_TIMEOUT_MS,
  });
}

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
