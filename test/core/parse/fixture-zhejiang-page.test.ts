import { describe, expect, it } from 'vitest';
import { parseFixture, rolesByMeasure, targetsByMeasure } from './fixture.ts';

/**
 * A provincial site page of a 印发…的通知: long navigation, the number only in the metadata table, the
 * notice's 落款 above the plan, and a width-normalised body ((一), `,`, `:`).
 */
describe('fixture: Zhejiang notice page (web-normalised plan)', () => {
  const doc = parseFixture('zhejiang-notice-page.html');

  it('reads the notice metadata from the page table and its 落款', () => {
    expect(doc.title).toBe('浙江省人民政府办公厅关于印发浙江省推进农村电子商务高质量发展行动方案（2024—2027年）的通知');
    expect(doc.region).toBe('浙江省');
    expect(doc.issuer).toBe('浙江省人民政府办公厅');
    expect(doc.docNumber).toBe('浙政办发〔2024〕5号');
    expect(doc.publishedOn).toBe('2024-01-23');
  });

  it('finds the half-width numbered measures of the plan', () => {
    expect(doc.measures.map((m) => [m.label, m.title, m.section])).toEqual([
      ['(一)', '建设农村电商服务体系', '重点任务'],
      ['(二)', '培育农村电商主体', '重点任务'],
      ['(三)', '完善农村寄递物流', '重点任务'],
      ['(四)', '加大政策支持', '保障措施'],
    ]);
    expect(doc.measures[3]!.text).not.toContain('扫一扫');
  });

  it('reads half-width brackets and keeps 各市、县(市、区)政府 as one collective body', () => {
    expect(rolesByMeasure(doc)).toEqual({
      '(一)': [['省商务厅:lead', '省农业农村厅:co', '省供销社:co', '各市、县(市、区)政府:co']],
      '(二)': [['省商务厅:lead', '省农业农村厅:co']],
      '(三)': [['省邮政管理局:lead', '省交通运输厅:co', '省商务厅:co']],
      '(四)': [['省财政厅:lead', '省商务厅:co']],
    });
  });

  it('dates the targets with their quantities', () => {
    expect(targetsByMeasure(doc)).toEqual({
      '(一)': ['2024-12-31/year'],
      '(二)': ['2025-06-30/half'],
      '(三)': ['2025-12-31/year'],
      '(四)': [],
    });
    const quantities = doc.measures.flatMap((m) => m.tasks.flatMap((t) => t.targets.map((x) => x.quantity)));
    expect(quantities).toEqual(['全覆盖', '500个以上', '100%']);
  });
});
