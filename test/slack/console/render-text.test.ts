import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../../src/slack/console/render-text.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';

describe('console rendering', () => {
  it('numbers buttons from the given start and says how to press them', () => {
    const { text, buttons } = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: '🔎 冷链' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*（五）* a &lt;b&gt; &amp;' },
          accessory: {
            type: 'button',
            action_id: ACTIONS.SHOW_MEASURE,
            value: 'abcd-4',
            text: { type: 'plain_text', text: '详情' },
          },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '由 <@U1> 分享' }] },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: ACTIONS.SHARE_RESULTS,
              value: '{}',
              text: { type: 'plain_text', text: '分享到频道' },
            },
          ],
        },
      ],
      7,
    );
    expect(text).toContain('══ 🔎 冷链 ══');
    expect(text).toContain('a <b> &');
    expect(text).toContain('[7] 详情 (press 7 | show abcd-4)');
    expect(text).toContain('[8] 分享到频道 (press 8)');
    expect(text).toContain('@U1');
    expect(buttons.map((b) => [b.n, b.actionId])).toEqual([
      [7, ACTIONS.SHOW_MEASURE],
      [8, ACTIONS.SHARE_RESULTS],
    ]);
  });
});
