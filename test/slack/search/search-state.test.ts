import { describe, expect, it } from 'vitest';
import { decodeSearchState, encodeSearchState, toSearch } from '../../../src/slack/search/search-state.ts';

const TODAY = '2023-03-01';

describe('search requests in button values', () => {
  it('round-trip, and anything tampered decodes to undefined', () => {
    const r = { source: 'dept' as const, args: '商务局 冷链', offset: 8 };
    expect(decodeSearchState(encodeSearchState(r))).toEqual(r);
    for (const bad of [
      '',
      'x',
      '{"source":"sql","args":"","offset":0}',
      '{"source":"search","args":"a","offset":-1}',
      JSON.stringify({ source: 'search', args: 'x'.repeat(600), offset: 0 }),
    ]) {
      expect(decodeSearchState(bad)).toBeUndefined();
    }
  });
  it('dept takes its first word as the department and the rest as keywords', () => {
    const r = toSearch({ source: 'dept', args: '商务局 冷链 年:2023', offset: 0 }, TODAY);
    expect(r.ok && r.search.query).toBe('冷链');
    expect(r.ok && r.search.filters).toEqual({ department: '商务局', dueFrom: '2023-01-01', dueTo: '2023-12-31' });
  });

  it('due takes its window from the first word or two and the rest as keywords and filters', () => {
    const r = toSearch({ source: 'due', args: 'overdue 部门:商务 冷链', offset: 0 }, TODAY);
    expect(r.ok && r.search.query).toBe('冷链');
    expect(r.ok && r.search.filters).toEqual({ department: '商务', dueTo: '2023-02-28' });
    expect(r.ok && r.search.chips[0]).toEqual(['due', 'overdue']);
    const next = toSearch({ source: 'due', args: 'next 90d 地区:天津', offset: 0 }, TODAY);
    expect(next.ok && next.search.filters).toEqual({ region: '天津', dueFrom: TODAY, dueTo: '2023-05-30' });
    // The window wins over a due filter written after it.
    const both = toSearch({ source: 'due', args: '2023 年:2024', offset: 0 }, TODAY);
    expect(both.ok && both.search.filters).toEqual({ dueFrom: '2023-01-01', dueTo: '2023-12-31' });
    expect(both.ok && both.search.chips).toEqual([['due', '2023']]);
    expect(toSearch({ source: 'due', args: '明年 冷链', offset: 0 }, TODAY)).toMatchObject({
      ok: false,
      problem: 'bad_due',
    });
    // A date written with a space is a mistyped window, not a window and a keyword.
    expect(toSearch({ source: 'due', args: '2023 6月', offset: 0 }, TODAY)).toMatchObject({
      ok: false,
      problem: 'bad_due',
    });
    const chinese = toSearch({ source: 'due', args: '未来 90天 冷链', offset: 0 }, TODAY);
    expect(chinese.ok && chinese.search.filters).toEqual({ dueFrom: TODAY, dueTo: '2023-05-30' });
    expect(toSearch({ source: 'due', args: '2023', offset: 0 }, TODAY)).toMatchObject({
      ok: true,
      search: { query: '', filters: { dueFrom: '2023-01-01', dueTo: '2023-12-31' } },
    });
  });
});
