import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { followupButtons } from '../../followups/actions.ts';
import { ACTIONS } from '../../ids.ts';
import { assignFollowupHandler } from './assign-followup.ts';
import { docsPageHandler } from './docs-page.ts';
import { followupNeedsInputHandler } from './followup-needs-input.ts';
import { followupRepostHandler } from './followup-repost.ts';
import { followupStatusHandler } from './followup-status.ts';
import { removeDocumentHandler } from './remove-document.ts';
import { searchMoreHandler } from './search-more.ts';
import { shareMeasureHandler } from './share-measure.ts';
import { shareResultsHandler } from './share-results.ts';
import { showMeasureHandler } from './show-measure.ts';

/** Block actions (buttons). One line per action id from ids.ts; one handler per file. */
export function register(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.SEARCH_MORE, searchMoreHandler(deps));
  app.action(ACTIONS.SEARCH_PREVIOUS, searchMoreHandler(deps));
  app.action(ACTIONS.SHARE_RESULTS, shareResultsHandler(deps));
  app.action(ACTIONS.SHOW_MEASURE, showMeasureHandler(deps));
  app.action(ACTIONS.SHARE_MEASURE, shareMeasureHandler(deps));
  app.action(ACTIONS.ASSIGN_FOLLOWUP, assignFollowupHandler(deps));
  // One handler per follow-up card button, from the one map of follow-up buttons.
  for (const b of followupButtons()) {
    app.action(b.actionId, b.input === 'none' ? followupStatusHandler(deps) : followupNeedsInputHandler(deps));
  }
  app.action(ACTIONS.FOLLOWUP_REPOST, followupRepostHandler(deps));
  app.action(ACTIONS.DOCS_PAGE, docsPageHandler(deps));
  app.action(ACTIONS.REMOVE_DOCUMENT, removeDocumentHandler(deps));
}
