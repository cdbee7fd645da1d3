import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { checkMayChange } from '../../../services/followup-service.ts';
import type { SlackDeps } from '../../deps.ts';
import { inputFor } from '../../followups/actions.ts';
import { followupDeps } from '../../followups/context.ts';
import { blockReasonModal, type ChangeModalContext, dueModal } from '../../followups/modals.ts';
import { permissionRefusalText } from '../../followups/outcome-text.ts';
import { tell } from '../../followups/tell.ts';
import { buttonActionSchema, placeOf, replyTo } from '../payloads.ts';
import { safely } from '../safely.ts';

/**
 * "Blocked" and "Change due date": both need input first, so they open a small modal at once (trigger_id: 3 s).
 * Someone who may not change the follow-up is told so (privately) instead of filling in a modal for nothing.
 * The modal carries where the button was, so the submission answers there and refreshes the Home tab.
 */
export function followupNeedsInputHandler(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'follow-up modal button', async () => {
      const p = buttonActionSchema.parse(body);
      const action = p.actions[0]!;
      const place = placeOf(p);
      const where = replyTo(place);
      const check = checkMayChange(followupDeps(deps), { followupId: action.value, actor: place.user });
      if (!check.ok) {
        await tell(client, deps.logger, where, permissionRefusalText(check, deps.strings));
        return;
      }
      const f = check.followup;
      const context: ChangeModalContext = {
        followupId: f.id,
        fromHome: place.inHome,
        channel: where.channel,
        threadTs: where.threadTs,
      };
      const view =
        inputFor(action.action_id) === 'reason'
          ? blockReasonModal(context, deps.strings)
          : dueModal(context, f.due, deps.strings);
      await client.views.open({ trigger_id: p.trigger_id ?? '', view });
    });
  };
}
