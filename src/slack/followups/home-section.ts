import type { KnownBlock } from '@slack/types';
import type { FollowupListItem } from '../../core/followups/model.ts';
import { context, header } from '../kit/elements.ts';
import { MAX_BLOCKS_PER_VIEW } from '../kit/limits.ts';
import { followupListBlocks } from './list-blocks.ts';
import type { FollowupStrings } from './strings.ts';

/**
 * The "my follow-ups" part of the App Home tab: the person's active follow-ups, overdue first, each with its
 * buttons. `extraBlocks` lets the home owner put other sections above (search hints, index size); the whole view
 * stays within Slack's 100 blocks.
 */
export function homeFollowupBlocks(
  items: FollowupListItem[],
  today: string,
  s: FollowupStrings,
  maxBlocks: number = MAX_BLOCKS_PER_VIEW,
): KnownBlock[] {
  if (items.length === 0) return [header(s.fuHomeTitle), context([s.fuHomeEmpty])];
  const list = followupListBlocks({
    items,
    scope: s.fuScopes.mine,
    today,
    strings: s,
    maxBlocks: maxBlocks - 1,
    maxText: Infinity,
    withButtons: true,
  });
  // The list's own title line is replaced by a header in the Home tab.
  return [header(s.fuHomeTitle), ...list.slice(1)];
}
