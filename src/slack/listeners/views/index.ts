import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { VIEWS } from '../../ids.ts';
import { assignFollowupSubmitHandler } from './assign-followup-submit.ts';
import { followupChangeSubmitHandler } from './followup-change-submit.ts';

/** Modal submissions and closes. One line per callback id from ids.ts VIEWS, handler in its own file. */
export function register(app: App, deps: SlackDeps): void {
  app.view(VIEWS.ASSIGN_FOLLOWUP_MODAL, assignFollowupSubmitHandler(deps));
  app.view(VIEWS.FOLLOWUP_BLOCK_MODAL, followupChangeSubmitHandler(deps));
  app.view(VIEWS.FOLLOWUP_DUE_MODAL, followupChangeSubmitHandler(deps));
}
