import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { removeAndReport } from '../../documents/remove-command.ts';
import { buttonActionSchema } from '../payloads.ts';
import { safely } from '../safely.ts';

/** "Remove document" (confirmed in Slack's dialog): removes it, admins only, and replaces the question with the outcome. */
export function removeDocumentHandler(deps: SlackDeps) {
  return async ({ ack, body, respond, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'remove document', async () => {
      const p = buttonActionSchema.parse(body);
      const out = await removeAndReport(p.actions[0]!.value, p.user.id, client, deps);
      await respond({ response_type: 'ephemeral', replace_original: true, text: out.text, blocks: out.blocks });
    });
  };
}
