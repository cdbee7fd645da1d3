import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../../src/core/parse/labels.ts';

describe('matchLabel', () => {
  it.each([
    ['一、总体要求', 'han-dun', '一、', 1, '总体要求'],
    ['（三）加强监管', 'paren-han', '（三）', 3, '加强监管'],
    ['(12)完善制度', 'paren-arabic', '(12)', 12, '完善制度'],
    ['２．推进试点', 'arabic-dot', '２．', 2, '推进试点'],
    ['第十二条 本办法自印发之日起施行', 'article', '第十二条', 12, '本办法自印发之日起施行'],
    ['1.2.3 国家级响应', 'decimal-3', '1.2.3', 3, '国家级响应'],
    ['①加强冷链物流建设', 'circled', '①', 1, '加强冷链物流建设'],
    ['⑨完善配套政策', 'circled', '⑨', 9, '完善配套政策'],
    ['⑳开展评估', 'circled', '⑳', 20, '开展评估'],
  ])('%s is labelled', (paragraph, scheme, label, ordinal, rest) => {
    expect(matchLabel(paragraph)).toEqual({ scheme, label, ordinal, rest });
  });

  it.each([
    ['body text', '加快培育新型消费'],
    ['a number that is an amount', '1.5万个5G基站'],
    ['an empty paragraph', ''],
    ['a space before the label', ' 一、总体要求'],
  ])('%s has no label', (_about, paragraph) => {
    expect(matchLabel(paragraph)).toBeNull();
  });
});
