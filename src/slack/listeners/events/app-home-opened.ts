import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { publishHome } from '../../home/home-view.ts';
import { appHomeOpenedSchema } from '../payloads.ts';
import { safely } from '../safely.ts';

/** Publishes the Home tab (usage, what is indexed, my follow-ups) whenever a user opens it. */
export function appHomeOpenedHandler(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    await safely(deps, undefined, 'app home', async () => {
      const e = appHomeOpenedSchema.parse(event);
      if (e.tab !== undefined && e.tab !== 'home') return;
      await publishHome(client, deps, e.user);
    });
  };
}
