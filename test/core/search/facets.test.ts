import { describe, expect, it } from 'vitest';
import {
  dueFilterSpans,
  dueWindowTokens,
  facetsColumn,
  facetToken,
  MAX_DUE_SPANS,
  scopeMatch,
} from '../../../src/core/search/facets.ts';

describe('facetToken', () => {
  it('is a letter naming the facet, then the exact value in UTF-8 hex: one token of letters and digits', () => {
    expect(facetToken('department', '市商务局')).toBe('ue5b882e59586e58aa1e5b180');
    expect(facetToken('kind', 'policy')).toBe('k706f6c696379');
    expect(facetToken('document', 'tjaa')).toBe('d746a6161');
    for (const v of ['国家发展改革委（国家能源局）', '（）、', '', 'ＸＹＺ 办公室', '江苏省/南京市', '"x', '🏛️局']) {
      expect(facetToken('department', v)).toMatch(/^u[0-9a-f]*$/);
    }
  });

  it('keeps apart what the filters keep apart: script, width, punctuation, and the facet itself', () => {
    expect(facetToken('department', '市商務局')).not.toBe(facetToken('department', '市商务局'));
    expect(facetToken('department', 'ＸＹＺ局')).not.toBe(facetToken('department', 'xyz局'));
    expect(facetToken('department', '发改委（能源局）')).not.toBe(facetToken('department', '发改委能源局'));
    expect(facetToken('department', '天津市')).not.toBe(facetToken('region', '天津市'));
    expect(facetToken('department', '天津市')).not.toBe(facetToken('lead', '天津市'));
  });
});

describe('facetsColumn', () => {
  it('lists each facet token of a measure once', () => {
    expect(
      facetsColumn({
        documentId: 'tjaa',
        departmentNames: ['市商务局', '市商务局', '（）', '市发展改革委'],
        leadDepartmentNames: ['市商务局'],
        regionPath: '天津市',
        documentKind: 'policy',
        dues: ['2023-06-30', '2023-12-31', 'not a date'],
      }),
    ).toBe(
      [
        facetToken('document', 'tjaa'),
        facetToken('department', '市商务局'),
        facetToken('department', '（）'),
        facetToken('department', '市发展改革委'),
        facetToken('lead', '市商务局'),
        facetToken('region', '天津市'),
        facetToken('kind', 'policy'),
        'y2023 m202306 t20230630 m202312 t20231231',
      ].join(' '),
    );
    expect(
      facetsColumn({
        documentId: 'qacc',
        departmentNames: [],
        leadDepartmentNames: [],
        regionPath: null,
        documentKind: 'qa',
        dues: [],
      }),
    ).toBe(`${facetToken('document', 'qacc')} ${facetToken('kind', 'qa')}`);
  });
});

describe('scopeMatch', () => {
  it('ANDs one OR group per filter and takes away the excluded tokens, every token a quoted FTS string', () => {
    expect(scopeMatch('"冷链"', { groups: [['u市商务局', 'u"x'], ['r天津市']], exclude: [] })).toBe(
      '("冷链") AND facets : ("u市商务局" OR "u""x") AND facets : ("r天津市")',
    );
    expect(scopeMatch('"冷链"', { groups: [['r天津市']], exclude: ['dtjaa', 'dhnbb'] })).toBe(
      '(("冷链") AND facets : ("r天津市")) NOT facets : ("dtjaa" OR "dhnbb")',
    );
    expect(scopeMatch('"冷链"', { groups: [], exclude: [] })).toBe('"冷链"');
  });
});

describe('dueWindowTokens', () => {
  const tokens = (from: string, to: string, max?: number) =>
    dueWindowTokens(from, to, max)?.map((s) => s.token) ?? null;

  it('covers a window with whole years, then whole months, then days', () => {
    expect(tokens('2023-01-01', '2023-12-31')).toEqual(['y2023']);
    expect(tokens('2022-01-01', '2024-12-31')).toEqual(['y2022', 'y2023', 'y2024']);
    expect(tokens('2023-06-01', '2023-06-30')).toEqual(['m202306']);
    expect(tokens('2024-02-01', '2024-02-29')).toEqual(['m202402']);
    expect(tokens('2023-11-01', '2024-02-29')).toEqual(['m202311', 'm202312', 'm202401', 'm202402']);
    expect(tokens('2022-12-30', '2023-01-02')).toEqual(['t20221230', 't20221231', 't20230101', 't20230102']);
    expect(tokens('2023-06-30', '2023-06-30')).toEqual(['t20230630']);
    expect(tokens('2023-07-01', '2023-06-30')).toEqual([]);
  });

  it('says which dates each token stands for', () => {
    expect(dueWindowTokens('2023-12-31', '2024-02-29')).toEqual([
      { token: 't20231231', from: '2023-12-31', to: '2023-12-31' },
      { token: 'm202401', from: '2024-01-01', to: '2024-01-31' },
      { token: 'm202402', from: '2024-02-01', to: '2024-02-29' },
    ]);
  });

  it('gives up past the bound, so the window is matched another way', () => {
    expect(tokens('2023-01-02', '2023-01-31', 29)).toBeNull();
    expect(tokens('2023-01-02', '2023-01-31', 30)).toHaveLength(30);
    expect(tokens('1000-01-01', '9999-12-31')).toBeNull();
    expect(tokens('2000-01-01', `${1999 + MAX_DUE_SPANS}-12-31`)).toHaveLength(MAX_DUE_SPANS);
  });
});

describe('dueFilterSpans', () => {
  const tokens = (from: string | undefined, to: string | undefined, first: string | null, last: string | null) =>
    dueFilterSpans(from, to, first, last)?.map((s) => s.token) ?? null;

  it('keeps an open bound within the years targets fall in, and a given bound as it is', () => {
    expect(tokens(undefined, '2022-12-31', '2021-06-30', '2030-12-31')).toEqual(['y2021', 'y2022']);
    expect(tokens('2029-07-01', undefined, '2021-06-30', '2030-06-30')).toEqual([
      'm202907',
      'm202908',
      'm202909',
      'm202910',
      'm202911',
      'm202912',
      'y2030',
    ]);
    expect(tokens('2023-01-01', '2023-12-31', '2021-06-30', '2030-06-30')).toEqual(['y2023']);
  });

  it('is empty outside those years or without targets, and gives up before year 1000', () => {
    expect(tokens('2031-01-01', undefined, '2021-06-30', '2030-06-30')).toEqual([]);
    expect(tokens(undefined, '2022-12-31', null, null)).toEqual([]);
    expect(tokens(undefined, '2022-12-31', '0050-12-31', '2030-06-30')).toBeNull();
  });
});
