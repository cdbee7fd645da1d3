import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { yieldToEventLoop } from '../../../lib/yield.ts';
import type { SlackDeps } from '../../deps.ts';
import type { Subcommand } from '../../kit/subcommand.ts';
import { dispatchCommand } from '../../subcommands/dispatch.ts';
import { slashCommandSchema } from '../payloads.ts';
import { safely } from '../safely.ts';

/** `/measures …`: ack at once (Slack allows 3 s), then answer ephemerally through response_url. */
export function measuresCommandHandler(deps: SlackDeps, subcommands: readonly Subcommand[]) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // Let other requests that arrived meanwhile be acknowledged before this one's synchronous search runs.
    await yieldToEventLoop();
    await safely(deps, respond, 'slash command', async () => {
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
      if (answer) await respond({ response_type: 'ephemeral', text: answer.text, blocks: answer.blocks });
    });
  };
}
