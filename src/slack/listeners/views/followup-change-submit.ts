import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { FollowupChange } from '../../../core/followups/transitions.ts';
import { changeFollowup, checkChange } from '../../../services/followup-service.ts';
import type { SlackDeps } from '../../deps.ts';
import { followupDeps } from '../../followups/context.ts';
import { DUE_BLOCK, REASON_BLOCK } from '../../followups/modals.ts';
import { changeOutcomeText, slackFailedText } from '../../followups/outcome-text.ts';
import { publishChange } from '../../followups/publisher.ts';
import { tell } from '../../followups/tell.ts';
import { publishHome } from '../../home/home-view.ts';
import { VIEWS } from '../../ids.ts';
import { examplesOf, withExamples } from '../../kit/examples.ts';
import { parseMetadata, viewSubmissionSchema } from '../payloads.ts';
import { safelyTelling } from '../safely.ts';

/** ChangeModalContext (followups/modals.ts); the place fields default so a modal opened before them still works. */
const metadataSchema = z.object({
  followupId: z.string().min(1),
  fromHome: z.boolean().default(false),
  channel: z.string().min(1).nullable().default(null),
  threadTs: z.string().min(1).nullable().default(null),
});

/**
 * Submissions of the "blocked: why?" and "change due date" modals. A refusal (not allowed, nothing changed) or
 * an unreadable payload is shown in the modal itself, so the checks run before the 3-second ack and never throw;
 * the Slack posts happen after. Anything to say afterwards goes where the button was (ephemeral in its thread;
 * a DM from the Home tab), and a Home tab the modal came from is re-published so it shows the change.
 */
export function followupChangeSubmitHandler(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const s = deps.strings;
    const parsed = viewSubmissionSchema.safeParse(body);
    const isBlock = parsed.success && parsed.data.view.callback_id === VIEWS.FOLLOWUP_BLOCK_MODAL;
    const field = isBlock ? REASON_BLOCK : DUE_BLOCK;
    const meta = parsed.success ? parseMetadata(metadataSchema, parsed.data.view.private_metadata) : undefined;
    if (!parsed.success || !meta) {
      deps.logger.warn('unreadable follow-up modal submission', {
        error: parsed.success ? 'private_metadata' : parsed.error.message,
      });
      await ack({ response_action: 'errors', errors: { [field.block]: s.genericError } });
      return;
    }
    const p = parsed.data;
    const values = p.view.state.values;
    const reason = values[REASON_BLOCK.block]?.[REASON_BLOCK.action]?.value ?? '';
    const due = values[DUE_BLOCK.block]?.[DUE_BLOCK.action]?.selected_date ?? null;
    const change: FollowupChange | null = isBlock ? { kind: 'block', reason } : due ? { kind: 'due', due } : null;
    if (!change) {
      await ack({
        response_action: 'errors',
        errors: { [field.block]: withExamples(s.fuParseError.missing_date, examplesOf(deps), s) },
      });
      return;
    }
    const fdeps = followupDeps(deps);
    const req = { followupId: meta.followupId, change, actor: p.user.id };
    const refusal = checkChange(fdeps, req);
    if (refusal) {
      await ack({ response_action: 'errors', errors: { [field.block]: changeOutcomeText(refusal, s, false) ?? '' } });
      return;
    }
    await ack();
    const where = { user: p.user.id, channel: meta.fromHome ? null : meta.channel, threadTs: meta.threadTs };
    await safelyTelling(
      deps,
      (text) => tell(client, deps.logger, where, text),
      'follow-up change submit',
      async () => {
        const outcome = await deps.write(() => changeFollowup(fdeps, req));
        if (!outcome.ok) {
          const text = changeOutcomeText(outcome, s, true);
          if (text) await tell(client, deps.logger, where, text);
        } else {
          const problem = await publishChange(fdeps, client, outcome);
          if (problem) await tell(client, deps.logger, where, slackFailedText(outcome.followup.id, problem, s));
        }
        // Also when someone else changed it first: the Home tab shows the follow-up as it is now.
        if (meta.fromHome) await publishHome(client, deps, p.user.id);
      },
    );
  };
}
