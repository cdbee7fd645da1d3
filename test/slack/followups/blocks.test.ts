import { describe, expect, it } from 'vitest';
import type { Followup, FollowupEvent, FollowupListItem } from '../../../src/core/followups/model.ts';
import { followupCardBlocks, followupCardText } from '../../../src/slack/followups/card.ts';
import { homeFollowupBlocks } from '../../../src/slack/followups/home-section.ts';
import { followupListBlocks } from '../../../src/slack/followups/list-blocks.ts';
import { assignModal, blockReasonModal, dueModal } from '../../../src/slack/followups/modals.ts';
import { followupSectionBlocks, formatEventTime } from '../../../src/slack/followups/section-blocks.ts';
import { followupStrings } from '../../../src/slack/followups/strings.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import {
  MAX_BLOCKS_PER_MESSAGE,
  MAX_BUTTON_TEXT,
  MAX_FALLBACK_TEXT,
  MAX_MODAL_TITLE,
  MAX_SECTION_TEXT,
} from '../../../src/slack/kit/limits.ts';

const HOSTILE = '<!channel> & <https://evil|x>';
const s = followupStrings.en;

function fu(over: Partial<Followup> = {}): Followup {
  return {
    id: 'F1',
    measureId: 'abcd-4',
    taskId: null,
    targetId: null,
    assignee: 'U0A',
    createdBy: 'U0C',
    due: '2026-12-31',
    status: 'open',
    blockedReason: null,
    note: null,
    channel: 'C0PRIV',
    threadTs: '1.1',
    messageTs: '1.2',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    closedAt: null,
    lastRemindedOn: null,
    slackError: null,
    ...over,
  };
}
const item = (over: Partial<FollowupListItem> = {}): FollowupListItem => ({
  ...fu(),
  measureTitle: HOSTILE,
  measureMissing: false,
  removed: null,
  ...over,
});

/** Every mrkdwn string in blocks, plus a text. */
const mrkdwn = (blocks: unknown, text = '') =>
  [text, ...(JSON.stringify(blocks).match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g) ?? [])].join('\n');

describe('follow-up card', () => {
  it('escapes the title, note and reason in blocks and the fallback text', () => {
    const v = {
      followup: fu({ status: 'blocked', blockedReason: HOSTILE, note: HOSTILE }),
      measureTitle: HOSTILE,
      today: '2026-11-22',
      strings: s,
    };
    const all = mrkdwn(followupCardBlocks(v), followupCardText(v));
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<https://evil');
    expect(followupCardText(v)).toContain('&lt;!channel&gt; &amp; &lt;https://evil|x&gt;');
  });

  it('fits Slack limits with a huge title and note', () => {
    const v = {
      followup: fu({ note: 'n'.repeat(10_000) }),
      measureTitle: '冷'.repeat(10_000),
      today: '2026-11-22',
      strings: s,
    };
    expect(followupCardText(v).length).toBeLessThanOrEqual(MAX_FALLBACK_TEXT);
    for (const b of followupCardBlocks(v) as any[])
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
  });
});

describe('follow-up section in a detail view', () => {
  const events: FollowupEvent[] = [
    {
      id: 1,
      followupId: 'F1',
      at: '2026-11-21T16:30:00.000Z',
      actor: 'U0C',
      action: 'created',
      detail: { assignee: 'U0A' },
    },
    {
      id: 2,
      followupId: 'F1',
      at: '2026-11-22T01:00:00.000Z',
      actor: 'U0A',
      action: 'status',
      detail: { from: 'open', to: 'blocked', reason: 'budget <frozen>' },
    },
  ];
  const blocked = fu({ status: 'blocked', blockedReason: 'budget <frozen>', note: 'secret plan' });
  const render = (viewer: { user: string | null; channel: string | null }) =>
    JSON.stringify(
      followupSectionBlocks({ followups: [blocked], events, strings: s, viewer, timeZone: 'Asia/Shanghai' }),
    );

  it('shows history times in the configured zone, not UTC', () => {
    expect(formatEventTime('2026-11-21T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-22 00:30');
    expect(render({ user: 'U0A', channel: null })).toContain('2026-11-22 09:00');
  });

  it("shows note and blocked reason only in the follow-up's channel or to its assignee/creator", () => {
    for (const viewer of [
      { user: null, channel: 'C0PRIV' },
      { user: 'U0A', channel: 'C0ELSE' },
      { user: 'U0C', channel: null },
    ]) {
      expect(render(viewer)).toContain('budget &lt;frozen&gt;');
      expect(render(viewer)).toContain('secret plan');
    }
    const stranger = render({ user: 'U0X', channel: 'C0ELSE' });
    expect(stranger).toContain('F1');
    expect(stranger).toContain('<@U0A>');
    expect(stranger).not.toContain('frozen');
    expect(stranger).not.toContain('secret plan');
  });

  it('the history always starts with who created it for whom, however many changes followed', () => {
    const many: FollowupEvent[] = [
      events[0]!,
      ...Array.from({ length: 9 }, (_, i) => ({
        id: 10 + i,
        followupId: 'F1',
        at: `2026-11-22T0${i}:00:00.000Z`,
        actor: 'U0A',
        action: 'due' as const,
        detail: { to: `2027-01-0${i + 1}` },
      })),
    ];
    const text = JSON.stringify(
      followupSectionBlocks({
        followups: [blocked],
        events: many,
        strings: s,
        viewer: { user: 'U0A', channel: null },
        timeZone: 'Asia/Shanghai',
      }),
    );
    expect(text).toContain(`${s.fuEvent.created} <@U0A>`);
    expect(text).toContain('2027-01-09');
    expect(text).not.toContain('2027-01-01');
  });
});

describe('follow-up lists', () => {
  it('stay within the block limit, escape titles, and offer Re-post only where a post failed', () => {
    const items = Array.from({ length: 80 }, (_, i) =>
      item({ id: `F${i + 1}`, slackError: i === 0 ? 'not_in_channel' : null }),
    );
    const blocks = followupListBlocks({ items, scope: s.fuScopes.all, today: '2026-11-22', strings: s });
    expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    expect(mrkdwn(blocks)).not.toContain('<!channel>');
    const reposts = JSON.stringify(blocks).match(new RegExp(ACTIONS.FOLLOWUP_REPOST, 'g')) ?? [];
    expect(reposts).toHaveLength(1);
    expect(JSON.stringify(blocks)).toContain('not_in_channel');
  });

  it('the Home section fits the room it is given', () => {
    const items = Array.from({ length: 80 }, (_, i) => item({ id: `F${i + 1}` }));
    expect(homeFollowupBlocks(items, '2026-11-22', s, 30).length).toBeLessThanOrEqual(30);
  });
});

describe('follow-up modals', () => {
  it('keep titles and buttons within limits and escape the item title', () => {
    const views = [
      assignModal({
        context: { itemId: 'abcd-4', channel: 'C1', threadTs: null },
        itemTitle: HOSTILE,
        defaultDue: null,
        defaultAssignee: null,
        strings: s,
      }),
      blockReasonModal({ followupId: 'F1', fromHome: false, channel: 'C1', threadTs: '1.1' }, s),
      dueModal({ followupId: 'F1', fromHome: true, channel: null, threadTs: null }, '2026-12-31', s),
    ];
    for (const v of views) {
      expect(v.title.text.length).toBeLessThanOrEqual(MAX_MODAL_TITLE);
      expect(v.submit!.text.length).toBeLessThanOrEqual(MAX_BUTTON_TEXT);
      expect(mrkdwn(v.blocks)).not.toContain('<!channel>');
    }
    // The submission handler needs where the button was: it answers there and re-publishes Home.
    expect(JSON.parse(views[1]!.private_metadata!)).toEqual({
      followupId: 'F1',
      fromHome: false,
      channel: 'C1',
      threadTs: '1.1',
    });
    expect(JSON.parse(views[2]!.private_metadata!)).toEqual({
      followupId: 'F1',
      fromHome: true,
      channel: null,
      threadTs: null,
    });
  });
});
