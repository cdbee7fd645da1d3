import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { MEASURES_COMMAND } from '../../ids.ts';
import { subcommands } from '../../subcommands/index.ts';
import { measuresCommandHandler } from './measures.ts';

/** Slash commands. New `/measures` subcommands go in src/slack/commands/, not here. */
export function register(app: App, deps: SlackDeps): void {
  app.command(MEASURES_COMMAND, measuresCommandHandler(deps, subcommands));
}
