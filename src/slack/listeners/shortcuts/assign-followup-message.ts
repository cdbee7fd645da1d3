import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../../deps.ts';
import { assignModal } from '../../blocks/followup-modals.ts';
import { assignModalItem, threadItem } from '../../../services/followup-service.ts';
import { safely } from '../safely.ts';
import { fuStrings } from '../followup-common.ts';

const messageActionSchema = z.object({
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }),
  message: z.object({
    ts: z.string().min(1),
    thread_ts: z.string().optional(),
    metadata: z.object({ event_type: z.string(), event_payload: z.record(z.unknown()) }).optional(),
  }).passthrough(),
});

/**
 * Message shortcut "Assign follow-up" (slash commands do not run in threads). The follow-up stays in that
 * message's thread. The item comes from the message itself when the bot knows it (a digest item, a detail view,
 * a card); otherwise the modal asks for the id. Only local lookups happen before views.open: the trigger lives 3 s.
 */
export function assignFollowupShortcutHandler(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, undefined, 'assign follow-up shortcut', async () => {
      const p = messageActionSchema.parse(body);
      const threadTs = p.message.thread_ts ?? p.message.ts;
      const meta = p.message.metadata?.event_type === 'measures_item' ? p.message.metadata.event_payload : undefined;
      const fromMeta = typeof meta?.targetId === 'string' && meta.targetId ? meta.targetId
        : typeof meta?.taskId === 'string' && meta.taskId ? meta.taskId
        : typeof meta?.measureId === 'string' ? meta.measureId : null;
      const ref = fromMeta === null ? (await threadItem(deps.db, null, p.channel.id, p.message.ts)) ?? (await threadItem(deps.db, null, p.channel.id, threadTs)) : undefined;
      const rawId = fromMeta ?? (ref ? (ref.targetId ?? ref.taskId ?? ref.measureId) : null);
      const item = rawId ? assignModalItem(deps.db, rawId) : undefined;
      await client.views.open({
        trigger_id: p.trigger_id,
        view: assignModal({
          context: { itemId: item?.itemId ?? null, channel: p.channel.id, threadTs },
          itemTitle: item?.title ?? null,
          defaultDue: item?.due ?? null,
          defaultAssignee: null,
          strings: fuStrings(deps),
        }),
      });
    });
  };
}
