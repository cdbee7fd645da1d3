import type { HomeView } from '@slack/types';
import { listForScope } from '../../services/followup-service.ts';
import { indexSummary } from '../../services/index-summary.ts';
import { type SlackDeps, todayOf } from '../deps.ts';
import { homeFollowupBlocks } from '../followups/home-section.ts';
import { examplesOf } from '../kit/examples.ts';
import { MAX_BLOCKS_PER_VIEW } from '../kit/limits.ts';
import { usageLines } from '../subcommands/help.ts';
import { subcommands } from '../subcommands/index.ts';
import type { SlackClient } from '../web-api.ts';
import { buildHomeView } from './home-blocks.ts';

/** The App Home tab for one person: usage and index size, then their active follow-ups with buttons. */
export function homeViewFor(deps: SlackDeps, user: string): HomeView {
  const summary = indexSummary(deps.db);
  const usage = usageLines(deps.strings, subcommands, examplesOf(deps));
  const base = buildHomeView({ ...summary, strings: deps.strings, usageLines: usage });
  // Follow-ups get the room the base view leaves, less the divider buildHomeView puts before a section.
  const room = MAX_BLOCKS_PER_VIEW - base.blocks.length - 1;
  const today = todayOf(deps);
  const mine = homeFollowupBlocks(listForScope(deps.db, { kind: 'mine', user }, today), today, deps.strings, room);
  return buildHomeView({ ...summary, strings: deps.strings, usageLines: usage, extraSections: [mine] });
}

/** Publishes (or re-publishes, after a change made there) the Home tab. */
export async function publishHome(client: SlackClient, deps: SlackDeps, user: string): Promise<void> {
  await client.views.publish({ user_id: user, view: homeViewFor(deps, user) });
}
