import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Digest, DigestItem } from '../../../src/core/digest/types.ts';
import type { FollowupListItem } from '../../../src/core/followups/model.ts';
import { buildDigestMessage } from '../../../src/slack/digest/blocks.ts';
import { homeFollowupBlocks } from '../../../src/slack/followups/home-section.ts';
import { buildHomeView } from '../../../src/slack/home/home-blocks.ts';
import { context, fitBlocks, section, takeWithin } from '../../../src/slack/kit/elements.ts';
import { MAX_BLOCKS_PER_MESSAGE } from '../../../src/slack/kit/limits.ts';
import { blockTextLength, MAX_MESSAGE_BLOCK_TEXT } from '../../../src/slack/kit/text-budget.ts';
import { buildDocumentDetail } from '../../../src/slack/search/document-detail.ts';
import { buildMeasureDetail, MAX_MEASURE_TEXT } from '../../../src/slack/search/measure-detail.ts';
import { buildSearchResults } from '../../../src/slack/search/results-blocks.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { usageLines } from '../../../src/slack/subcommands/help.ts';
import { subcommands } from '../../../src/slack/subcommands/index.ts';
import { formatViolation, validateMessage, validateView } from '../../helpers/block-kit-validator.ts';
import { longMeasureDetail, longSearchHit } from '../../helpers/long-content.ts';

/**
 * Slack rejects a message whose blocks carry too much text in total (msg_blocks_too_long), even when every
 * block is within its own limit. With long policy text a builder can reach 13k–130k characters unless it
 * budgets; each is checked here with the same validator the fake Slack runs.
 */

const TODAY = '2023-03-01';
const en = stringsFor('en');
const zh = stringsFor('zh');
/** Policy-like text that also grows when escaped (< > &). */
const long = (n: number) => '冷链<物流>&'.repeat(n);
const errors = (payload: { text?: string; blocks: unknown[] }) => validateMessage(payload).errors.map(formatViolation);

describe('blockTextLength', () => {
  it('counts every text object: section text and fields, context, header, button labels', () => {
    const blocks: KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'abc' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'de' },
        accessory: { type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'fgh' }, value: 'not counted' },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: 'ij' },
          { type: 'plain_text', text: 'k' },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '😀' }] },
      { type: 'divider' },
    ];
    expect(blockTextLength(blocks)).toBe(3 + 2 + 3 + 2 + 1 + 2);
  });
});

describe('fitBlocks keeps the total text within budget', () => {
  const items = Array.from({ length: 10 }, (_, i) => [section(`${i}:${'x'.repeat(2000)}`)]);
  it('cuts items that fit the block count but not the text budget, and says how many', () => {
    const out = fitBlocks([section('head')], items, [context(['tail'])], MAX_BLOCKS_PER_MESSAGE, (n) => `${n} more`);
    expect(blockTextLength(out)).toBeLessThanOrEqual(MAX_MESSAGE_BLOCK_TEXT);
    expect(out.at(-2)).toEqual(context(['5 more']));
    expect(out.at(-1)).toEqual(context(['tail']));
    expect(errors({ text: 'f', blocks: out })).toEqual([]);
  });
  it('a view passes Infinity and keeps every item', () => {
    expect(fitBlocks([], items, [], 100, (n) => `${n} more`, Infinity)).toHaveLength(10);
  });
  it('takeWithin keeps whole leading blocks within both limits', () => {
    expect(takeWithin(items.flat(), 20, 4500)).toHaveLength(2);
    expect(takeWithin(items.flat(), 1, Infinity)).toHaveLength(1);
  });
});

describe('builders stay valid with very long content', () => {
  const hit = (i: number) =>
    longSearchHit(i, {
      documentTitle: `关于印发《${long(60)}》的通知`,
      title: long(100),
      snippet: long(300),
      department: (k) => `部门${k}`.repeat(10),
      documentStatus: 'expired',
    });

  it.each([
    ['en', en],
    ['zh', zh],
  ] as const)('search results, 40 long hits on a page (%s)', (_l, s) => {
    const r = buildSearchResults({
      request: { source: 'search', args: 'x', offset: 0 },
      search: { query: '冷链', filters: {}, chips: [] },
      total: 400,
      hits: Array.from({ length: 40 }, (_, i) => hit(i)),
      pageSize: 40,
      today: TODAY,
      strings: s,
    });
    expect(errors(r)).toEqual([]);
    expect(JSON.stringify(r.blocks)).toContain(s.andMore(40 - r.blocks.filter((b) => b.type === 'section').length));
    expect(r.blocks.at(-1)).toMatchObject({ type: 'actions', block_id: 'search_actions' });
  });

  const measure = longMeasureDetail({
    section: long(100),
    title: long(100),
    text: '冷链物流。'.repeat(4000),
    documentTitle: long(100),
    issuer: long(300),
    taskText: long(300),
    targetText: long(80),
  });
  const { document } = measure;

  it('measure detail: a 20,000-character measure with 80 long tasks shows at most MAX_MEASURE_TEXT of its text', () => {
    const r = buildMeasureDetail({ measure, today: TODAY, strings: en });
    expect(errors(r)).toEqual([]);
    const textSections = r.blocks.filter((b) => b.type === 'section' && b.text?.text.startsWith('冷链物流'));
    expect(blockTextLength(textSections)).toBeLessThanOrEqual(MAX_MEASURE_TEXT + en.textTrimmed.length + 3);
    expect(JSON.stringify(r.blocks)).toContain(en.textTrimmed);
    expect(JSON.stringify(r.blocks)).toMatch(/\d+ more not shown/);
    expect(r.blocks.at(-1)).toMatchObject({ type: 'actions', block_id: 'measure_actions' });
  });

  it('measure detail: 60 blocks of follow-ups from another feature are cut, never pushing the message past 50 blocks', () => {
    const extra = Array.from({ length: 60 }, (_, i) => section(`F${i} ${long(80)}`));
    const r = buildMeasureDetail({
      measure: { ...measure, text: 'short', tasks: measure.tasks.slice(0, 2) },
      today: TODAY,
      strings: en,
      extraBlocks: extra,
    });
    expect(errors(r)).toEqual([]);
    expect(JSON.stringify(r.blocks)).toContain('F0 ');
    expect(r.blocks.at(-1)).toMatchObject({ type: 'actions' });
  });

  it('document detail: 200 items with long titles', () => {
    const measures = Array.from({ length: 200 }, (_, i) => ({ ...measure, id: `abcd-${i}`, label: `（${i}）` }));
    const r = buildDocumentDetail({ document, measures, today: TODAY, strings: zh });
    expect(errors(r)).toEqual([]);
    expect(JSON.stringify(r.blocks)).toMatch(/还有 \d+ 条未显示/);
  });

  const item = (i: number, due: string): DigestItem => ({
    targetId: `abcd-${i}.1.t1`,
    taskId: `abcd-${i}.1`,
    measureId: `abcd-${i}`,
    file: 'x',
    documentTitle: long(100),
    region: '天津市',
    label: '（一）',
    text: long(200),
    quantity: '冷链',
    due,
    precision: 'year',
    periodStart: null,
    departments: Array.from({ length: 10 }, (_, k) => `部门${k}`.repeat(8)),
    followups: Array.from({ length: 6 }, (_, k) => ({ id: `F${k}`, assignee: 'U1', status: 'open' as const })),
    documentExpired: true,
    source: 'policy',
  });

  it.each([
    ['en', en],
    ['zh', zh],
  ] as const)(
    'digest: 30 long items due soon and 30 overdue keep both parts and their "more" lines (%s)',
    (locale, s) => {
      const digest: Digest = {
        asOf: TODAY,
        horizonDays: 28,
        upcoming: Array.from({ length: 30 }, (_, i) => item(i, `2023-03-${String(1 + (i % 28)).padStart(2, '0')}`)),
        overdue: Array.from({ length: 30 }, (_, i) => item(100 + i, '2022-12-31')),
        done: Array.from({ length: 40 }, (_, i) => ({
          followupId: `F${i}`,
          measureId: 'm',
          taskId: null,
          targetId: null,
          assignee: 'U1',
          status: 'done' as const,
          closedAt: 'x',
          file: null,
          label: null,
          text: long(100),
        })),
      };
      const r = buildDigestMessage({ digest, strings: s, locale });
      expect(errors(r)).toEqual([]);
      const json = JSON.stringify(r.blocks);
      expect(json).toContain(JSON.stringify(s.digestOverdueHeading(30)).slice(1, -1));
      expect(json).toContain('/measures due next 28d');
      expect(json).toContain('/measures due overdue');
      // Both parts still show items.
      expect(json).toContain('abcd-0.1.t1');
      expect(json).toContain('abcd-100.1.t1');
    },
  );

  it('the Home tab is a view (no total-text limit): 45 long follow-ups are all listed', () => {
    const fu = (i: number): FollowupListItem => ({
      id: `F${i}`,
      measureId: 'abcd-1',
      taskId: null,
      targetId: null,
      assignee: 'U1',
      createdBy: 'U2',
      due: '2023-01-01',
      status: 'open',
      blockedReason: null,
      note: null,
      channel: 'C1',
      threadTs: '1.2',
      messageTs: '1.3',
      createdAt: 'x',
      updatedAt: 'x',
      closedAt: null,
      lastRemindedOn: null,
      slackError: null,
      measureTitle: long(40),
      measureMissing: false,
      removed: null,
    });
    const home = buildHomeView({
      documents: 1,
      measures: 1,
      strings: en,
      usageLines: usageLines(en, subcommands, { measureId: 'z8wv-4', documentId: 'z8wv', date: '2027-01-31' }),
      extraSections: [
        homeFollowupBlocks(
          Array.from({ length: 45 }, (_, i) => fu(i)),
          TODAY,
          en,
          95,
        ),
      ],
    });
    expect(validateView(home).errors.map(formatViolation)).toEqual([]);
    expect(blockTextLength(home.blocks)).toBeGreaterThan(MAX_MESSAGE_BLOCK_TEXT);
    expect(JSON.stringify(home.blocks)).toContain('*F44*');
  });
});
