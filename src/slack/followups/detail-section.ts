import type { KnownBlock } from '@slack/types';
import type { FollowupViewer } from '../../core/followups/permissions.ts';
import { measureFollowups } from '../../services/followup-service.ts';
import type { SlackDeps } from '../deps.ts';
import { followupSectionBlocks } from './section-blocks.ts';

/** Tasks and the source block must still fit in the detail message: the full list is under /measures followups. */
export const MAX_FOLLOWUP_BLOCKS_IN_DETAIL = 12;

/**
 * A measure's follow-ups and their history, for its detail view. `viewer` decides whether notes and blocked
 * reasons are shown (see canSeeDetails); without one, only states and assignees are.
 */
export function followupDetailBlocks(
  deps: SlackDeps,
  measureId: string,
  viewer: FollowupViewer = { user: null, channel: null },
): KnownBlock[] {
  const { followups, events } = measureFollowups(deps.db, measureId);
  return followupSectionBlocks({ followups, events, strings: deps.strings, viewer, timeZone: deps.timeZone }).slice(
    0,
    MAX_FOLLOWUP_BLOCKS_IN_DETAIL,
  );
}
