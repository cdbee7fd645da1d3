import { describe, expect, it } from 'vitest';
import { parseDeptSearch, parseDue, parseDueSearch, parseSearchText } from '../../../src/core/search/query-text.ts';

const TODAY = '2023-03-01';

describe('parseSearchText', () => {
  it('separates keywords from filters in Chinese and English forms, full-width colons included', () => {
    const r = parseSearchText('冷链 部门:商务 地区：天津 年:2023 现行 物流', TODAY);
    expect(r).toEqual({
      ok: true,
      search: {
        query: '冷链 物流',
        filters: { department: '商务', region: '天津', dueFrom: '2023-01-01', dueTo: '2023-12-31', inForce: true },
        chips: [
          ['department', '商务'],
          ['region', '天津'],
          ['due', '2023'],
          ['inForce', '✓'],
        ],
      },
    });
    const en = parseSearchText('dept:"发展改革委" region:湖南 due:2023-06 in-force kind:answer', TODAY);
    expect(en.ok && en.search.filters).toEqual({
      department: '发展改革委',
      region: '湖南',
      dueFrom: '2023-06-01',
      dueTo: '2023-06-30',
      inForce: true,
      kind: 'answer',
    });
    expect(en.ok && en.search.query).toBe('');
  });
  it('keeps unknown key:value words and empty values as keywords', () => {
    const r = parseSearchText('5G:基站 部门: 冷链', TODAY);
    expect(r.ok && r.search.query).toBe('5G:基站 部门: 冷链');
  });
  it('reports a bad due or kind instead of guessing', () => {
    expect(parseSearchText('冷链 年:明年', TODAY)).toEqual({ ok: false, problem: 'bad_due', value: '明年' });
    expect(parseSearchText('kind:law', TODAY)).toEqual({ ok: false, problem: 'bad_kind', value: 'law' });
  });
});

describe('parseDue', () => {
  it.each([
    ['2023', '2023-01-01', '2023-12-31'],
    ['2023年', '2023-01-01', '2023-12-31'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2024年2月', '2024-02-01', '2024-02-29'],
    ['2023-06-30', '2023-06-30', '2023-06-30'],
    ['next 90d', TODAY, '2023-05-30'],
    ['90天', TODAY, '2023-05-30'],
    ['未来2周', TODAY, '2023-03-15'],
  ])('%s → %s..%s', (spec, from, to) => {
    expect(parseDue(spec, TODAY)).toMatchObject({ dueFrom: from, dueTo: to });
  });
  it('overdue is everything before today', () => {
    expect(parseDue('overdue', TODAY)).toEqual({ dueTo: '2023-02-28', label: 'overdue' });
  });
  it.each(['2023-13', '2023-02-30', 'soon', 'next 0d', ''])('rejects %s', (spec) =>
    expect(parseDue(spec, TODAY)).toBeUndefined(),
  );
});

describe('parseSearchText: chat markup', () => {
  it('ignores <!channel>, user and channel mentions in a search', () => {
    const parsed = parseSearchText('<!channel> 冷链 <@U123|wang> <#C1|general>', '2026-11-22');
    expect(JSON.stringify(parsed)).toContain('冷链');
    expect(JSON.stringify(parsed)).not.toMatch(/channel|U123|C1/);
  });
});

describe('parseDueSearch and parseDeptSearch: the text after a subcommand', () => {
  const today = '2023-03-01';

  it('reads a window of one or two words, then keywords and filters; the window wins over a due filter', () => {
    expect(parseDueSearch('overdue 部门:商务 冷链', today)).toMatchObject({
      ok: true,
      search: { query: '冷链', filters: { department: '商务', dueTo: '2023-02-28' } },
    });
    expect(parseDueSearch('next 30d', today)).toMatchObject({
      ok: true,
      search: { query: '', filters: { dueFrom: today, dueTo: '2023-03-31' }, chips: [['due', 'next 30d']] },
    });
    expect(parseDueSearch('近 30天 地区:天津', today)).toMatchObject({
      ok: true,
      search: { filters: { region: '天津', dueFrom: today, dueTo: '2023-03-31' } },
    });
    const both = parseDueSearch('2023 due:2024', today);
    expect(both.ok && both.search.filters).toEqual({ dueFrom: '2023-01-01', dueTo: '2023-12-31' });
  });

  it('refuses what is not a window, and a date broken by a space', () => {
    expect(parseDueSearch('冷链', today)).toEqual({ ok: false, problem: 'bad_due', value: '冷链' });
    expect(parseDueSearch('2023 6月', today)).toEqual({ ok: false, problem: 'bad_due', value: '2023 6月' });
  });

  it('dept takes its first word as the department', () => {
    expect(parseDeptSearch('商务局 冷链', today)).toMatchObject({
      ok: true,
      search: { query: '冷链', filters: { department: '商务局' }, chips: [['department', '商务局']] },
    });
  });
});
