import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { checkRepost } from '../../../services/followup-service.ts';
import type { SlackDeps } from '../../deps.ts';
import { followupDeps } from '../../followups/context.ts';
import { permissionRefusalText, slackFailedText } from '../../followups/outcome-text.ts';
import { repostCard } from '../../followups/publisher.ts';
import { buttonActionSchema } from '../payloads.ts';
import { safely } from '../safely.ts';

/** "Re-post" next to a follow-up whose card could not be posted (bot not invited yet). Value: follow-up id. */
export function followupRepostHandler(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'follow-up re-post', async () => {
      const p = buttonActionSchema.parse(body);
      const fdeps = followupDeps(deps);
      const check = checkRepost(fdeps, { followupId: p.actions[0]!.value, actor: p.user.id });
      const s = deps.strings;
      let text: string;
      if (!check.ok) text = permissionRefusalText(check, s);
      else {
        const error = await repostCard(fdeps, client, check.followup);
        text = error ? slackFailedText(check.followup.id, error, s) : s.fuReposted(check.followup.id);
      }
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    });
  };
}
