import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { changeFollowup } from '../../../services/followup-service.ts';
import type { SlackDeps } from '../../deps.ts';
import { immediateChangeFor } from '../../followups/actions.ts';
import { followupDeps } from '../../followups/context.ts';
import { changeOutcomeText, slackFailedText } from '../../followups/outcome-text.ts';
import { publishChange } from '../../followups/publisher.ts';
import { tell } from '../../followups/tell.ts';
import { publishHome } from '../../home/home-view.ts';
import { buttonActionSchema, placeOf, replyTo } from '../payloads.ts';
import { safely } from '../safely.ts';

/** Start / Done / Cancel / Reopen on a follow-up card (thread or App Home). Value: follow-up id. */
export function followupStatusHandler(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // respond is undefined for a press in the Home tab (no response_url): safely then only logs.
    await safely(deps, respond, 'follow-up status button', async () => {
      const p = buttonActionSchema.parse(body);
      const action = p.actions[0]!;
      const change = immediateChangeFor(action.action_id);
      if (!change) return;
      const place = placeOf(p);
      const where = replyTo(place);
      const fdeps = followupDeps(deps);
      const outcome = await deps.write(() =>
        changeFollowup(fdeps, { followupId: action.value, change, actor: place.user }),
      );
      if (outcome.ok) {
        const problem = await publishChange(fdeps, client, outcome);
        if (problem)
          await tell(client, deps.logger, where, slackFailedText(outcome.followup.id, problem, deps.strings));
      } else {
        // A double click arrives as a second press on a stale card: no change, nothing to say.
        const text = changeOutcomeText(outcome, deps.strings, true);
        if (text) await tell(client, deps.logger, where, text);
      }
      if (place.inHome) await publishHome(client, deps, place.user);
    });
  };
}
