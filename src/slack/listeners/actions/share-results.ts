import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { runSearch } from '../../search/run-search.ts';
import { decodeSearchState } from '../../search/search-state.ts';
import { buttonActionSchema, channelOf } from '../payloads.ts';
import { safely } from '../safely.ts';
import { shareInChannel } from './share.ts';

/** "Share in channel" on results: posts the same page publicly, without buttons, naming who shared it. */
export function shareResultsHandler(deps: SlackDeps) {
  return async ({ ack, body, respond, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(deps, respond, 'share results', async () => {
      const payload = buttonActionSchema.parse(body);
      const request = decodeSearchState(payload.actions[0]!.value);
      if (!request) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: deps.strings.expired });
        return;
      }
      const message = await runSearch(request, deps, { sharedBy: payload.user.id });
      await shareInChannel({ client, respond, channel: channelOf(payload), message, deps });
    });
  };
}
