import type { KnownBlock } from '@slack/types';
import { MAX_FALLBACK_TEXT, MAX_SECTION_TEXT } from './limits.ts';
import { escapeAndFit, truncateMrkdwn } from './mrkdwn.ts';

/**
 * A message a handler sends back: blocks plus the plain `text` Slack shows in notifications and screen
 * readers. Ephemeral unless a handler decides to share.
 */
export interface Reply {
  text: string;
  blocks: KnownBlock[];
  responseType?: 'ephemeral' | 'in_channel';
}

/**
 * `text` is plain (titles, queries): it is escaped here because Slack renders the top-level text as mrkdwn in
 * notifications, where `<!channel>` would ping.
 */
export function reply(text: string, blocks: KnownBlock[]): Reply {
  return { text: escapeAndFit(text, MAX_FALLBACK_TEXT), blocks };
}

/** A one-section notice (errors, "not found"). `mrkdwn` must already be escaped. */
export function notice(mrkdwn: string): Reply {
  return {
    text: truncateMrkdwn(mrkdwn, MAX_FALLBACK_TEXT),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(mrkdwn, MAX_SECTION_TEXT) } }],
  };
}
