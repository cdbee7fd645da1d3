import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { showById } from '../../search/show-command.ts';
import { buttonActionSchema, channelOf } from '../payloads.ts';
import { safely } from '../safely.ts';

/** "Details" on a hit: answers with the detail view as a new ephemeral message (the results stay). */
export function showMeasureHandler(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'show measure', async () => {
      const p = buttonActionSchema.parse(body);
      const detail = showById(p.actions[0]!.value, deps, {
        viewer: { user: p.user.id, channel: channelOf(p) ?? null },
      });
      await respond({ response_type: 'ephemeral', replace_original: false, text: detail.text, blocks: detail.blocks });
    });
  };
}
