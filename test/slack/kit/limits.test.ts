import { describe, expect, it } from 'vitest';
import {
  MAX_BLOCKS_PER_MESSAGE,
  MAX_BUTTON_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
} from '../../../src/slack/kit/limits.ts';
import { buildMeasureDetail } from '../../../src/slack/search/measure-detail.ts';
import { buildSearchResults } from '../../../src/slack/search/results-blocks.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { longMeasureDetail, longSearchHit } from '../../helpers/long-content.ts';

const s = stringsFor('zh');
const TODAY = '2023-03-01';

/** Every limit a block can break, checked recursively. */
function assertWithinLimits(blocks: any[]): void {
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(MAX_HEADER_TEXT);
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
      expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
    }
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
    const buttons = b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [];
    for (const btn of buttons) {
      expect(btn.text.text.length).toBeLessThanOrEqual(MAX_BUTTON_TEXT);
      expect(btn.value.length).toBeLessThanOrEqual(2000);
    }
  }
}

const hit = (i: number, text: string) =>
  longSearchHit(i, {
    documentTitle: `关于印发《${'很长的标题'.repeat(30)}》的通知`,
    title: '标题<!channel>'.repeat(40),
    snippet: text,
    department: (k) => `部门${k}`,
    documentStatus: 'in_force',
  });

describe('search results within Block Kit limits', () => {
  it('a page of huge hits stays valid, with header, counts and buttons', () => {
    const hits = Array.from({ length: 40 }, (_, i) => hit(i, '<长文本>'.repeat(2000)));
    const r = buildSearchResults({
      request: { source: 'search', args: '冷链'.repeat(300), offset: 0 },
      search: { query: '冷链'.repeat(300), filters: {}, chips: [] },
      total: 400,
      hits,
      pageSize: 40,
      today: TODAY,
      strings: s,
    });
    assertWithinLimits(r.blocks);
    const text = JSON.stringify(r.blocks);
    expect(text).toMatch(/还有 \d+ 条未显示/);
    expect(r.blocks.at(-1)).toMatchObject({ type: 'actions' });
    expect(text).not.toContain('<!channel>');
    expect(r.text.length).toBeLessThanOrEqual(3000);
  });
  it('shared results carry no buttons', () => {
    const r = buildSearchResults({
      request: { source: 'search', args: 'x', offset: 0 },
      search: { query: 'x', filters: {}, chips: [] },
      total: 1,
      hits: [hit(1, 'a')],
      pageSize: 8,
      today: TODAY,
      strings: s,
      sharedBy: 'U1',
    });
    expect(JSON.stringify(r.blocks)).not.toContain('"button"');
    expect(JSON.stringify(r.blocks)).toContain(s.sharedBy('U1'));
  });
});

describe('measure detail within Block Kit limits', () => {
  it('a 20,000-character measure with 80 tasks is trimmed and says how many tasks are not shown', () => {
    const measure = longMeasureDetail({
      section: '一、<b>',
      title: 'T'.repeat(300),
      text: '冷链物流。'.repeat(4000),
      documentTitle: '文件',
      issuer: null,
      taskText: '任务'.repeat(1000),
      targetText: '到2022年底',
    });
    const r = buildMeasureDetail({ measure, today: TODAY, strings: s });
    assertWithinLimits(r.blocks);
    const text = JSON.stringify(r.blocks);
    expect(text).toContain(s.textTrimmed);
    expect(text).toMatch(/还有 \d+ 条未显示/);
    expect(text).toContain(s.overdue);
    expect(text).toContain(s.status.expired);
    expect(r.blocks.at(-1)).toMatchObject({ type: 'actions' });
  });
});
