import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { buildHomeView } from '../../blocks/home.ts';
import { indexSummary } from '../../../app/index-summary.ts';
import { appHomeOpenedSchema } from '../payloads.ts';
import { safely } from '../safely.ts';
import { followupHomeSection } from '../followup-common.ts';

/** Publishes the Home tab (usage and what is indexed) whenever a user opens it. */
export function appHomeOpenedHandler(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    await safely(deps, undefined, 'app home', async () => {
      const e = appHomeOpenedSchema.parse(event);
      if (e.tab !== undefined && e.tab !== 'home') return;
      const summary = indexSummary(deps.db);
      await client.views.publish({ user_id: e.user, view: buildHomeView({ ...summary, strings: deps.strings, extraSections: [followupHomeSection(deps, e.user)] }) });
    });
  };
}
