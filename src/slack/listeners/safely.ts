import type { RespondFn } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { failureText } from '../kit/failure-text.ts';

/**
 * Runs a handler's work after ack(): an unexpected error is logged with its context and the user gets a short
 * ephemeral apology instead of silence. Never rethrows (Bolt would only log it again).
 */
export async function safely(
  deps: SlackDeps,
  respond: RespondFn | undefined,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  const say = respond
    ? (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text })
    : undefined;
  await safelyTelling(deps, say, what, work);
}

/** safely() for handlers without a response_url (events, modal submissions): `say` tells the person privately. */
export async function safelyTelling(
  deps: SlackDeps,
  say: ((text: string) => Promise<unknown>) | undefined,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    deps.logger.error(`${what} failed`, {
      error: (err as Error).message,
      code: (err as { code?: string }).code,
      stack: (err as Error).stack,
    });
    if (!say) return;
    try {
      await say(failureText(err, deps.strings));
    } catch (e) {
      deps.logger.warn('could not tell the user about the failure', { error: (e as Error).message });
    }
  }
}
