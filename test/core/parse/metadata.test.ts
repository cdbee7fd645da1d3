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
    const doc = parseLines([
      '广西壮族自治区促进消费工作方案',
      '根据《意见》（国办发〔2020〕32号），制定本方案。',
      ...body,
      '二〇二一年十月九日',
    ]);
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
    const doc = parseLines(
      [
        '# 天津市促进消费措施',
        '',
        '**（一）发展智慧商店。**（市商务局）',
        '',
        '（二）促进[汽车消费](http://x)。（市发展改革委）',
      ],
      'a.md',
    );
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

  it('takes 发文机关 only when it names organisations: joint issuers yes, a paragraph of body text no', () => {
    const joint = parseLines(['发文机关：商务部 国家发展改革委', '某市促进消费若干措施', ...body]);
    expect(joint.issuer).toBe('商务部 国家发展改革委');
    const paragraph = parseLines([
      `发文机关：${'发展综合型社区、智慧型商业中心，'.repeat(60)}`,
      '某市促进消费若干措施',
      ...body,
    ]);
    expect(paragraph.issuer).toBeNull();
    expect(parseLines(['发文机关：加强消费管理', '某市促进消费若干措施', ...body]).issuer).toBeNull();
  });
});

describe('metadata of copies as found on district and third-party sites', () => {
  const CASES: Array<{
    about: string;
    lines: string[];
    title?: string;
    docNumber?: string | null;
    publishedOn?: string | null;
  }> = [
    {
      about: 'an order number in the metadata table (国令第706号)',
      lines: [
        '标　　题：',
        '某某条例',
        '发文字号：',
        '国令第706号',
        '第一条　为了规范某行为，制定本条例。',
        '第二条　本条例自2019年3月1日起施行。',
      ],
      title: '某某条例',
      docNumber: '国令第706号',
    },
    {
      about: 'a metadata row with a spaced label and no colon (文    号 蔡政办〔2023〕1号)',
      lines: [
        '区人民政府办公室关于印发某方案的通知',
        '发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号',
        '一、各责任单位要高度重视。',
        '二、区绩效考评机构要纳入考核。',
      ],
      docNumber: '蔡政办〔2023〕1号',
    },
    {
      about: 'a 名 称: row names the title',
      lines: [
        '名 称: 区人民政府办公室关于印发重点工作责任分解的通知',
        '1、做好疫情防控工作。',
        '2、开展环境卫生整治。',
      ],
      title: '区人民政府办公室关于印发重点工作责任分解的通知',
    },
    {
      about:
        'a copy that starts at the addressees: the issued text’s title follows the notice’s 落款, not the issuer line',
      lines: [
        '各市(州)人民政府、省级有关部门(单位):',
        '经省政府同意,现将《某省现代流通体系建设实施方案》印发给你们,请认真贯彻实施。',
        '某省发展和改革委员会',
        '2022年10月18日',
        '某省现代流通体系建设实施方案',
        '一、深化市场化改革',
        '(一)加强市场体系建设。推进高标准市场体系建设。',
        '(二)优化市场准入环境。实施“证照分离”改革。',
      ],
      title: '某省现代流通体系建设实施方案',
      publishedOn: '2022-10-18',
    },
    {
      about: 'a written date with Latin O typed for 〇 (二OO六年二月二十日)',
      lines: [
        '某市人民政府关于印发某规定的通知',
        '各县、区人民政府:',
        '《某规定》已经市人民政府常务会议讨论通过,现印发给你们。',
        '某市人民政府',
        '二OO六年二月二十日',
        '第一条 为了加强管理,制定本规定。',
        '第二条 本规定自发布之日起施行。',
      ],
      publishedOn: '2006-02-20',
    },
  ];
  for (const c of CASES) {
    it(c.about, () => {
      const doc = parseLines(c.lines);
      if (c.title !== undefined) expect(doc.title.replace(/\s+/g, '')).toBe(c.title);
      if (c.docNumber !== undefined) expect(doc.docNumber).toBe(c.docNumber);
      if (c.publishedOn !== undefined) expect(doc.publishedOn).toBe(c.publishedOn);
    });
  }
});

describe('an approval (批复) and its attachment', () => {
  const approval = (attachment: string, after: string[]): string[] => [
    '国务院关于同意建立某工作部际联席会议制度的批复',
    '教育部：',
    '你部请示收悉。现批复如下：同意建立某工作部际联席会议制度。',
    `附件：${attachment}`,
    '国务院',
    '2018年11月20日',
    '（此件公开发布）',
    ...after,
  ];
  const approvedText = [
    '附件',
    '某工作部际联席会议制度',
    '一、主要职能',
    '统筹协调全国某工作。',
    '二、成员单位',
    '联席会议由教育部等9个部门组成，教育部为牵头单位。',
  ];

  it('reads the approved 制度 or 方案 attached to it as its text', () => {
    const doc = parseLines(approval('某工作部际联席会议制度', approvedText));
    expect(doc.measures.map((m) => [m.label, m.title])).toEqual([
      ['一、', '主要职能'],
      ['二、', '成员单位'],
    ]);
    expect(doc.publishedOn).toBe('2018-11-20');
  });

  it('does not read an attached report as its text', () => {
    expect(() =>
      parseLines(
        approval('1.某部关于某情况的调研报告', [
          '附件1',
          '关于某情况的调研报告',
          '一、基本情况',
          '某村位于山区。',
          '二、建议意见',
          '建议加强监测。',
        ]),
      ),
    ).toThrow(/approval/);
  });
});

describe('document metadata: 文号 and title rows of provincial copies', () => {
  const items = [
    '一、稳定就业',
    '（一）减轻企业负担。（市人力资源社会保障局负责）',
    '（二）扩大就业。（市财政局负责）',
  ];

  it('finds a 文号 alone on the line above the title, kept in the script it is written in', () => {
    const doc = parseLines(['東府〔2021〕54號', '東莞市人民政府關于穩定就業的實施意見', '各鎮人民政府：', ...items]);
    expect(doc.title).toBe('東莞市人民政府關于穩定就業的實施意見');
    expect(doc.docNumber).toBe('東府〔2021〕54號');
  });

  it('finds a 文号 between the masthead and the title', () => {
    const doc = parseLines([
      '某某市某区人民政府文件',
      '某立政发〔2023〕2号',
      '某区人民政府关于印发重点工作分工方案的通知',
      ...items,
    ]);
    expect(doc.docNumber).toBe('某立政发〔2023〕2号');
  });

  it('does not take a 文号 cited in a sentence above the title, nor one far above it', () => {
    const cited = parseLines([
      '根据《某省人民政府通知》（某政发〔2021〕13号）制定。',
      '某市稳定就业的实施意见',
      ...items,
    ]);
    expect(cited.docNumber).toBeNull();
    const far = parseLines([
      '某政发〔2021〕9号',
      ...Array.from({ length: 9 }, (_, i) => `【栏目${i}】`),
      '某市稳定就业的实施意见',
      ...items,
    ]);
    expect(far.docNumber).toBeNull();
  });

  it('reads a 文件编号： field as the 文号 and never takes a metadata row as the title', () => {
    const doc = parseLines([
      '索引号: 002516393/2025-01145 公开方式: 主动公开',
      '发布单位: 某市人民政府 成文日期: 2025-03-31',
      '有效性: 有效 规范性文件登记: AJDD00-2025-0001',
      '文件编号: 某政函〔2025〕20号',
      '某市人民政府印发关于推动经济高质量发展的若干政策的通知',
      ...items,
    ]);
    expect(doc.docNumber).toBe('某政函〔2025〕20号');
    expect(doc.title).toBe('某市人民政府印发关于推动经济高质量发展的若干政策的通知');
  });

  it('keeps a title that only mentions a field word, with no second field', () => {
    const doc = parseLines(['某市关于规范发布单位信息公开工作的通知', ...items]);
    expect(doc.title).toBe('某市关于规范发布单位信息公开工作的通知');
  });

  it('takes a title line wholly in 《》 without the marks, and keeps marks around part of a title', () => {
    expect(parseLines(['《某市纾困解难具体实施细则》', ...items]).title).toBe('某市纾困解难具体实施细则');
    expect(parseLines(['关于印发《某市纾困解难具体实施细则》的通知', ...items]).title).toBe(
      '关于印发《某市纾困解难具体实施细则》的通知',
    );
    expect(parseLines(['《某市细则》解读《某市办法》', ...items]).title).toBe('《某市细则》解读《某市办法》');
  });
});

describe('document metadata: a date line that lost its 年月日', () => {
  it('reads no written date from a bare digit run (2024111 is 1月11日 or 11月1日)', () => {
    const doc = parseLines(['某市教育局关于印发工作要点的通知', ...body, '某市教育局', '2024327', '（此件主动公开）']);
    expect(doc.publishedOn).toBeNull();
    // The same signature with its date written is read.
    expect(parseLines(['某市教育局关于印发工作要点的通知', ...body, '某市教育局', '2024年3月27日']).publishedOn).toBe(
      '2024-03-27',
    );
  });
});
