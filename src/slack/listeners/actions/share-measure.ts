import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { rememberPostedItem } from '../../../services/followup-service.ts';
import type { SlackDeps } from '../../deps.ts';
import { showById } from '../../search/show-command.ts';
import { buttonActionSchema, channelOf } from '../payloads.ts';
import { safely } from '../safely.ts';
import { shareInChannel } from './share.ts';

/**
 * "Share in channel" on a detail view. The bot's post is remembered as being about that measure, so
 * `@measures assign @wang` in its thread knows what to assign. (A post through response_url has no ts we could
 * remember; there the person names the id.)
 */
export function shareMeasureHandler(deps: SlackDeps) {
  return async ({ ack, body, respond, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'share measure', async () => {
      const payload = buttonActionSchema.parse(body);
      const id = payload.actions[0]!.value;
      const channel = channelOf(payload);
      // Posted publicly in `channel`: everyone there reads it, so follow-up notes show only if they belong there.
      const message = showById(id, deps, {
        sharedBy: payload.user.id,
        viewer: { user: null, channel: channel ?? null },
      });
      const shared = await shareInChannel({ client, respond, channel, message, deps });
      if (shared.kind === 'posted' && shared.ts) {
        const { channel: postedIn, ts } = shared;
        await deps.write(() => rememberPostedItem(deps.db, postedIn, ts, id));
      }
    });
  };
}
