import type { ActionsBlock, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Digest, DigestItem, DoneItem } from '../../../src/core/digest/types.ts';
import { boldQuantity, buildDigestMessage, DIGEST_OVERDUE_CAP } from '../../../src/slack/digest/blocks.ts';
import { digestStrings } from '../../../src/slack/digest/strings.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import { MAX_BLOCKS_PER_MESSAGE, MAX_BUTTON_TEXT, MAX_SECTION_TEXT } from '../../../src/slack/kit/limits.ts';

function item(n: number, due: string, over: Partial<DigestItem> = {}): DigestItem {
  return {
    targetId: `d${n}-1.1.t1`,
    taskId: `d${n}-1.1`,
    measureId: `d${n}-1`,
    file: `${n}.txt`,
    documentTitle: '天津市加快发展新型消费实施方案',
    region: '天津市',
    label: '（一）',
    text: `到2022年底累计建成5G基站${n}万个`,
    quantity: `${n}万个`,
    due,
    precision: 'year',
    periodStart: null,
    departments: ['市工业和信息化局'],
    followups: [],
    documentExpired: false,
    source: 'policy',
    ...over,
  };
}

const done = (n: number): DoneItem => ({
  followupId: `F${n}`,
  measureId: 'm-1',
  taskId: null,
  targetId: null,
  assignee: 'U1',
  status: 'done',
  closedAt: '2022-12-01T00:00:00Z',
  file: null,
  label: null,
  text: '很长的目标'.repeat(40),
});

function digest(upcoming: number, overdue: number, doneCount = 0): Digest {
  const days = ['2022-12-10', '2022-12-20', '2022-12-31'];
  return {
    asOf: '2022-12-05',
    horizonDays: 28,
    upcoming: Array.from({ length: upcoming }, (_, i) =>
      item(i + 1, days[Math.floor((i * days.length) / Math.max(upcoming, 1))]!),
    ),
    overdue: Array.from({ length: overdue }, (_, i) => item(1000 + i, '2021-12-31')),
    done: Array.from({ length: doneCount }, (_, i) => done(i + 1)),
  };
}

const zh = digestStrings.zh;
const build = (d: Digest) => buildDigestMessage({ digest: d, strings: zh, locale: 'zh' }).blocks;
const itemsShown = (blocks: KnownBlock[]) => blocks.filter((b) => b.type === 'actions').length;
const allText = (blocks: KnownBlock[]) => JSON.stringify(blocks);

function expectWithinLimits(blocks: KnownBlock[]) {
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
  for (const b of blocks) {
    if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    if (b.type === 'actions')
      for (const e of b.elements)
        if (e.type === 'button') expect(e.text.text.length).toBeLessThanOrEqual(MAX_BUTTON_TEXT);
  }
}

describe('buildDigestMessage', () => {
  it('shows every item of a small digest with its two buttons and the date groups', () => {
    const blocks = build(digest(3, 2));
    expectWithinLimits(blocks);
    expect(itemsShown(blocks)).toBe(5);
    const actions = blocks.find((b): b is ActionsBlock => b.type === 'actions')!;
    expect(actions.elements.map((e) => (e as { action_id: string }).action_id)).toEqual([
      ACTIONS.ASSIGN_FOLLOWUP,
      ACTIONS.SHOW_MEASURE,
    ]);
    expect(actions.elements.map((e) => (e as { value: string }).value)).toEqual(['d1-1.1.t1', 'd1-1.1.t1']);
    const text = allText(blocks);
    expect(text).toContain('*2022-12-10*');
    expect(text).toContain('2022年底前');
    expect(text).toContain('已逾期（2 项');
    expect(text).not.toContain('还有');
  });

  it('fits a long digest into 50 blocks and says how many were left out and how to see them', () => {
    const d = digest(60, 40, 30);
    const blocks = build(d);
    expectWithinLimits(blocks);
    const text = allText(blocks);
    const shownOverdue = blocks
      .slice(blocks.findIndex((b) => b.type === 'section' && (b as SectionBlock).text?.text.includes('已逾期')))
      .filter((b) => b.type === 'actions').length;
    const shownUpcoming = itemsShown(blocks) - shownOverdue;
    expect(shownUpcoming).toBeGreaterThan(0);
    expect(shownOverdue).toBeGreaterThan(0);
    expect(shownOverdue).toBeLessThanOrEqual(DIGEST_OVERDUE_CAP);
    expect(text).toContain(`还有 ${60 - shownUpcoming} 项即将到期的目标未显示`);
    expect(text).toContain(`另有 ${40 - shownOverdue} 项逾期目标`);
    expect(text).toContain('/measures due next 28d');
    expect(text).toContain('/measures due overdue');
    // The see-all line closes the message.
    expect(JSON.stringify(blocks[blocks.length - 1])).toContain('/measures due');
  });

  it('caps overdue at 10 with "and N more" even when there is room', () => {
    const blocks = build(digest(0, 25));
    expectWithinLimits(blocks);
    expect(itemsShown(blocks)).toBe(DIGEST_OVERDUE_CAP);
    expect(allText(blocks)).toContain('另有 15 项逾期目标');
    expect(allText(blocks)).toContain('未来 28 天没有到期的目标');
  });

  it('says nothing is due in an empty week', () => {
    const blocks = build(digest(0, 0));
    expectWithinLimits(blocks);
    expect(itemsShown(blocks)).toBe(0);
    expect(allText(blocks)).toContain('未来 28 天没有到期的目标');
  });

  it('escapes document text, marks expired documents and shows follow-up owners', () => {
    const d = digest(0, 0);
    d.upcoming = [
      item(1, '2022-12-31', {
        text: '<!channel> 建成 & 开放 <https://evil|gov.cn> 5万个',
        quantity: '5万个',
        documentExpired: true,
        followups: [{ id: 'F7', assignee: 'U123', status: 'in_progress' }],
      }),
    ];
    const text = allText(build(d));
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&amp;');
    expect(text).toContain('文件已失效');
    expect(text).toContain('<@U123> 进行中');
  });

  it('marks targets quoted from a Q&A answer or a commentary as context, not the team’s commitments', () => {
    const d = digest(0, 0);
    d.overdue = [
      item(1, '2022-12-31', { source: 'qa' }),
      item(2, '2022-12-31', { source: 'commentary' }),
      item(3, '2022-12-31'),
    ];
    const text = allText(build(d));
    expect(text).toContain(digestStrings.zh.digestQuoted.qa);
    expect(text).toContain(digestStrings.zh.digestQuoted.commentary);
    expect(text.split(digestStrings.zh.digestQuoted.qa)).toHaveLength(2);
  });

  it('uses English strings and phrases when asked', () => {
    const blocks = buildDigestMessage({ digest: digest(1, 0), strings: digestStrings.en, locale: 'en' }).blocks;
    expect(allText(blocks)).toContain('by end of 2022');
    expect(allText(blocks)).toContain('Assign follow-up');
  });
});

describe('boldQuantity', () => {
  it('bolds the committed quantity with word boundaries Slack accepts in Chinese', () => {
    expect(boldQuantity('到2022年底累计建成5G基站5万个', '5万个')).toBe('到2022年底累计建成5G基站\u200b*5万个*\u200b');
    expect(boldQuantity('2022年实现项目总体完工', null)).toBe('2022年实现项目总体完工');
    expect(boldQuantity('a*b 5%', '5%')).toBe('a∗b \u200b*5%*\u200b');
  });
});
