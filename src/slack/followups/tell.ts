import type { Logger } from '../../lib/logger.ts';
import type { SlackClient } from '../web-api.ts';
import { slackErrorCode } from '../web-api.ts';

/**
 * Tells one person something privately: an ephemeral message where they are (in the thread), else a DM.
 * `text` is mrkdwn the caller escaped. Failures are logged, not thrown: the change itself already happened.
 */
export async function tell(
  client: SlackClient,
  logger: Logger,
  where: { user: string; channel: string | null; threadTs?: string | null },
  text: string,
): Promise<void> {
  try {
    if (where.channel) {
      await client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        text,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      });
      return;
    }
  } catch (err) {
    logger.warn('ephemeral failed, sending a DM instead', { error: slackErrorCode(err) });
  }
  try {
    await client.chat.postMessage({ channel: where.user, text });
  } catch (err) {
    logger.warn('could not tell the user', { error: slackErrorCode(err) });
  }
}
