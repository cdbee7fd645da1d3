import { describe, expect, it } from 'vitest';
import { buildSearchResults } from '../../../src/slack/search/results-blocks.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { longSearchHit } from '../../helpers/long-content.ts';
import { buttonsOf, visibleText } from '../harness.ts';

const hits = Array.from({ length: 8 }, (_, i) =>
  longSearchHit(i, {
    documentTitle: '天津市加快发展新型消费实施方案',
    title: '发展冷链物流',
    snippet: '完善',
    department: (k) => `部门${k}`,
    documentStatus: 'in_force',
  }),
);

const page = (locale: 'zh' | 'en', totalIsLowerBound: boolean) =>
  buildSearchResults({
    request: { source: 'search', args: '建设', offset: 0 },
    search: { query: '建设', filters: {}, chips: [] },
    total: 10_000,
    totalIsLowerBound,
    hits,
    pageSize: 8,
    today: '2026-12-01',
    strings: stringsFor(locale),
  });

describe('the count of a broad search', () => {
  it('says "more than" when the count stopped at its bound, in both languages', () => {
    const zh = page('zh', true);
    expect(visibleText(zh.blocks)).toContain('超过 10,000 条举措，显示第 1–8 条');
    expect(buttonsOf(zh.blocks).map((b) => b.label)).toContain('下一页（还有 9,992+ 条）');
    const en = page('en', true);
    expect(visibleText(en.blocks)).toContain('10,000+ measures found, showing 1–8');
    expect(buttonsOf(en.blocks).map((b) => b.label)).toContain('Next page (9,992+ more)');
    expect(en.text).toContain('10,000+ measures found');
  });

  it('an exact count is shown as it is', () => {
    expect(visibleText(page('zh', false).blocks)).toContain('共 10000 条举措，显示第 1–8 条');
    expect(visibleText(page('en', false).blocks)).toContain('10000 measures found, showing 1–8');
  });
});
