import type { RunWrite } from '../../db/busy-retry.ts';
import type { FollowupDeps } from '../../services/followup-service.ts';
import type { SlackDeps } from '../deps.ts';
import type { FollowupStrings } from './strings.ts';

/** What the Slack side of follow-ups needs: the service's deps plus the zone for "today" and the UI strings. */
export interface FollowupSlackDeps extends FollowupDeps {
  timeZone: string;
  strings: FollowupStrings;
  /** SlackDeps.write: the publisher records what Slack did through it. */
  write: RunWrite;
}

export function followupDeps(deps: SlackDeps): FollowupSlackDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    config: deps.config,
    timeZone: deps.timeZone,
    strings: deps.strings,
    write: deps.write,
  };
}
