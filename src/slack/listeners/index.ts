import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { register as registerActions } from './actions/index.ts';
import { register as registerCommands } from './commands/index.ts';
import { register as registerEvents } from './events/index.ts';
import { register as registerShortcuts } from './shortcuts/index.ts';
import { register as registerViews } from './views/index.ts';

/** Registers every listener, surface by surface. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerEvents(app, deps);
  registerShortcuts(app, deps);
  registerViews(app, deps);
}
