import { MAX_MESSAGE_BLOCK_TEXT } from './limits.ts';

export { MAX_MESSAGE_BLOCK_TEXT };

/**
 * The text a list of blocks carries, counted the way the limit is: every text object (plain_text / mrkdwn: section
 * text and fields, headers, context, button labels, options…) and markdown blocks, in UTF-16 units.
 */
export function blockTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if ((o.type === 'plain_text' || o.type === 'mrkdwn' || o.type === 'markdown') && typeof o.text === 'string') {
      total += o.text.length;
      return;
    }
    for (const child of Object.values(o)) walk(child);
  };
  walk(blocks);
  return total;
}
