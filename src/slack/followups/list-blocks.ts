import type { KnownBlock } from '@slack/types';
import type { FollowupListItem } from '../../core/followups/model.ts';
import { ACTIONS } from '../ids.ts';
import { button, context, fitBlocks, header, section } from '../kit/elements.ts';
import { MAX_BLOCKS_PER_MESSAGE, MAX_FALLBACK_TEXT } from '../kit/limits.ts';
import { escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import { followupButtons, followupLine } from './card.ts';
import type { FollowupStrings } from './strings.ts';

export interface FollowupListInput {
  items: FollowupListItem[];
  /** Escaped mrkdwn naming the scope (mine, <@U1>'s, overdue, all). */
  scope: string;
  today: string;
  strings: FollowupStrings;
  /** Blocks allowed: 50 in a message, 100 in the Home tab. */
  maxBlocks?: number;
  /** Total block text allowed: messages are limited (msg_blocks_too_long), the Home tab is not (pass Infinity). */
  maxText?: number;
  /** Show the state buttons under each item (App Home). */
  withButtons?: boolean;
}

/** A list of follow-ups, in the order given (callers sort: overdue first, by due date). */
export function followupListBlocks(input: FollowupListInput): KnownBlock[] {
  const { strings: s } = input;
  const items = input.items.map((f): KnownBlock[] => {
    const line = followupLine({
      followup: f,
      measureTitle: f.measureMissing ? null : f.measureTitle,
      today: input.today,
      strings: s,
    });
    // The last Slack post about it failed: say so, and offer to post the card again (after "invite me").
    const failed = f.slackError !== null ? `\n${s.fuNotPosted(escapeMrkdwn(f.slackError))}` : '';
    const blocks: KnownBlock[] = [section(line + failed)];
    const buttons = [
      ...(f.slackError !== null ? [button(ACTIONS.FOLLOWUP_REPOST, s.fuRepostButton, f.id)] : []),
      ...(input.withButtons ? followupButtons(f, s) : []),
    ];
    if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `followup_${f.id}`, elements: buttons });
    return blocks;
  });
  if (items.length === 0)
    return [header(s.fuListTitle(input.scope).replace(/<@([A-Z0-9]+)>/g, '@$1')), context([s.fuListEmpty])];
  return fitBlocks(
    [section(`*${s.fuListTitle(input.scope)}*`)],
    items,
    [],
    input.maxBlocks ?? MAX_BLOCKS_PER_MESSAGE,
    s.fuAndMore,
    input.maxText,
  );
}

export function followupListText(input: Pick<FollowupListInput, 'items' | 'scope' | 'strings'>): string {
  return truncate(`${input.strings.fuListTitle(input.scope)} (${input.items.length})`, MAX_FALLBACK_TEXT);
}
