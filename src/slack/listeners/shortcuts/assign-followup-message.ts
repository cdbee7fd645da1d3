import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { assignModalItem, messageItemId } from '../../../services/followup-service.ts';
import type { SlackDeps } from '../../deps.ts';
import { assignModal } from '../../followups/modals.ts';
import { safely } from '../safely.ts';

const messageActionSchema = z.object({
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }),
  message: z
    .object({
      ts: z.string().min(1),
      thread_ts: z.string().optional(),
      metadata: z.object({ event_type: z.string(), event_payload: z.record(z.unknown()) }).optional(),
    })
    .passthrough(),
});

/**
 * Message shortcut "Assign follow-up" (slash commands do not run in threads). The follow-up stays in that
 * message's thread. The item comes from the message itself when the bot knows it (a digest item, a detail view,
 * a card); otherwise the modal asks for the id. Only local lookups happen before views.open: the trigger lives 3 s.
 */
export function assignFollowupShortcutHandler(deps: SlackDeps) {
  // A message_action carries response_url (Bolt's respond): a failure is answered there, not swallowed.
  return async ({ ack, body, client, respond }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'assign follow-up shortcut', async () => {
      const p = messageActionSchema.parse(body);
      const threadTs = p.message.thread_ts ?? p.message.ts;
      const rawId = messageItemId(deps.db, {
        channel: p.channel.id,
        ts: p.message.ts,
        threadTs: p.message.thread_ts ?? null,
        metadata: p.message.metadata,
      });
      const item = rawId ? assignModalItem(deps.db, rawId) : undefined;
      await client.views.open({
        trigger_id: p.trigger_id,
        view: assignModal({
          context: { itemId: item?.itemId ?? null, channel: p.channel.id, threadTs },
          itemTitle: item?.title ?? null,
          defaultDue: item?.due ?? null,
          defaultAssignee: null,
          strings: deps.strings,
        }),
      });
    });
  };
}
