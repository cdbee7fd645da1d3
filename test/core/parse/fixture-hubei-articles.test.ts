import { describe, expect, it } from 'vitest';
import { allTargets, parseFixture } from './fixture.ts';

/** Measures written as a regulation: 第一章 chapters, 第一条 articles, no brackets, 有效期3年. */
describe('fixture: Hubei fund management measures (articles)', () => {
  const doc = parseFixture('hubei-fund-measures.txt');

  it('reads metadata, joint issuers and the validity period', () => {
    expect(doc.title).toBe('湖北省县域商业体系建设专项资金管理暂行办法');
    expect(doc.region).toBe('湖北省');
    expect(doc.issuer).toContain('湖北省财政厅');
    expect(doc.issuer).toContain('湖北省商务厅');
    // 鄂政发〔2019〕12号 is cited in the first article.
    expect(doc.docNumber).toBeNull();
    expect(doc.publishedOn).toBe('2023-06-12');
    expect(doc.effectiveOn).toBe('2023-06-12');
    expect(doc.expiresOn).toBe('2026-06-11');
  });

  it('numbers articles under their chapters, keeping （一） sub-items inside the article', () => {
    expect(doc.measures.map((m) => [m.label, m.ordinal, m.section])).toEqual([
      ['第一条', 1, '总则'],
      ['第二条', 2, '总则'],
      ['第三条', 3, '总则'],
      ['第四条', 4, '支持范围和标准'],
      ['第五条', 5, '支持范围和标准'],
      ['第六条', 6, '申报和审核'],
      ['第七条', 7, '附则'],
      ['第八条', 8, '附则'],
    ]);
    expect(doc.measures[3]!.title).toBe('专项资金重点支持以下方向');
    expect(doc.measures[3]!.text).toContain('（三）村级便民商店改造');
    expect(doc.measures[7]!.text).not.toContain('湖北省财政厅');
  });

  it('names no departments where an article has no bracket', () => {
    expect(doc.measures.every((m) => m.tasks.every((t) => t.departments.length === 0 && t.responsibility === null))).toBe(true);
  });

  it('dates only the one-off deadlines, not the yearly ones or past figures', () => {
    expect(allTargets(doc).map((t) => `${t.due}/${t.precision}`)).toEqual(['2023-12-31/day', '2024-03-31/quarter']);
    expect(allTargets(doc)[0]!.text).toBe('2023年12月31日前完成首批项目审核');
  });
});
