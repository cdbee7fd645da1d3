import { describe, expect, it } from 'vitest';
import type { ParsedDocument, ParsedMeasure } from '../../../src/core/model.ts';
import { parseDocument } from '../../../src/core/parse/index.ts';
import { encodeGbk } from '../../helpers/gbk.ts';
import {
  allTargets,
  fixtureBytes,
  parseFixture,
  rolesByMeasure,
  rolesInOrder,
  targetsByMeasure,
  targetsInOrder,
} from './fixture.ts';

/**
 * Other provinces' documents (test/core/parse/fixtures), one row each: what the parser must read from them.
 * `roles` / `targets` are keyed by measure label, or listed in document order where labels restart per section.
 * `more` holds each document's own checks (text kept out of a measure, quantities, incomplete lists…).
 */

type MeasureField = 'label' | 'ordinal' | 'title' | 'section';

interface FixtureCase {
  file: string;
  about: string;
  metadata: Partial<
    Pick<
      ParsedDocument,
      'kind' | 'title' | 'region' | 'regionPath' | 'issuer' | 'docNumber' | 'publishedOn' | 'effectiveOn' | 'expiresOn'
    >
  >;
  measures: { fields: MeasureField[]; rows: unknown[][] };
  roles: Record<string, string[][]> | string[][][];
  targets: Record<string, string[]> | string[][];
  more?: (doc: ParsedDocument) => void;
}

const CASES: FixtureCase[] = [
  {
    file: 'changsha-notice-plan.txt',
    about:
      'Changsha notice wrapping a night-economy plan: number, issuer and date are the notice’s (its 落款 sits above the plan)',
    metadata: {
      title: '长沙市人民政府办公厅关于印发《长沙市加快发展夜间经济三年行动计划（2024—2026年）》的通知',
      docNumber: '长政办发〔2024〕9号',
      issuer: '长沙市人民政府办公厅',
      publishedOn: '2024-04-18',
      region: '长沙市',
      regionPath: ['湖南省', '长沙市'],
    },
    measures: {
      fields: ['label', 'title', 'section'],
      rows: [
        // An unnumbered-text goal section is kept as a measure of its own, with its target.
        ['一、', '总体目标', null],
        ['（一）', '打造夜间消费地标', '重点任务'],
        ['（二）', '丰富夜间文旅产品', '重点任务'],
        ['（三）', '优化夜间交通服务', '重点任务'],
        ['（四）', '提升夜间消费便利度', '重点任务'],
        ['（五）', '加强组织领导', '保障措施'],
      ],
    },
    // 牵头单位/配合单位 brackets, including names with their own brackets.
    roles: {
      '一、': [[]],
      '（一）': [['市商务局:lead', '市财政局:co', '市市场监管局:co']],
      '（二）': [['市文化旅游广电局:lead', '市商务局:co', '各区县（市）人民政府:co']],
      '（三）': [['市交通运输局:lead', '长沙市轨道交通集团:co']],
      '（四）': [['市商务局:lead', '市公安局:co', '市城管执法局:co', '市通信管理办公室:co']],
      '（五）': [['市商务局:lead']],
    },
    // 年底前 resolved against the notice date; recurring quotas skipped.
    targets: {
      // 到2026年 is the plan's goal; the 2023 growth figure is a past statistic.
      '一、': ['2026-12-31/year'],
      '（一）': ['2024-09-30/month'],
      '（二）': [],
      '（三）': ['2024-12-31/year'],
      '（四）': ['2025-12-31/year'],
      '（五）': [],
    },
    more: (doc) => {
      expect(allTargets(doc).find((t) => t.due === '2025-12-31')!.quantity).toBe('全覆盖');
    },
  },
  {
    file: 'guangdong-gov-page.html',
    about: 'Guangdong gov.cn-style page: navigation chrome, a 索引号/发文机关/成文日期/发文字号 table, footer links',
    metadata: {
      title: '广东省人民政府办公厅关于加快发展新型消费的实施意见',
      region: '广东省',
      issuer: '广东省人民政府办公厅',
      docNumber: '粤府办〔2024〕11号',
      publishedOn: '2024-05-20',
    },
    measures: {
      fields: ['label', 'title', 'section'],
      rows: [
        ['（一）', '发展智慧零售', '培育新型消费业态'],
        ['（二）', '壮大直播电商', '培育新型消费业态'],
        ['（三）', '加快新型信息基础设施建设', '完善新型消费基础设施'],
        ['（四）', '完善城乡物流配送网络', '完善新型消费基础设施'],
      ],
    },
    // A牵头，B、C配合, half-width brackets and abbreviated lists.
    roles: {
      '（一）': [['省商务厅:lead', '省发展改革委:co', '省工业和信息化厅:co']],
      '（二）': [['省商务厅:lead', '省市场监管局:co']],
      '（三）': [['省通信管理局:lead', '省工业和信息化厅:co']],
      '（四）': [['省工业和信息化厅:lead', '交通运输厅:co', '商务厅:co', '邮政管理局:co']],
    },
    targets: {
      '（一）': ['2025-12-31/year'],
      '（二）': ['2024-12-31/year'],
      '（三）': ['2025-06-30/month'],
      '（四）': ['2027-12-31/year'],
    },
    more: (doc) => {
      // The closing paragraph and the footer stay out of the last measure.
      const last = doc.measures[3]!.text;
      expect(last).not.toContain('结合实际制定具体措施');
      expect(last).not.toContain('网站标识码');
      expect(doc.measures[3]!.tasks[0]!.departmentsIncomplete).toBe(true);
    },
  },
  {
    file: 'hubei-fund-measures.txt',
    about: 'Hubei fund measures written as a regulation: 第一章 chapters, 第一条 articles, no brackets, 有效期3年',
    metadata: {
      title: '湖北省县域商业体系建设专项资金管理暂行办法',
      region: '湖北省',
      // 鄂政发〔2019〕12号 is cited in the first article.
      docNumber: null,
      publishedOn: '2023-06-12',
      effectiveOn: '2023-06-12',
      expiresOn: '2026-06-11',
    },
    // Articles numbered under their chapters.
    measures: {
      fields: ['label', 'ordinal', 'section'],
      rows: [
        ['第一条', 1, '总则'],
        ['第二条', 2, '总则'],
        ['第三条', 3, '总则'],
        ['第四条', 4, '支持范围和标准'],
        ['第五条', 5, '支持范围和标准'],
        ['第六条', 6, '申报和审核'],
        ['第七条', 7, '附则'],
        ['第八条', 8, '附则'],
      ],
    },
    // No bracket anywhere: no departments.
    roles: Array.from({ length: 8 }, () => [[]]),
    // Only the one-off deadlines, not the yearly ones or past figures.
    targets: [[], [], [], [], [], ['2023-12-31/day', '2024-03-31/quarter'], [], []],
    more: (doc) => {
      // Joint issuers.
      expect(doc.issuer).toContain('湖北省财政厅');
      expect(doc.issuer).toContain('湖北省商务厅');
      expect(doc.measures[3]!.title).toBe('专项资金重点支持以下方向');
      // （一） sub-items stay inside the article.
      expect(doc.measures[3]!.text).toContain('（三）村级便民商店改造');
      expect(doc.measures[7]!.text).not.toContain('湖北省财政厅');
      expect(
        doc.measures.every((m) => m.tasks.every((t) => t.departments.length === 0 && t.responsibility === null)),
      ).toBe(true);
      expect(allTargets(doc).map((t) => `${t.due}/${t.precision}`)).toEqual(['2023-12-31/day', '2024-03-31/quarter']);
      expect(allTargets(doc)[0]!.text).toBe('2023年12月31日前完成首批项目审核');
    },
  },
  {
    file: 'nanchang-livestream.md',
    about: 'Nanchang Markdown copy: 1、 items under ## 一、 headings, 【责任单位】 on its own line after each item',
    metadata: {
      title: '南昌市促进直播电商高质量发展若干措施',
      region: '南昌市',
      issuer: '南昌市人民政府办公室',
      publishedOn: '2024-07-02',
      effectiveOn: '2024-07-02',
      expiresOn: '2026-12-31',
    },
    measures: {
      fields: ['label', 'title', 'section'],
      rows: [
        ['1、', '引育头部直播机构', '培育直播电商主体'],
        ['2、', '打造直播电商基地', '培育直播电商主体'],
        ['3、', '开展直播人才培训', '壮大直播电商人才'],
        ['4、', '完善人才政策', '壮大直播电商人才'],
      ],
    },
    // 【责任单位】 / 【牵头单位】【配合单位】 lines as the item responsibility.
    roles: {
      '1、': [['市商务局:lead', '市财政局:co', '各县（区）人民政府:co']],
      '2、': [['市商务局:lead']],
      '3、': [['市人力资源社会保障局:lead', '市商务局:co', '市总工会:co']],
      '4、': [['市委人才办:lead', '市人力资源社会保障局:co']],
    },
    // Codes, reward thresholds and yearly quotas are not targets.
    targets: {
      '1、': ['2027-12-31/year'],
      '2、': ['2025-12-31/year'],
      '3、': ['2025-12-31/year'],
      '4、': ['2030-12-31/period/2026-01-01'],
    },
    more: (doc) => {
      expect(doc.measures[3]!.text).not.toContain('有效期');
      expect(doc.measures[0]!.tasks[0]!.responsibility).toBe('【责任单位】市商务局、市财政局，各县（区）人民政府');
      expect(allTargets(doc)[0]!.quantity).toBe('20家以上');
      expect(allTargets(doc)[2]!.text).toBe('到2025年累计培训直播人才1万人次');
    },
  },
  {
    file: 'sichuan-county-plan.txt',
    about: 'Sichuan action plan: 一、 sections, 1. items, （责任单位：…）/（牵头单位：…；配合单位：…） brackets',
    metadata: {
      kind: 'policy',
      title: '四川省促进县域商业高质量发展行动方案（2024—2026年）',
      region: '四川省',
      issuer: '四川省人民政府办公厅',
      // 商流通发〔2023〕55号 is a cited document.
      docNumber: null,
      publishedOn: '2024-03-15',
    },
    measures: {
      fields: ['label', 'ordinal', 'title', 'section'],
      rows: [
        ['1.', 1, '改造提升县城商业设施', '完善县域商业网络'],
        ['2.', 2, '发展乡镇商贸中心', '完善县域商业网络'],
        ['3.', 3, '完善县乡村三级物流体系', '畅通农村物流配送'],
        ['4.', 4, '发展农村电子商务', '畅通农村物流配送'],
        ['5.', 5, '加强组织领导', '保障措施'],
        ['6.', 6, '强化资金支持', '保障措施'],
      ],
    },
    roles: {
      '1.': [['省商务厅:lead', '省发展改革委:co', '各市州人民政府:co']],
      '2.': [['省商务厅:lead', '省财政厅:co', '省市场监管局:co']],
      '3.': [['省邮政管理局:lead', '省交通运输厅:co', '省供销合作社:co']],
      '4.': [['省商务厅:lead', '省农业农村厅:co', '各市州人民政府:co']],
      '5.': [['省商务厅:lead']],
      '6.': [['省财政厅:lead', '省商务厅:co']],
    },
    // Every form, 上半年 / 年底前 resolved against the 落款 year.
    targets: {
      '1.': ['2024-06-30/month', '2025-12-31/year'],
      '2.': ['2025-09-30/quarter'],
      '3.': ['2025-12-31/year'],
      '4.': ['2024-06-30/half'],
      '5.': ['2024-12-31/year'],
      '6.': ['2030-12-31/period/2026-01-01'],
    },
    more: (doc) => {
      expect(doc.measures[5]!.text).not.toContain('四川省人民政府办公厅');
      expect(doc.measures[2]!.tasks[0]!.departmentsIncomplete).toBe(true);
      expect(doc.measures[0]!.tasks[0]!.departmentsIncomplete).toBe(false);
      const [first] = doc.measures[0]!.tasks[0]!.targets.slice(1);
      expect(first!.text).toBe('到2025年全省改造提升县城综合商贸服务中心100个以上');
      expect(first!.quantity).toBe('100个以上');
      expect(doc.measures[1]!.tasks[0]!.targets[0]!.quantity).toBe('90%');
      expect(doc.measures[2]!.tasks[0]!.targets[0]!.quantity).toBe('全覆盖');
      // Past statistics and recurring quotas are not targets.
      const quotes = allTargets(doc)
        .map((t) => t.text)
        .join('|');
      expect(quotes).not.toContain('增长12.5%');
      expect(quotes).not.toContain('每年');
    },
  },
  {
    file: 'tianjin-consumption-2023.txt',
    about:
      'Tianjin flat （一） measures: a title wrapped after 关于, 自…起施行，有效期3年, 明年 relative to a 2023 落款',
    metadata: {
      title: '天津市人民政府办公厅关于进一步促进消费扩容提质的若干措施',
      region: '天津市',
      issuer: '天津市人民政府办公厅',
      docNumber: '津政办规〔2023〕18号',
      publishedOn: '2023-11-20',
      effectiveOn: '2024-01-01',
      expiresOn: '2026-12-31',
    },
    measures: {
      fields: ['label', 'title', 'section'],
      rows: [
        ['（一）', '稳定汽车消费', null],
        ['（二）', '扩大餐饮消费', null],
        ['（三）', '发展夜间经济', null],
        ['（四）', '优化消费环境', null],
      ],
    },
    // 牵头 + 按职责分工负责 brackets; a list outside brackets is not required.
    roles: {
      '（一）': [['市商务局:lead', '市财政局:co', '市公安局交管局:co']],
      '（二）': [['市商务局:lead', '市文化和旅游局:co']],
      '（三）': [['各区人民政府:lead']],
      // No bracket at all: one task, no departments.
      '（四）': [[]],
    },
    // Dated against the 2023 落款; the 2022 statistic skipped.
    targets: {
      '（一）': ['2023-12-31/day'],
      '（二）': ['2024-09-30/quarter', '2025-12-31/year'],
      '（三）': ['2024-06-30/half'],
      '（四）': [],
    },
    more: (doc) => {
      expect(doc.measures[3]!.text).not.toContain('有效期');
      expect(doc.measures[1]!.tasks[0]!.departmentsIncomplete).toBe(true);
      expect(doc.measures[0]!.tasks[0]!.departmentsIncomplete).toBe(false);
      expect(allTargets(doc).map((t) => t.quantity)).toEqual([null, null, '15条', '5个']);
    },
  },
  {
    file: 'wuhou-district-scenes.txt',
    about: 'Wuhou district plan: （1） items restarting per 一、 section, （责任部门:…） brackets, relative dates',
    metadata: {
      title: '成都市武侯区推进消费新场景建设实施方案',
      region: '成都市武侯区',
      regionPath: ['四川省', '成都市', '武侯区'],
      issuer: '成都市武侯区人民政府办公室',
      publishedOn: '2024-03-08',
    },
    measures: {
      fields: ['section', 'label', 'title'],
      rows: [
        [null, '一、', '主要目标'],
        ['重点任务', '（1）', '建设特色商业街区'],
        ['重点任务', '（2）', '发展社区商业'],
        ['重点任务', '（3）', '培育首店经济'],
        ['保障措施', '（1）', '强化要素保障'],
      ],
    },
    roles: [
      [[]],
      [['区发改局:lead']],
      [['区商务局:lead', '区财政局:co']],
      [['区商务局:lead', '区市场监管局:co', '各街道办事处:co']],
      [['区规划和自然资源局:lead']],
    ],
    targets: [
      ['2025-12-31/year'],
      ['2024-10-31/month'],
      ['2025-06-30/half'],
      ['2024-12-31/year'],
      ['2025-06-30/quarter'],
    ],
  },
  {
    file: 'zhejiang-notice-page.html',
    about:
      'Zhejiang notice page: long navigation, the number only in the metadata table, the 落款 above the plan, a width-normalised body',
    metadata: {
      title: '浙江省人民政府办公厅关于印发浙江省推进农村电子商务高质量发展行动方案（2024—2027年）的通知',
      region: '浙江省',
      issuer: '浙江省人民政府办公厅',
      docNumber: '浙政办发〔2024〕5号',
      publishedOn: '2024-01-23',
    },
    measures: {
      fields: ['label', 'title', 'section'],
      rows: [
        ['一、', '总体要求', null],
        ['(一)', '建设农村电商服务体系', '重点任务'],
        ['(二)', '培育农村电商主体', '重点任务'],
        ['(三)', '完善农村寄递物流', '重点任务'],
        ['(四)', '加大政策支持', '保障措施'],
      ],
    },
    // Half-width brackets; 各市、县(市、区)政府 is one collective body.
    roles: {
      '一、': [[]],
      '(一)': [['省商务厅:lead', '省农业农村厅:co', '省供销社:co', '各市、县(市、区)政府:co']],
      '(二)': [['省商务厅:lead', '省农业农村厅:co']],
      '(三)': [['省邮政管理局:lead', '省交通运输厅:co', '省商务厅:co']],
      '(四)': [['省财政厅:lead', '省商务厅:co']],
    },
    targets: {
      '一、': ['2027-12-31/year'],
      '(一)': ['2024-12-31/year'],
      '(二)': ['2025-06-30/half'],
      '(三)': ['2025-12-31/year'],
      '(四)': [],
    },
    more: (doc) => {
      expect(doc.measures[4]!.text).not.toContain('扫一扫');
      const quantities = doc.measures.flatMap((m) => m.tasks.flatMap((t) => t.targets.map((x) => x.quantity)));
      expect(quantities).toEqual(['突破4000亿元', '全覆盖', '500个以上', '100%']);
    },
  },
];

const pick = (m: ParsedMeasure, fields: MeasureField[]) => fields.map((f) => m[f]);

function expectFixture(doc: ParsedDocument, c: FixtureCase): void {
  expect(doc).toMatchObject(c.metadata);
  expect(doc.measures.map((m) => pick(m, c.measures.fields))).toEqual(c.measures.rows);
  expect(Array.isArray(c.roles) ? rolesInOrder(doc) : rolesByMeasure(doc)).toEqual(c.roles);
  expect(Array.isArray(c.targets) ? targetsInOrder(doc) : targetsByMeasure(doc)).toEqual(c.targets);
  c.more?.(doc);
}

describe.each(CASES)('fixture $file', (c) => {
  it(c.about, () => {
    expectFixture(parseFixture(c.file), c);
  });
});

describe('fixture saved as GBK', () => {
  it('parses the same document saved as GBK identically (Wuhou plan)', () => {
    const c = CASES.find((x) => x.file === 'wuhou-district-scenes.txt')!;
    const text = new TextDecoder('utf-8').decode(fixtureBytes(c.file));
    const gbk = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const doc = parseDocument({ file: c.file, bytes: gbk });
    expectFixture(doc, c);
    expect(doc).toEqual(parseFixture(c.file));
  });
});
