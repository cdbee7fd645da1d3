import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../../deps.ts';
import { DUE_BLOCK, REASON_BLOCK } from '../../blocks/followup-modals.ts';
import { VIEWS } from '../../ids.ts';
import type { FollowupChange } from '../../../core/followups/transitions.ts';
import { changeFollowup, checkChange } from '../../../services/followup-service.ts';
import { safely } from '../safely.ts';
import { changeOutcomeText, followupDeps, fuStrings, tell, viewSubmissionSchema } from '../followup-common.ts';

const metadataSchema = z.object({ followupId: z.string().min(1) });

/**
 * Submissions of the "blocked: why?" and "change due date" modals. A refusal (not allowed, nothing changed) is
 * shown in the modal itself, so the check runs before the 3-second ack; the Slack posts happen after.
 */
export function followupChangeSubmitHandler(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const s = fuStrings(deps);
    const p = viewSubmissionSchema.parse(body);
    const { followupId } = metadataSchema.parse(JSON.parse(p.view.private_metadata || '{}'));
    const values = p.view.state.values;
    const isBlock = (p.view as { callback_id?: string }).callback_id === VIEWS.FOLLOWUP_BLOCK_MODAL;
    const field = isBlock ? REASON_BLOCK : DUE_BLOCK;
    const change: FollowupChange | null = isBlock
      ? { kind: 'block', reason: values[REASON_BLOCK.block]?.[REASON_BLOCK.action]?.value ?? '' }
      : values[DUE_BLOCK.block]?.[DUE_BLOCK.action]?.selected_date
        ? { kind: 'due', due: values[DUE_BLOCK.block]![DUE_BLOCK.action]!.selected_date! }
        : null;
    if (!change) {
      await ack({ response_action: 'errors', errors: { [field.block]: s.fuParseError.missing_date } });
      return;
    }
    const req = { followupId, change, actor: p.user.id };
    const refusal = checkChange(followupDeps(deps), req);
    if (refusal) {
      await ack({ response_action: 'errors', errors: { [field.block]: changeOutcomeText(refusal, s, false) ?? '' } });
      return;
    }
    await ack();
    await safely(deps, undefined, 'follow-up change submit', async () => {
      const outcome = await changeFollowup(followupDeps(deps), client, req);
      const text = changeOutcomeText(outcome, s, true);
      if (text) await tell(client, deps, { user: p.user.id, channel: null }, text);
    });
  };
}
