import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { docsOffsetSchema, docsPage } from '../../documents/docs-command.ts';
import { buttonActionSchema } from '../payloads.ts';
import { safely } from '../safely.ts';

/** Previous/Next under /measures docs: replaces the list with the page at the button's offset. */
export function docsPageHandler(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'docs page', async () => {
      const offset = docsOffsetSchema.safeParse(buttonActionSchema.parse(body).actions[0]!.value);
      if (!offset.success) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: deps.strings.expired });
        return;
      }
      const page = docsPage(offset.data, deps);
      await respond({ response_type: 'ephemeral', replace_original: true, text: page.text, blocks: page.blocks });
    });
  };
}
