import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { EVENTS } from '../../ids.ts';
import { subcommands } from '../../subcommands/index.ts';
import { appHomeOpenedHandler } from './app-home-opened.ts';
import { appMentionHandler } from './app-mention.ts';
import { fileSharedHandler } from './file-shared.ts';

/** Events API subscriptions (manifest.yml bot_events). Bolt acks events itself. */
export function register(app: App, deps: SlackDeps): void {
  app.event(EVENTS.APP_MENTION, appMentionHandler(deps, subcommands));
  app.event(EVENTS.APP_HOME_OPENED, appHomeOpenedHandler(deps));
  app.event(EVENTS.FILE_SHARED, fileSharedHandler(deps));
}
