import { beforeAll, describe, expect, it } from 'vitest';
import { aliasAlternatives, departmentPatterns, departmentStem } from '../../../src/core/search/department-aliases.ts';
import { warmSegmenter } from '../../../src/search/jieba-segmenter.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(testSegmenter), 60_000);
const jieba = testSegmenter;

const matches = (input: string, name: string) => departmentPatterns(input).some((p) => name.includes(p));

describe('department aliases', () => {
  it.each([
    ['人社', '省人力资源社会保障厅'],
    ['人社局', '省人力资源社会保障厅'],
    ['人力资源社会保障厅', '市人社局'],
    ['发改委', '市发展改革委'],
    ['发展改革委', '国家发改委'],
    ['工信', '省工业和信息化厅'],
    ['工信局', '市工业和信息化局'],
    ['网信办', '市委网信办'],
    ['市场监管', '市市场监管委'],
    ['市场监管局', '省市场监督管理局'],
    ['商务', '省商务厅'],
    ['商务局', '省商务厅'],
    ['卫健委', '市卫生健康委'],
    ['文旅', '市文化和旅游局'],
    ['ＳＨＡＮＧ商务', 'shang商务局'],
  ])('%s matches %s', (input, name) => {
    expect(matches(input, name)).toBe(true);
  });

  it.each([
    ['人社', '省商务厅'],
    ['发改委', '市工业和信息化局'],
    ['省人社厅', '市人力资源社会保障局'],
    ['商务', '市场监管局'],
  ])('%s does not match %s', (input, name) => {
    expect(matches(input, name)).toBe(false);
  });

  it('strips only the kind suffix, and only when a name remains', () => {
    expect(departmentStem('网信办')).toBe('网信');
    expect(departmentStem('市场监管局')).toBe('市场监管');
    expect(departmentStem('局')).toBe('局');
  });

  it('offers the full spellings of an alias for free-text queries, nothing for ordinary words', () => {
    expect(aliasAlternatives('人社', jieba)).toContainEqual(['人力资源', '社会保障']);
    expect(aliasAlternatives('发改委', jieba).map((w) => w.join(''))).toContain('发展改革');
    expect(aliasAlternatives('冷链', jieba)).toEqual([]);
  });
});

describe('department aliases from the lexicon of government bodies', () => {
  it.each([
    ['证监会', '中国证券监督管理委员会'],
    ['央行', '中国人民银行'],
    ['银保监会', '中国银行保险监督管理委员会'],
    ['国家发改委', '国家发展改革委'],
    ['市场监管总局', '国家市场监督管理总局'],
    ['药监局', '国家药品监督管理局'],
    ['医保局', '市医疗保障局'],
  ])('%s matches %s', (input, name) => {
    expect(matches(input, name)).toBe(true);
  });

  it('offers a central body’s full name for its short form', () => {
    expect(aliasAlternatives('证监会', jieba).map((w) => w.join(''))).toContain('中国证券监督管理');
  });
});
