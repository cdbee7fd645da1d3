import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { runSearch } from '../../search/run-search.ts';
import { decodeSearchState } from '../../search/search-state.ts';
import { buttonActionSchema } from '../payloads.ts';
import { safely } from '../safely.ts';

/** "Next page": re-runs the search at the next offset and replaces the result message in place. */
export function searchMoreHandler(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'search more', async () => {
      const action = buttonActionSchema.parse(body).actions[0]!;
      const request = decodeSearchState(action.value);
      if (!request) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: deps.strings.expired });
        return;
      }
      const page = await runSearch(request, deps);
      await respond({ response_type: 'ephemeral', replace_original: true, text: page.text, blocks: page.blocks });
    });
  };
}
