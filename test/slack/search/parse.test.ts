import { describe, expect, it } from 'vitest';
import { routeCommand } from '../../../src/slack/subcommands/route.ts';
import { parseSearchText } from '../../../src/slack/search/parse-search.ts';
import { parseDue } from '../../../src/slack/search/parse-due.ts';
import { namesOf } from '../../../src/slack/kit/subcommand.ts';
import { subcommands } from '../../../src/slack/subcommands/index.ts';
import { decodeSearchRequest, encodeSearchRequest, toSearch } from '../../../src/slack/search/search-request.ts';

const names = namesOf(subcommands);
const TODAY = '2023-03-01';

describe('routeCommand', () => {
  it('empty text and help words give help', () => {
    for (const t of ['', '   ', '\u3000', 'help', 'HELP', '帮助', '?']) expect(routeCommand(t, names)).toEqual({ kind: 'help' });
  });
  it('known first words select a subcommand (any case, full-width spaces), the rest are its args', () => {
    expect(routeCommand('show abcd-4', names)).toEqual({ kind: 'subcommand', name: 'show', args: 'abcd-4' });
    expect(routeCommand('SHOW\u3000abcd-4', names)).toEqual({ kind: 'subcommand', name: 'show', args: 'abcd-4' });
    expect(routeCommand('部门 商务局 冷链', names)).toEqual({ kind: 'subcommand', name: 'dept', args: '商务局 冷链' });
    expect(routeCommand('due next 90d', names)).toEqual({ kind: 'subcommand', name: 'due', args: 'next 90d' });
  });
  it('anything else is a keyword search', () => {
    expect(routeCommand('冷链 物流', names)).toEqual({ kind: 'search', text: '冷链 物流' });
    expect(routeCommand('showroom', names)).toEqual({ kind: 'search', text: 'showroom' });
  });
  it('refuses two subcommands claiming the same word', () => {
    expect(() => namesOf([...subcommands, { name: 'x', aliases: ['show'], run: () => undefined }])).toThrow(/used twice/);
  });
});

describe('parseSearchText', () => {
  it('separates keywords from filters in Chinese and English forms, full-width colons included', () => {
    const r = parseSearchText('冷链 部门:商务 地区：天津 年:2023 现行 物流', TODAY);
    expect(r).toEqual({
      ok: true,
      search: {
        query: '冷链 物流',
        filters: { department: '商务', region: '天津', dueFrom: '2023-01-01', dueTo: '2023-12-31', inForce: true },
        chips: [['department', '商务'], ['region', '天津'], ['due', '2023'], ['inForce', '✓']],
      },
    });
    const en = parseSearchText('dept:"发展改革委" region:湖南 due:2023-06 in-force kind:answer', TODAY);
    expect(en.ok && en.search.filters).toEqual({ department: '发展改革委', region: '湖南', dueFrom: '2023-06-01', dueTo: '2023-06-30', inForce: true, kind: 'answer' });
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
  it.each(['2023-13', '2023-02-30', 'soon', 'next 0d', ''])('rejects %s', (spec) => expect(parseDue(spec, TODAY)).toBeUndefined());
});

describe('search requests in button values', () => {
  it('round-trip, and anything tampered decodes to undefined', () => {
    const r = { source: 'dept' as const, args: '商务局 冷链', offset: 8 };
    expect(decodeSearchRequest(encodeSearchRequest(r))).toEqual(r);
    for (const bad of ['', 'x', '{"source":"sql","args":"","offset":0}', '{"source":"search","args":"a","offset":-1}', JSON.stringify({ source: 'search', args: 'x'.repeat(600), offset: 0 })]) {
      expect(decodeSearchRequest(bad)).toBeUndefined();
    }
  });
  it('dept takes its first word as the department and the rest as keywords', () => {
    const r = toSearch({ source: 'dept', args: '商务局 冷链 年:2023', offset: 0 }, TODAY);
    expect(r.ok && r.search.query).toBe('冷链');
    expect(r.ok && r.search.filters).toEqual({ department: '商务局', dueFrom: '2023-01-01', dueTo: '2023-12-31' });
  });
});

describe('parseSearchText: Slack tokens', () => {
  it('ignores <!channel>, user and channel mentions in a search', async () => {
    const { parseSearchText } = await import('../../../src/slack/search/parse-search.ts');
    const parsed = parseSearchText('<!channel> 冷链 <@U123|wang> <#C1|general>', '2026-11-22');
    expect(JSON.stringify(parsed)).toContain('冷链');
    expect(JSON.stringify(parsed)).not.toMatch(/channel|U123|C1/);
  });
});
