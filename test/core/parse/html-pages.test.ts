import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixture.ts';

/**
 * Saved government pages in the layouts of provincial and county sites (fixtures written in the genre): what a
 * reader of the page takes from it. Expectations come from the page, not from the parser.
 */
describe('provincial order page: 第一条 in its own element, the order 现予公布 above the regulation', () => {
  const doc = parseFixture('hebei-regulation-order-page.html');

  it('reads the metadata: ArticleTitle, the order number, the masthead issuer, the order date, the start date', () => {
    expect(doc.title).toBe('河北省城市供水用水管理规定');
    expect(doc.docNumber).toBe('政府令〔2023〕第8号');
    expect(doc.issuer).toBe('河北省人民政府');
    expect(doc.region).toBe('河北省');
    // The order is dated by the 省长's signature; the page's PubDate is when the site posted it.
    expect(doc.publishedOn).toBe('2023-10-30');
    expect(doc.effectiveOn).toBe('2024-01-01');
  });

  it('is a regulation whose articles are its measures, under their chapters', () => {
    expect(doc.kind).toBe('policy');
    expect(doc.notes.find((n) => n.kind === 'kind')!.message).toContain('regulation');
    expect(doc.measures.map((m) => [m.label, m.section])).toEqual([
      ['第一条', '总　　则'],
      ['第二条', '总　　则'],
      ['第三条', '总　　则'],
      ['第四条', '供水设施建设'],
      ['第五条', '供水设施建设'],
      ['第六条', '附　　则'],
    ]);
    expect(doc.measures[0]!.title).toBe(
      '为了加强城市供水用水管理，保障城市生活、生产用水，根据有关法律、法规，结合本省实际，制定本规定',
    );
    expect(doc.measures[3]!.text).toContain('（三）同步建设水质检测设施');
  });

  it('keeps the 2025 deadline and leaves the page chrome out', () => {
    expect(doc.measures[4]!.tasks.flatMap((t) => t.targets.map((x) => x.due))).toEqual(['2025-12-31']);
    const all = doc.measures.map((m) => m.text).join('\n');
    for (const chrome of ['相关文章', '打印本页', '网站标识码', '分享到', '扫一扫', '统计', '政务公开'])
      expect(all).not.toContain(chrome);
  });
});

describe('county page: metadata as a list with values in their own elements, 一、 articles under 第一章', () => {
  const doc = parseFixture('county-rules-page.html');

  it('reads the number from the list, the title without （转载） or the site name, the notice’s 落款', () => {
    expect(doc.title).toBe('某县人民政府关于印发某县政务公开工作规则的通知');
    expect(doc.docNumber).toBe('某政发〔2024〕9号');
    expect(doc.issuer).toBe('某县人民政府');
    expect(doc.publishedOn).toBe('2024-04-02');
  });

  it('takes the 一、 items as the measures, with their chapters as sections', () => {
    expect(doc.notes.find((n) => n.kind === 'kind')!.message).toContain('regulation');
    expect(doc.measures.map((m) => [m.label, m.section])).toEqual([
      ['一、', '总则'],
      ['二、', '总则'],
      ['三、', '公开内容'],
      ['四、', '公开内容'],
      ['五、', '监督保障'],
    ]);
    expect(doc.measures[3]!.text).toContain('（二）重大民生项目');
    expect(doc.measures[4]!.text).not.toContain('版权所有');
  });
});
