import { describe, expect, it } from 'vitest';
import { allTargets, parseFixture, rolesByMeasure, targetsByMeasure } from './fixture.ts';

/** Flat （一） measures, a title wrapped after 关于, 自…起施行，有效期3年, 明年 relative to a 2023 落款. */
describe('fixture: Tianjin consumption measures (2023)', () => {
  const doc = parseFixture('tianjin-consumption-2023.txt');

  it('reads the wrapped title, number and validity', () => {
    expect(doc.title).toBe('天津市人民政府办公厅关于进一步促进消费扩容提质的若干措施');
    expect(doc.region).toBe('天津市');
    expect(doc.issuer).toBe('天津市人民政府办公厅');
    expect(doc.docNumber).toBe('津政办规〔2023〕18号');
    expect(doc.publishedOn).toBe('2023-11-20');
    expect(doc.effectiveOn).toBe('2024-01-01');
    expect(doc.expiresOn).toBe('2026-12-31');
  });

  it('finds four measures without sections and keeps the closing clause out', () => {
    expect(doc.measures.map((m) => [m.label, m.title, m.section])).toEqual([
      ['（一）', '稳定汽车消费', null],
      ['（二）', '扩大餐饮消费', null],
      ['（三）', '发展夜间经济', null],
      ['（四）', '优化消费环境', null],
    ]);
    expect(doc.measures[3]!.text).not.toContain('有效期');
  });

  it('reads 牵头 + 按职责分工负责 brackets; a list outside brackets is not required', () => {
    const roles = rolesByMeasure(doc);
    expect(roles['（一）']).toEqual([['市商务局:lead', '市财政局:co', '市公安局交管局:co']]);
    expect(roles['（二）']).toEqual([['市商务局:lead', '市文化和旅游局:co']]);
    expect(roles['（三）']).toEqual([['各区人民政府:lead']]);
    expect(doc.measures[1]!.tasks[0]!.departmentsIncomplete).toBe(true);
    expect(doc.measures[0]!.tasks[0]!.departmentsIncomplete).toBe(false);
  });

  it('dates targets against the 2023 落款 and skips the 2022 statistic', () => {
    const byMeasure = targetsByMeasure(doc);
    expect(byMeasure['（一）']).toEqual(['2023-12-31/day']);
    expect(byMeasure['（二）']).toEqual(['2024-09-30/quarter', '2025-12-31/year']);
    expect(byMeasure['（三）']).toEqual(['2024-06-30/half']);
    expect(byMeasure['（四）']).toEqual([]);
    expect(allTargets(doc).map((t) => t.quantity)).toEqual([null, null, '15条', '5个']);
  });
});
