import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { blockReasonModal, dueModal } from '../../blocks/followup-modals.ts';
import { ACTIONS } from '../../ids.ts';
import { getFollowupById } from '../../../services/followup-service.ts';
import { safely } from '../safely.ts';
import { buttonActionSchema } from '../payloads.ts';

/** "Blocked" and "Change due date": both need input first, so they open a small modal at once (trigger_id: 3 s). */
export function followupNeedsInputHandler(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, undefined, 'follow-up modal button', async () => {
      const p = buttonActionSchema.parse(body);
      const action = p.actions[0]!;
      const view =
        action.action_id === ACTIONS.FOLLOWUP_BLOCK
          ? blockReasonModal(action.value, deps.strings)
          : dueModal(action.value, getFollowupById(deps.db, action.value)?.due ?? null, deps.strings);
      await client.views.open({ trigger_id: p.trigger_id ?? '', view });
    });
  };
}
