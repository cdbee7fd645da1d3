import type { Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { MAX_BUTTON_TEXT, MAX_BUTTON_VALUE, MAX_CONTEXT_ELEMENTS, MAX_FIELD_TEXT, MAX_HEADER_TEXT, MAX_SECTION_FIELDS, MAX_SECTION_TEXT } from '../limits.ts';
import { plain, truncate } from '../mrkdwn.ts';

/** Small constructors that enforce Block Kit limits, so feature builders cannot produce an invalid block. */

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, MAX_HEADER_TEXT) };
}

/** `mrkdwn` must already be escaped (see mrkdwn.ts). */
export function section(mrkdwn: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn || ' ', MAX_SECTION_TEXT) } };
  if (accessory) block.accessory = accessory;
  return block;
}

export function fields(pairs: string[]): SectionBlock {
  return { type: 'section', fields: pairs.slice(0, MAX_SECTION_FIELDS).map((t) => ({ type: 'mrkdwn', text: truncate(t, MAX_FIELD_TEXT) })) };
}

export function context(mrkdwnParts: string[]): ContextBlock {
  const parts = mrkdwnParts.filter((p) => p.trim() !== '').slice(0, MAX_CONTEXT_ELEMENTS);
  return { type: 'context', elements: (parts.length ? parts : [' ']).map((t) => ({ type: 'mrkdwn', text: truncate(t, MAX_SECTION_TEXT) })) };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Button {
  if (value.length > MAX_BUTTON_VALUE) throw new Error(`button value for ${actionId} is ${value.length} chars (max ${MAX_BUTTON_VALUE})`);
  const b: Button = { type: 'button', action_id: actionId, text: plain(text, MAX_BUTTON_TEXT), value };
  if (style) b.style = style;
  return b;
}

/**
 * Keeps a message within `max` blocks: when it is over, cuts the middle part and puts a context line saying how
 * many items were left out before the trailing blocks (actions stay reachable).
 */
export function fitBlocks(head: KnownBlock[], items: KnownBlock[][], tail: KnownBlock[], max: number, omitted: (n: number) => string): KnownBlock[] {
  const budget = max - head.length - tail.length;
  const out: KnownBlock[] = [...head];
  let used = 0;
  let shown = 0;
  for (const item of items) {
    // Reserve one block for the "N more" line if anything after this item would not fit.
    const reserve = shown + 1 < items.length ? 1 : 0;
    if (used + item.length + reserve > budget) break;
    out.push(...item);
    used += item.length;
    shown++;
  }
  if (shown < items.length) out.push(context([omitted(items.length - shown)]));
  return [...out, ...tail];
}
