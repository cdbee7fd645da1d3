import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { assignModalItem } from '../../../services/followup-service.ts';
import type { SlackDeps } from '../../deps.ts';
import { assignModal } from '../../followups/modals.ts';
import { buttonActionSchema, placeOf } from '../payloads.ts';
import { safely } from '../safely.ts';

/**
 * "Assign follow-up" on a measure detail or digest item (value: measure/task/target id). Opens the modal at once
 * (trigger_id lives 3 s). The follow-up will live in the thread of the message the button is on. An ephemeral
 * message (a private search result) has no thread of its own: the follow-up goes into the thread the ephemeral
 * was shown in (container.thread_ts), and only outside a thread does the bot post a parent message.
 */
export function assignFollowupHandler(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'assign follow-up button', async () => {
      const p = buttonActionSchema.parse(body);
      const place = placeOf(p);
      const item = assignModalItem(deps.db, p.actions[0]!.value);
      const ephemeral = p.container?.is_ephemeral === true;
      await client.views.open({
        trigger_id: p.trigger_id ?? '',
        view: assignModal({
          context: {
            itemId: item?.itemId ?? null,
            channel: place.inHome ? null : place.channel,
            threadTs: place.inHome ? null : ephemeral ? (p.container?.thread_ts ?? null) : place.threadTs,
          },
          itemTitle: item?.title ?? null,
          defaultDue: item?.due ?? null,
          defaultAssignee: null,
          strings: deps.strings,
        }),
      });
    });
  };
}
