import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { yieldToEventLoop } from '../../../lib/yield.ts';
import type { SlackDeps } from '../../deps.ts';
import { ANSWER_IN_ACK_MS, ANSWER_IN_ACK_START_MS } from '../../kit/limits.ts';
import type { Subcommand } from '../../kit/subcommand.ts';
import { dispatchCommand } from '../../subcommands/dispatch.ts';
import { slashCommandSchema } from '../payloads.ts';
import { safelyTelling } from '../safely.ts';

/**
 * `/measures …`. Slack accepts the answer as the acknowledgement itself, so an answer ready within
 * `answerInAckMs` (searches, lookups, help) is sent that way: one HTTP exchange, no response_url post. Work that
 * outlasts it (a write waiting for an ingest's lock, a slow Web API call) is acknowledged empty as soon as the
 * budget runs out, and answered through response_url when it is done. Under a burst, a command whose turn comes
 * later than `answerInAckStartMs` is acknowledged empty first: the timer cannot fire while other commands'
 * synchronous searches hold the event loop.
 */
export function measuresCommandHandler(
  deps: SlackDeps,
  subcommands: readonly Subcommand[],
  opts: { answerInAckMs?: number; answerInAckStartMs?: number } = {},
) {
  const budgetMs = opts.answerInAckMs ?? ANSWER_IN_ACK_MS;
  const startMs = opts.answerInAckStartMs ?? ANSWER_IN_ACK_START_MS;
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const began = performance.now();
    let acked = false;
    const ackEmpty = async () => {
      if (acked) return;
      acked = true;
      await ack();
    };
    const deliver = async (message: RespondArguments) => {
      if (!acked && performance.now() - began <= budgetMs) {
        acked = true;
        try {
          await ack(message);
          return;
        } catch (err) {
          // The acknowledgement could not be sent (Bolt's own timeout answered, a socket reconnecting): the
          // answer still reaches the person through response_url.
          deps.logger.warn('could not answer /measures in its acknowledgement', { error: (err as Error).message });
        }
      }
      await ackEmpty();
      await respond(message);
    };
    // The timer only fires while the work waits on I/O; synchronous work is measured when it returns (deliver).
    const timer = setTimeout(() => {
      ackEmpty().catch((err: Error) => deps.logger.warn('could not acknowledge /measures', { error: err.message }));
    }, budgetMs);
    try {
      // Let requests that arrived meanwhile be read before this one's synchronous search runs.
      await yieldToEventLoop();
      if (performance.now() - began > startMs) {
        await ackEmpty().catch((err: Error) =>
          deps.logger.warn('could not acknowledge /measures', { error: err.message }),
        );
      }
      await safelyTelling(
        deps,
        (text) => deliver({ response_type: 'ephemeral', replace_original: false, text }),
        'slash command',
        async () => {
          const c = slashCommandSchema.parse(command);
          const answer = await dispatchCommand(
            c.text,
            {
              userId: c.user_id,
              channelId: c.channel_id,
              ...(c.team_id ? { teamId: c.team_id } : {}),
              ...(c.trigger_id ? { triggerId: c.trigger_id } : {}),
              client,
            },
            deps,
            subcommands,
          );
          if (answer) await deliver({ response_type: 'ephemeral', text: answer.text, blocks: answer.blocks });
        },
      );
    } finally {
      clearTimeout(timer);
      // Nothing to say (a modal was opened instead), or the answer went through response_url.
      await ackEmpty();
    }
  };
}
