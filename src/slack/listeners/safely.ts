import type { RespondFn } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';

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
  try {
    await work();
  } catch (err) {
    deps.logger.error(`${what} failed`, { error: (err as Error).message, stack: (err as Error).stack });
    if (!respond) return;
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, text: deps.strings.genericError });
    } catch (e) {
      deps.logger.warn('could not tell the user about the failure', { error: (e as Error).message });
    }
  }
}
