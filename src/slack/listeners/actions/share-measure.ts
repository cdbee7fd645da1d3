import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { showById } from '../../commands/show.ts';
import { buttonActionSchema, channelOf } from '../payloads.ts';
import { safely } from '../safely.ts';
import { shareInChannel } from './share.ts';

/** "Share in channel" on a detail view. */
export function shareMeasureHandler(deps: SlackDeps) {
  return async ({ ack, body, respond, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'share measure', async () => {
      const payload = buttonActionSchema.parse(body);
      const message = showById(payload.actions[0]!.value ?? '', deps, { sharedBy: payload.user.id });
      await shareInChannel({ client, respond, channel: channelOf(payload), message, deps });
    });
  };
}
