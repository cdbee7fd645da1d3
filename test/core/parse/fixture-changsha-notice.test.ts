import { describe, expect, it } from 'vitest';
import { allTargets, parseFixture, rolesByMeasure, targetsByMeasure } from './fixture.ts';

/**
 * A 印发…的通知 wrapping the plan: the number, issuer and date are the notice's (its 落款 sits above the plan
 * text), and the plan's measures follow.
 */
describe('fixture: Changsha notice wrapping a night-economy plan', () => {
  const doc = parseFixture('changsha-notice-plan.txt');

  it('takes number, issuer and date from the notice, not from cited documents', () => {
    expect(doc.title).toBe('长沙市人民政府办公厅关于印发《长沙市加快发展夜间经济三年行动计划（2024—2026年）》的通知');
    expect(doc.docNumber).toBe('长政办发〔2024〕9号');
    expect(doc.issuer).toBe('长沙市人民政府办公厅');
    expect(doc.publishedOn).toBe('2024-04-18');
    expect(doc.region).toBe('湖南省');
  });

  it('finds the plan measures after the notice', () => {
    expect(doc.measures.map((m) => [m.label, m.title, m.section])).toEqual([
      ['（一）', '打造夜间消费地标', '重点任务'],
      ['（二）', '丰富夜间文旅产品', '重点任务'],
      ['（三）', '优化夜间交通服务', '重点任务'],
      ['（四）', '提升夜间消费便利度', '重点任务'],
      ['（五）', '加强组织领导', '保障措施'],
    ]);
  });

  it('reads 牵头单位/配合单位 brackets, including names with their own brackets', () => {
    expect(rolesByMeasure(doc)).toEqual({
      '（一）': [['市商务局:lead', '市财政局:co', '市市场监管局:co']],
      '（二）': [['市文化旅游广电局:lead', '市商务局:co', '各区县（市）人民政府:co']],
      '（三）': [['市交通运输局:lead', '长沙市轨道交通集团:co']],
      '（四）': [['市商务局:lead', '市公安局:co', '市城管执法局:co', '市通信管理办公室:co']],
      '（五）': [['市商务局:lead']],
    });
  });

  it('resolves 年底前 against the notice date and skips recurring quotas', () => {
    expect(targetsByMeasure(doc)).toEqual({
      '（一）': ['2024-09-30/month'],
      '（二）': [],
      '（三）': ['2024-12-31/year'],
      '（四）': ['2025-12-31/year'],
      '（五）': [],
    });
    expect(allTargets(doc).find((t) => t.due === '2025-12-31')!.quantity).toBe('全覆盖');
  });
});
