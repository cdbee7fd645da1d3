import { describe, expect, it } from 'vitest';
import { allTargets, parseFixture, rolesByMeasure, targetsByMeasure } from './fixture.ts';

/** Markdown copy: 1、 items under ## 一、 headings, 【责任单位】 on its own line after each item. */
describe('fixture: Nanchang livestream e-commerce measures (Markdown)', () => {
  const doc = parseFixture('nanchang-livestream.md');

  it('reads metadata and the fixed expiry date', () => {
    expect(doc.title).toBe('南昌市促进直播电商高质量发展若干措施');
    expect(doc.region).toBe('江西省');
    expect(doc.issuer).toBe('南昌市人民政府办公室');
    expect(doc.publishedOn).toBe('2024-07-02');
    expect(doc.effectiveOn).toBe('2024-07-02');
    expect(doc.expiresOn).toBe('2026-12-31');
  });

  it('finds 1、 items with their sections and keeps the closing clause out', () => {
    expect(doc.measures.map((m) => [m.label, m.title, m.section])).toEqual([
      ['1、', '引育头部直播机构', '培育直播电商主体'],
      ['2、', '打造直播电商基地', '培育直播电商主体'],
      ['3、', '开展直播人才培训', '壮大直播电商人才'],
      ['4、', '完善人才政策', '壮大直播电商人才'],
    ]);
    expect(doc.measures[3]!.text).not.toContain('有效期');
  });

  it('reads 【责任单位】 / 【牵头单位】【配合单位】 lines as the item responsibility', () => {
    expect(rolesByMeasure(doc)).toEqual({
      '1、': [['市商务局:lead', '市财政局:co', '各县（区）人民政府:co']],
      '2、': [['市商务局:lead']],
      '3、': [['市人力资源社会保障局:lead', '市商务局:co', '市总工会:co']],
      '4、': [['市委人才办:lead', '市人力资源社会保障局:co']],
    });
    expect(doc.measures[0]!.tasks[0]!.responsibility).toBe('【责任单位】市商务局、市财政局，各县（区）人民政府');
  });

  it('dates targets, skipping codes, rewards thresholds and yearly quotas', () => {
    expect(targetsByMeasure(doc)).toEqual({
      '1、': ['2027-12-31/year'],
      '2、': ['2025-12-31/year'],
      '3、': ['2025-12-31/year'],
      '4、': ['2030-12-31/period/2026-01-01'],
    });
    expect(allTargets(doc)[0]!.quantity).toBe('20家以上');
    expect(allTargets(doc)[2]!.text).toBe('到2025年累计培训直播人才1万人次');
  });
});
