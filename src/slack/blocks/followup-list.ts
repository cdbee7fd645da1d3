import type { KnownBlock } from '@slack/types';
import type { FollowupListItem } from '../../core/followups/model.ts';
import { MAX_BLOCKS_PER_MESSAGE, MAX_FALLBACK_TEXT } from '../limits.ts';
import { truncate } from '../mrkdwn.ts';
import type { FollowupStrings } from '../strings/followups.ts';
import { context, fitBlocks, header, section } from './elements.ts';
import { followupButtons, followupLine } from './followup-card.ts';

export interface FollowupListInput {
  items: FollowupListItem[];
  /** Escaped mrkdwn naming the scope (mine, <@U1>'s, overdue, all). */
  scope: string;
  today: string;
  strings: FollowupStrings;
  /** Blocks allowed: 50 in a message, 100 in the Home tab. */
  maxBlocks?: number;
  /** Show the state buttons under each item (App Home). */
  withButtons?: boolean;
}

/** A list of follow-ups, in the order given (callers sort: overdue first, by due date). */
export function followupListBlocks(input: FollowupListInput): KnownBlock[] {
  const { strings: s } = input;
  const items = input.items.map((f): KnownBlock[] => {
    const blocks: KnownBlock[] = [section(followupLine({ followup: f, measureTitle: f.measureMissing ? null : f.measureTitle, today: input.today, strings: s }))];
    const buttons = input.withButtons ? followupButtons(f, s) : [];
    if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `followup_${f.id}`, elements: buttons });
    return blocks;
  });
  if (items.length === 0) return [header(s.fuListTitle(input.scope).replace(/<@([A-Z0-9]+)>/g, '@$1')), context([s.fuListEmpty])];
  return fitBlocks([section(`*${s.fuListTitle(input.scope)}*`)], items, [], input.maxBlocks ?? MAX_BLOCKS_PER_MESSAGE, s.fuAndMore);
}

export function followupListText(input: Pick<FollowupListInput, 'items' | 'scope' | 'strings'>): string {
  return truncate(`${input.strings.fuListTitle(input.scope)} (${input.items.length})`, MAX_FALLBACK_TEXT);
}
