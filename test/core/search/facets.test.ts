import { describe, expect, it } from 'vitest';
import { facetsColumn, facetToken, scopeMatch } from '../../../src/core/search/facets.ts';

describe('facetToken', () => {
  it('makes a whole value one token: normalised, without the characters between words', () => {
    expect(facetToken('department', '国家发展改革委（国家能源局）')).toBe('u国家发展改革委国家能源局');
    expect(facetToken('department', '市商務局')).toBe('u市商务局');
    expect(facetToken('department', 'ＸＹＺ 办公室')).toBe('uxyz办公室');
    expect(facetToken('region', '江苏省/南京市')).toBe('r江苏省南京市');
    expect(facetToken('kind', 'policy')).toBe('kpolicy');
  });

  it('keeps a department and a region of the same name apart, and has no token for a value without words', () => {
    expect(facetToken('department', '天津市')).not.toBe(facetToken('region', '天津市'));
    expect(facetToken('department', '（）、')).toBeNull();
  });
});

describe('facetsColumn', () => {
  it('lists each facet token of a measure once', () => {
    expect(
      facetsColumn({
        documentId: 'tjaa',
        departmentNames: ['市商务局', '市商务局', '（）'],
        regionPath: '天津市',
        documentKind: 'policy',
      }),
    ).toBe('dtjaa u市商务局 r天津市 kpolicy');
    expect(facetsColumn({ documentId: 'qacc', departmentNames: [], regionPath: null, documentKind: 'qa' })).toBe(
      'dqacc kqa',
    );
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
