import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../../deps.ts';
import { ASSIGN_BLOCKS } from '../../blocks/followup-modals.ts';
import { assignFollowup, assignModalItem } from '../../../services/followup-service.ts';
import { isIsoDate } from '../../../lib/dates.ts';
import { safely } from '../safely.ts';
import { assignOutcomeText, followupDeps, fuStrings, tell, viewSubmissionSchema } from '../followup-common.ts';

const metadataSchema = z.object({ itemId: z.string().nullable(), channel: z.string().nullable(), threadTs: z.string().nullable() });

/**
 * The assign modal's submission. Checks the typed id before acking (an unknown id is shown on the field), then
 * creates the follow-up; the view id is the dedupe key, so a double submit or a retry makes one follow-up.
 */
export function assignFollowupSubmitHandler(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const s = fuStrings(deps);
    const p = viewSubmissionSchema.parse(body);
    const meta = metadataSchema.parse(JSON.parse(p.view.private_metadata || '{}'));
    const values = p.view.state.values;
    const typedId = values[ASSIGN_BLOCKS.item.block]?.[ASSIGN_BLOCKS.item.action]?.value ?? null;
    const itemId = meta.itemId ?? typedId ?? '';
    const assignee = values[ASSIGN_BLOCKS.assignee.block]?.[ASSIGN_BLOCKS.assignee.action]?.selected_user ?? null;
    const due = values[ASSIGN_BLOCKS.due.block]?.[ASSIGN_BLOCKS.due.action]?.selected_date ?? null;
    const note = values[ASSIGN_BLOCKS.note.block]?.[ASSIGN_BLOCKS.note.action]?.value?.trim() || null;
    const item = assignModalItem(deps.db, itemId);
    if (!item) {
      const block = meta.itemId === null ? ASSIGN_BLOCKS.item.block : ASSIGN_BLOCKS.assignee.block;
      await ack({ response_action: 'errors', errors: { [block]: s.fuUnknownItem(itemId) } });
      return;
    }
    if (!assignee) {
      await ack({ response_action: 'errors', errors: { [ASSIGN_BLOCKS.assignee.block]: s.fuParseError.missing_user } });
      return;
    }
    if (due !== null && !isIsoDate(due)) {
      await ack({ response_action: 'errors', errors: { [ASSIGN_BLOCKS.due.block]: s.fuParseError.bad_date } });
      return;
    }
    await ack();
    await safely(deps, undefined, 'assign follow-up submit', async () => {
      const outcome = await assignFollowup(followupDeps(deps), client, {
        itemId: item.itemId,
        assignee,
        actor: p.user.id,
        due,
        note,
        where: { channel: meta.channel, threadTs: meta.threadTs },
        dedupeKey: `view:${p.view.id}`,
      });
      // Success shows as the card in the thread; only problems need a private word.
      if (!outcome.ok || outcome.slackError) {
        await tell(client, deps, { user: p.user.id, channel: meta.channel, threadTs: meta.threadTs }, assignOutcomeText(outcome, s));
      }
    });
  };
}
