import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { charCount, MAX_NOTE_CHARS } from '../../../core/followups/limits.ts';
import { isIsoDate } from '../../../lib/dates.ts';
import { assignFollowup, assignModalItem } from '../../../services/followup-service.ts';
import { type SlackDeps, todayOf } from '../../deps.ts';
import { followupDeps } from '../../followups/context.ts';
import { ASSIGN_BLOCKS } from '../../followups/modals.ts';
import { assignOutcomeText, dueNoteText, slackFailedText } from '../../followups/outcome-text.ts';
import { publishCreated } from '../../followups/publisher.ts';
import { tell } from '../../followups/tell.ts';
import { examplesOf, withExamples } from '../../kit/examples.ts';
import { parseMetadata, viewSubmissionSchema } from '../payloads.ts';
import { safelyTelling } from '../safely.ts';

/** Modal field errors are plain text (no escaping needed); the typed id is echoed at most this long (the input's max_length). */
const MAX_TYPED_ID = 64;

const metadataSchema = z.object({
  itemId: z.string().nullable(),
  channel: z.string().nullable(),
  threadTs: z.string().nullable(),
});

/**
 * The assign modal's submission. Checks the input before acking (an unknown id or a payload we cannot read is
 * shown on a field, never a thrown error and a Slack timeout), then creates the follow-up; the view id is the
 * dedupe key, so a double submit or a retry makes one follow-up.
 */
export function assignFollowupSubmitHandler(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const s = deps.strings;
    const parsed = viewSubmissionSchema.safeParse(body);
    const meta = parsed.success ? parseMetadata(metadataSchema, parsed.data.view.private_metadata) : undefined;
    if (!parsed.success || !meta) {
      deps.logger.warn('unreadable assign modal submission', {
        error: parsed.success ? 'private_metadata' : parsed.error.message,
      });
      await ack({ response_action: 'errors', errors: { [ASSIGN_BLOCKS.assignee.block]: s.genericError } });
      return;
    }
    const p = parsed.data;
    const values = p.view.state.values;
    const typedId = values[ASSIGN_BLOCKS.item.block]?.[ASSIGN_BLOCKS.item.action]?.value ?? null;
    const itemId = meta.itemId ?? typedId ?? '';
    const assignee = values[ASSIGN_BLOCKS.assignee.block]?.[ASSIGN_BLOCKS.assignee.action]?.selected_user ?? null;
    const due = values[ASSIGN_BLOCKS.due.block]?.[ASSIGN_BLOCKS.due.action]?.selected_date ?? null;
    const note = values[ASSIGN_BLOCKS.note.block]?.[ASSIGN_BLOCKS.note.action]?.value?.trim() || null;
    const item = assignModalItem(deps.db, itemId);
    if (!item) {
      const block = meta.itemId === null ? ASSIGN_BLOCKS.item.block : ASSIGN_BLOCKS.assignee.block;
      await ack({ response_action: 'errors', errors: { [block]: s.fuUnknownItem(itemId.slice(0, MAX_TYPED_ID)) } });
      return;
    }
    if (!assignee) {
      await ack({
        response_action: 'errors',
        errors: { [ASSIGN_BLOCKS.assignee.block]: withExamples(s.fuParseError.missing_user, examplesOf(deps), s) },
      });
      return;
    }
    if (note !== null && charCount(note) > MAX_NOTE_CHARS) {
      await ack({ response_action: 'errors', errors: { [ASSIGN_BLOCKS.note.block]: s.tooLong(MAX_NOTE_CHARS) } });
      return;
    }
    if (due !== null && !isIsoDate(due)) {
      await ack({
        response_action: 'errors',
        errors: { [ASSIGN_BLOCKS.due.block]: withExamples(s.fuParseError.bad_date, examplesOf(deps), s) },
      });
      return;
    }
    await ack();
    const where = { user: p.user.id, channel: meta.channel, threadTs: meta.threadTs };
    await safelyTelling(
      deps,
      (text) => tell(client, deps.logger, where, text),
      'assign follow-up submit',
      async () => {
        const fdeps = followupDeps(deps);
        const outcome = await deps.write(() =>
          assignFollowup(fdeps, {
            itemId: item.itemId,
            assignee,
            actor: p.user.id,
            due,
            note,
            where: { channel: meta.channel, threadTs: meta.threadTs },
            dedupeKey: `view:${p.view.id}`,
            today: todayOf(deps),
          }),
        );
        if (!outcome.ok) return tell(client, deps.logger, where, assignOutcomeText(outcome, s));
        // Success shows as the card in the thread; only problems need a private word.
        const error = outcome.created ? await publishCreated(fdeps, client, outcome.followup) : null;
        if (error) await tell(client, deps.logger, where, slackFailedText(outcome.followup.id, error, s));
        if (outcome.dueNote)
          await tell(client, deps.logger, where, dueNoteText(outcome.followup.id, outcome.dueNote, s));
      },
    );
  };
}
