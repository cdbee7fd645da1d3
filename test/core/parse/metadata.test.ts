import { describe, expect, it } from 'vitest';
import { parseLines } from './helpers.ts';

const body = ['（一）发展智慧商店。（省商务厅牵头负责）', '（二）促进汽车消费。（省发展改革委）'];

describe('document metadata', () => {
  it('reads the number, the signature date and issuer, and 自印发之日起施行', () => {
    const doc = parseLines([
      '当前位置：首页 > 政策文件',
      '江苏省人民政府办公厅关于',
      '促进新型消费的实施意见',
      '苏政办发[2022]7号',
      '各设区市人民政府：',
      '为贯彻落实《国务院办公厅关于以新业态新模式引领新型消费加快发展的意见》（国办发〔2020〕32号），提出如下意见。',
      ...body,
      '本意见自印发之日起施行，有效期5年。',
      '江苏省人民政府办公厅',
      '2022年3月15日',
      '（此件公开发布）',
    ]);
    expect(doc.title).toBe('江苏省人民政府办公厅关于促进新型消费的实施意见');
    expect(doc.docNumber).toBe('苏政办发〔2022〕7号');
    expect(doc.issuer).toBe('江苏省人民政府办公厅');
    expect(doc.region).toBe('江苏省');
    expect(doc.publishedOn).toBe('2022-03-15');
    expect(doc.effectiveOn).toBe('2022-03-15');
    expect(doc.expiresOn).toBe('2027-03-14');
    expect(doc.measures).toHaveLength(2);
  });

  it('never takes a cited number for its own, and reads 二〇二一 dates', () => {
    const doc = parseLines(['广西壮族自治区促进消费工作方案', '根据《意见》（国办发〔2020〕32号），制定本方案。', ...body, '二〇二一年十月九日']);
    expect(doc.docNumber).toBeNull();
    expect(doc.region).toBe('广西壮族自治区');
    expect(doc.publishedOn).toBe('2021-10-09');
  });

  it('finds the region from a doc number abbreviation, and national bodies as 全国', () => {
    expect(parseLines(['关于促进消费的实施意见', '渝府办发〔2022〕12号', ...body]).region).toBe('重庆市');
    expect(parseLines(['国家发展改革委关于加快培育新型消费的通知', ...body]).region).toBe('全国');
  });

  it('reads front matter (RFC 2822 date) and strips HTML even in a .txt file', () => {
    const html = [
      '---',
      "title: '商务部关于促进消费的通知'",
      'date: Thu, 01 Apr 2021 03:25:43 GMT',
      '---',
      '<div><p>（一）发展智慧商店。（省商务厅牵头负责）</p><p>（二）促进汽车&nbsp;消费。（省发展改革委）</p>',
      '<script>var x = "（三）假的。";</script><style>.a&#123;color:red&#125;</style></div>',
    ];
    const doc = parseLines(html, 'page.txt');
    expect(doc.title).toBe('商务部关于促进消费的通知');
    expect(doc.publishedOn).toBe('2021-04-01');
    expect(doc.region).toBe('全国');
    expect(doc.measures.map((m) => m.title)).toEqual(['发展智慧商店', '促进汽车 消费']);
  });

  it('strips Markdown markup', () => {
    const doc = parseLines(['# 天津市促进消费措施', '', '**（一）发展智慧商店。**（市商务局）', '', '（二）促进[汽车消费](http://x)。（市发展改革委）'], 'a.md');
    expect(doc.title).toBe('天津市促进消费措施');
    expect(doc.measures.map((m) => m.title)).toEqual(['发展智慧商店', '促进汽车消费']);
  });

  it('reads 自…起施行 and …废止 dates', () => {
    const doc = parseLines(['北京市促进消费措施', ...body, '本措施自2022年1月1日起施行，2024年12月31日废止。']);
    expect(doc.effectiveOn).toBe('2022-01-01');
    expect(doc.expiresOn).toBe('2024-12-31');
  });
});

describe('government website layout', () => {
  it('reads the metadata table and skips the red masthead', () => {
    const doc = parseLines([
      '索引号：000014349/2021-00052  主题分类：商贸、海关、旅游',
      '发文机关：国务院办公厅  成文日期：2020年09月21日',
      '标题：国务院办公厅关于以新业态新模式引领新型消费加快发展的意见',
      '发文字号：国办发〔2020〕32号  发布日期：2020年09月21日',
      '国务院办公厅文件',
      '国务院办公厅关于以新业态新模式引领新型消费加快发展的意见',
      ...body,
    ]);
    expect(doc.title).toBe('国务院办公厅关于以新业态新模式引领新型消费加快发展的意见');
    expect(doc.issuer).toBe('国务院办公厅');
    expect(doc.docNumber).toBe('国办发〔2020〕32号');
    expect(doc.publishedOn).toBe('2020-09-21');
    expect(doc.region).toBe('全国');
  });
});
