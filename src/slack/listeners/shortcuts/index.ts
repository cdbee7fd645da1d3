import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { SHORTCUTS } from '../../ids.ts';
import { assignFollowupShortcutHandler } from './assign-followup-message.ts';

/** Global and message shortcuts (manifest.yml `features.shortcuts`). One line per callback id from ids.ts SHORTCUTS. */
export function register(app: App, deps: SlackDeps): void {
  app.shortcut(SHORTCUTS.ASSIGN_FOLLOWUP_MESSAGE, assignFollowupShortcutHandler(deps));
}
