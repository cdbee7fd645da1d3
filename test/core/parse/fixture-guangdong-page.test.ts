import { describe, expect, it } from 'vitest';
import { parseFixture, rolesByMeasure, targetsByMeasure } from './fixture.ts';

/** A gov.cn-style page: navigation chrome, a 索引号/发文机关/成文日期/发文字号 table, footer links. */
describe('fixture: Guangdong provincial government web page', () => {
  const doc = parseFixture('guangdong-gov-page.html');

  it('reads the metadata table, not the chrome or the cited number', () => {
    expect(doc.title).toBe('广东省人民政府办公厅关于加快发展新型消费的实施意见');
    expect(doc.region).toBe('广东省');
    expect(doc.issuer).toBe('广东省人民政府办公厅');
    expect(doc.docNumber).toBe('粤府办〔2024〕11号');
    expect(doc.publishedOn).toBe('2024-05-20');
  });

  it('finds the four measures and leaves the closing paragraph and footer out', () => {
    expect(doc.measures.map((m) => [m.label, m.title, m.section])).toEqual([
      ['（一）', '发展智慧零售', '培育新型消费业态'],
      ['（二）', '壮大直播电商', '培育新型消费业态'],
      ['（三）', '加快新型信息基础设施建设', '完善新型消费基础设施'],
      ['（四）', '完善城乡物流配送网络', '完善新型消费基础设施'],
    ]);
    const last = doc.measures[3]!.text;
    expect(last).not.toContain('结合实际制定具体措施');
    expect(last).not.toContain('网站标识码');
  });

  it('reads A牵头，B、C配合, half-width brackets and abbreviated lists', () => {
    expect(rolesByMeasure(doc)).toEqual({
      '（一）': [['省商务厅:lead', '省发展改革委:co', '省工业和信息化厅:co']],
      '（二）': [['省商务厅:lead', '省市场监管局:co']],
      '（三）': [['省通信管理局:lead', '省工业和信息化厅:co']],
      '（四）': [['省工业和信息化厅:lead', '交通运输厅:co', '商务厅:co', '邮政管理局:co']],
    });
    expect(doc.measures[3]!.tasks[0]!.departmentsIncomplete).toBe(true);
  });

  it('dates the targets', () => {
    expect(targetsByMeasure(doc)).toEqual({
      '（一）': ['2025-12-31/year'],
      '（二）': ['2024-12-31/year'],
      '（三）': ['2025-06-30/month'],
      '（四）': ['2027-12-31/year'],
    });
  });
});
