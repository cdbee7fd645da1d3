import type { RespondFn } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { storageProblem } from '../../db/errors.ts';
import type { Strings } from '../strings/index.ts';

/**
 * What a person is told when their request failed unexpectedly: that the index cannot be written (full disk,
 * read-only or damaged database: nothing was saved, an admin must act), or a short apology for anything else.
 */
export function failureText(err: unknown, strings: Pick<Strings, 'genericError' | 'storageError'>): string {
  const problem = storageProblem(err);
  return problem ? strings.storageError[problem] : strings.genericError;
}

/**
 * Runs a handler's work after ack(): an unexpected error is logged with its context and the user gets a short
 * ephemeral apology instead of silence. Never rethrows (Bolt would only log it again).
 */
export async function safely(deps: SlackDeps, respond: RespondFn | undefined, what: string, work: () => Promise<void>): Promise<void> {
  const say = respond ? (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text }) : undefined;
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
    deps.logger.error(`${what} failed`, { error: (err as Error).message, code: (err as { code?: string }).code, stack: (err as Error).stack });
    if (!say) return;
    try {
      await say(failureText(err, deps.strings));
    } catch (e) {
      deps.logger.warn('could not tell the user about the failure', { error: (e as Error).message });
    }
  }
}
