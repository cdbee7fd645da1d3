import type { KnownBlock } from '@slack/types';
import { ACTIONS } from '../ids.ts';
import type { Reply } from '../kit/reply.ts';

/**
 * Buttons that only make sense on a private (ephemeral) answer: More replaces the message in place, Share posts it
 * again. An answer to a mention is public already, so it keeps Details (and Assign follow-up) only.
 */
const PRIVATE_ONLY: ReadonlySet<string> = new Set([
  ACTIONS.SEARCH_MORE,
  ACTIONS.SEARCH_PREVIOUS,
  ACTIONS.SHARE_RESULTS,
  ACTIONS.SHARE_MEASURE,
]);

export function publicAnswer(answer: Reply): Reply {
  const blocks: KnownBlock[] = [];
  for (const b of answer.blocks) {
    if (b.type !== 'actions') {
      blocks.push(b);
      continue;
    }
    const elements = b.elements.filter(
      (e) => !('action_id' in e && e.action_id !== undefined && PRIVATE_ONLY.has(e.action_id)),
    );
    if (elements.length > 0) blocks.push({ ...b, elements });
  }
  // A divider left hanging where the actions were removed.
  while (blocks.at(-1)?.type === 'divider') blocks.pop();
  return { ...answer, blocks };
}
