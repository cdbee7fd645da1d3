import { describe, expect, it } from 'vitest';
import { allTargets, parseFixture, rolesByMeasure, targetsByMeasure } from './fixture.ts';

/** A provincial action plan: 一、 sections, 1. items, （责任单位：…）/（牵头单位：…；配合单位：…） brackets. */
describe('fixture: Sichuan county-commerce action plan', () => {
  const doc = parseFixture('sichuan-county-plan.txt');

  it('reads the metadata from the title and the 落款', () => {
    expect(doc.kind).toBe('policy');
    expect(doc.title).toBe('四川省促进县域商业高质量发展行动方案（2024—2026年）');
    expect(doc.region).toBe('四川省');
    expect(doc.issuer).toBe('四川省人民政府办公厅');
    // 商流通发〔2023〕55号 is a cited document.
    expect(doc.docNumber).toBeNull();
    expect(doc.publishedOn).toBe('2024-03-15');
  });

  it('finds the six numbered measures with their sections', () => {
    expect(doc.measures.map((m) => [m.label, m.ordinal, m.title, m.section])).toEqual([
      ['1.', 1, '改造提升县城商业设施', '完善县域商业网络'],
      ['2.', 2, '发展乡镇商贸中心', '完善县域商业网络'],
      ['3.', 3, '完善县乡村三级物流体系', '畅通农村物流配送'],
      ['4.', 4, '发展农村电子商务', '畅通农村物流配送'],
      ['5.', 5, '加强组织领导', '保障措施'],
      ['6.', 6, '强化资金支持', '保障措施'],
    ]);
    expect(doc.measures[5]!.text).not.toContain('四川省人民政府办公厅');
  });

  it('reads every bracket form with roles', () => {
    expect(rolesByMeasure(doc)).toEqual({
      '1.': [['省商务厅:lead', '省发展改革委:co', '各市州人民政府:co']],
      '2.': [['省商务厅:lead', '省财政厅:co', '省市场监管局:co']],
      '3.': [['省邮政管理局:lead', '省交通运输厅:co', '省供销合作社:co']],
      '4.': [['省商务厅:lead', '省农业农村厅:co', '各市州人民政府:co']],
      '5.': [['省商务厅:lead']],
      '6.': [['省财政厅:lead', '省商务厅:co']],
    });
    expect(doc.measures[2]!.tasks[0]!.departmentsIncomplete).toBe(true);
    expect(doc.measures[0]!.tasks[0]!.departmentsIncomplete).toBe(false);
  });

  it('dates targets of every form, resolving 上半年 / 年底前 against the 落款 year', () => {
    expect(targetsByMeasure(doc)).toEqual({
      '1.': ['2024-06-30/month', '2025-12-31/year'],
      '2.': ['2025-09-30/quarter'],
      '3.': ['2025-12-31/year'],
      '4.': ['2024-06-30/half'],
      '5.': ['2024-12-31/year'],
      '6.': ['2030-12-31/period/2026-01-01'],
    });
    const [first] = doc.measures[0]!.tasks[0]!.targets.slice(1);
    expect(first!.text).toBe('到2025年全省改造提升县城综合商贸服务中心100个以上');
    expect(first!.quantity).toBe('100个以上');
    expect(doc.measures[1]!.tasks[0]!.targets[0]!.quantity).toBe('90%');
    expect(doc.measures[2]!.tasks[0]!.targets[0]!.quantity).toBe('全覆盖');
  });

  it('does not take past statistics or recurring quotas for targets', () => {
    const quotes = allTargets(doc).map((t) => t.text).join('|');
    expect(quotes).not.toContain('增长12.5%');
    expect(quotes).not.toContain('每年');
  });
});
