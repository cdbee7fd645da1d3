import type { Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import {
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_CONTEXT_ELEMENTS,
  MAX_FIELD_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT,
} from './limits.ts';
import { plain, truncateMrkdwn } from './mrkdwn.ts';
import { blockTextLength, MAX_MESSAGE_BLOCK_TEXT } from './text-budget.ts';

/** Small constructors that enforce Block Kit limits, so feature builders cannot produce an invalid block. */

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, MAX_HEADER_TEXT) };
}

/** `mrkdwn` must already be escaped (see mrkdwn.ts). */
export function section(mrkdwn: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateMrkdwn(mrkdwn || ' ', MAX_SECTION_TEXT) },
  };
  if (accessory) block.accessory = accessory;
  return block;
}

export function fields(pairs: string[]): SectionBlock {
  return {
    type: 'section',
    fields: pairs
      .slice(0, MAX_SECTION_FIELDS)
      .map((t) => ({ type: 'mrkdwn', text: truncateMrkdwn(t, MAX_FIELD_TEXT) })),
  };
}

export function context(mrkdwnParts: string[]): ContextBlock {
  const parts = mrkdwnParts.filter((p) => p.trim() !== '').slice(0, MAX_CONTEXT_ELEMENTS);
  return {
    type: 'context',
    elements: (parts.length ? parts : [' ']).map((t) => ({
      type: 'mrkdwn',
      text: truncateMrkdwn(t, MAX_SECTION_TEXT),
    })),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Button {
  if (value.length > MAX_BUTTON_VALUE)
    throw new Error(`button value for ${actionId} is ${value.length} chars (max ${MAX_BUTTON_VALUE})`);
  const b: Button = { type: 'button', action_id: actionId, text: plain(text, MAX_BUTTON_TEXT), value };
  if (style) b.style = style;
  return b;
}

/**
 * Keeps a message within `max` blocks and `maxText` characters of block text (msg_blocks_too_long): when it is
 * over, cuts the middle part and puts a context line saying how many items were left out before the trailing
 * blocks (actions stay reachable). Views (Home tab) have no total-text limit: pass Infinity.
 */
export function fitBlocks(
  head: KnownBlock[],
  items: KnownBlock[][],
  tail: KnownBlock[],
  max: number,
  omitted: (n: number) => string,
  maxText: number = MAX_MESSAGE_BLOCK_TEXT,
): KnownBlock[] {
  const budget = max - head.length - tail.length;
  const textBudget = maxText - blockTextLength(head) - blockTextLength(tail);
  // The "N more" line is at most as long as the one naming every item.
  const moreText = blockTextLength([context([omitted(items.length)])]);
  const out: KnownBlock[] = [...head];
  let used = 0;
  let usedText = 0;
  let shown = 0;
  for (const item of items) {
    // Reserve room for the "N more" line if anything after this item would not fit.
    const last = shown + 1 >= items.length;
    const itemText = blockTextLength(item);
    if (used + item.length + (last ? 0 : 1) > budget || usedText + itemText + (last ? 0 : moreText) > textBudget) break;
    out.push(...item);
    used += item.length;
    usedText += itemText;
    shown++;
  }
  if (shown < items.length) out.push(context([omitted(items.length - shown)]));
  return [...out, ...tail];
}

/** The leading blocks of `blocks` that fit in `maxBlocks` blocks and `maxText` characters (whole blocks only). */
export function takeWithin(blocks: KnownBlock[], maxBlocks: number, maxText: number): KnownBlock[] {
  const out: KnownBlock[] = [];
  let text = 0;
  for (const b of blocks) {
    const t = blockTextLength([b]);
    if (out.length + 1 > maxBlocks || text + t > maxText) break;
    out.push(b);
    text += t;
  }
  return out;
}
