import { describe, expect, it } from 'vitest';
import { departmentsOf, parseLines } from './helpers.ts';

describe('policy structure', () => {
  it('uses 1. numbering when it is the top item level, with sections 一、', () => {
    const doc = parseLines([
      '某省促进消费若干措施',
      '为促进消费，制定以下措施。',
      '一、扩大商品消费',
      '1.发展智慧商店。支持门店数字化改造。（省商务厅牵头负责）',
      '2.促进汽车消费。有序放宽购车限制。（省发展改革委、省公安厅按职责分工负责）',
      '二、保障措施',
      '3.加强组织领导。建立联席会议制度。（省商务厅）',
      '本措施自印发之日起施行。',
    ]);
    expect(doc.kind).toBe('policy');
    expect(doc.measures.map((m) => [m.label, m.ordinal, m.title, m.section])).toEqual([
      ['1.', 1, '发展智慧商店', '扩大商品消费'],
      ['2.', 2, '促进汽车消费', '扩大商品消费'],
      ['3.', 3, '加强组织领导', '保障措施'],
    ]);
    expect(departmentsOf(doc)).toEqual([['省商务厅'], ['省发展改革委', '省公安厅'], ['省商务厅']]);
    // The closing sentence is not part of the last measure.
    expect(doc.measures[2]!.text).not.toContain('施行');
  });

  it('takes the level that carries the brackets: 1. under a group heading, and a （二） with its own bracket beside it', () => {
    const doc = parseLines([
      '关于加快培育新型消费的实施意见',
      '（一）培育壮大零售新业态',
      '1.发展智慧超市。（市商务局）',
      '2.发展直播电商。（市商务局、市委网信办按职责分工负责）',
      '（二）发展在线教育。建设在线课程。（市教委）',
    ]);
    expect(doc.measures.map((m) => [m.label, m.section, m.title])).toEqual([
      ['1.', '培育壮大零售新业态', '发展智慧超市'],
      ['2.', '培育壮大零售新业态', '发展直播电商'],
      ['（二）', null, '发展在线教育'],
    ]);
    expect(departmentsOf(doc)).toEqual([['市商务局'], ['市商务局', '市委网信办'], ['市教委']]);
  });

  it('keeps a deeper list inside its measure when only the measure closes with a bracket', () => {
    const doc = parseLines([
      '某市实施方案',
      '（一）建设智慧商圈。',
      '1.改造步行街；',
      '2.建设智慧停车场。（市商务局牵头，市住房城乡建设局配合）',
      '（二）发展夜间经济。延长营业时间。（市商务局）',
    ]);
    expect(doc.measures.map((m) => m.label)).toEqual(['（一）', '（二）']);
    expect(doc.measures[0]!.text).toContain('1.改造步行街');
  });

  it('reads （1） numbering and restarts per section', () => {
    const doc = parseLines([
      '某市实施方案',
      '一、主要任务',
      '（1）建设商圈。（市商务局）',
      '（2）建设步行街。（市商务局）',
      '二、保障',
      '（1）加强宣传。（市委宣传部）',
    ]);
    expect(doc.measures.map((m) => `${m.section}:${m.label}`)).toEqual([
      '主要任务:（1）',
      '主要任务:（2）',
      '保障:（1）',
    ]);
  });

  it('reads 第一条 articles with 第一章 chapters, and articles without brackets are one task', () => {
    const doc = parseLines([
      '某省电子商务促进办法',
      '第一章 总则',
      '第一条 为了促进电子商务发展，制定本办法。',
      '第二条 本办法适用于本省行政区域内的电子商务活动。',
      '第二章 促进措施',
      '第三条 县级以上人民政府应当加强电子商务基础设施建设。',
    ]);
    expect(doc.measures.map((m) => [m.label, m.ordinal, m.section])).toEqual([
      ['第一条', 1, '总则'],
      ['第二条', 2, '总则'],
      ['第三条', 3, '促进措施'],
    ]);
    expect(doc.measures[0]!.title).toBe('为了促进电子商务发展，制定本办法');
    expect(doc.measures[2]!.tasks).toEqual([
      {
        text: '县级以上人民政府应当加强电子商务基础设施建设。',
        responsibility: null,
        departments: [],
        departmentsIncomplete: false,
        targets: [],
      },
    ]);
  });

  it('ignores out-of-sequence labels such as a stray (三) in running text', () => {
    const doc = parseLines([
      '某市方案',
      '（一）发展夜间经济。（市商务局）',
      '（三）见上文。',
      '（二）发展首店经济。（市商务局）',
    ]);
    expect(doc.measures.map((m) => m.label)).toEqual(['（一）', '（二）']);
    expect(doc.measures[0]!.text).toContain('（三）见上文');
  });

  it('splits an item into tasks at each responsibility bracket and keeps inline brackets as text', () => {
    const doc = parseLines([
      '某市方案',
      '（一）建设新基建。加快第五代移动通信（5G）网络建设，到2025年累计建成5G基站3万个。（市工业和信息化局牵头，相关部门按职责分工负责）推进公办中小学（含幼儿园）接入教育专网。（牵头单位：市教委；配合单位：市委网信办）',
      '（二）完善配套。完善配套政策。（责任单位：市发展改革委、市财政局）',
    ]);
    const [first] = doc.measures;
    expect(first!.tasks).toHaveLength(2);
    expect(first!.tasks[0]!.responsibility).toBe('市工业和信息化局牵头，相关部门按职责分工负责');
    expect(first!.tasks[0]!.departmentsIncomplete).toBe(true);
    expect(first!.tasks[0]!.targets.map((t) => t.text)).toEqual(['到2025年累计建成5G基站3万个']);
    expect(first!.tasks[1]!.departments).toEqual([
      { name: '市教委', role: 'lead' },
      { name: '市委网信办', role: 'co' },
    ]);
    expect(doc.measures[1]!.tasks[0]!.departments.map((d) => d.role)).toEqual(['lead', 'co']);
  });

  it('accepts a bracket placed before the full stop', () => {
    const doc = parseLines([
      '某市方案',
      '（一）发展夜间经济（市商务局）。',
      '（二）发展首店经济（市商务局、市文化和旅游局）。',
    ]);
    expect(departmentsOf(doc)).toEqual([['市商务局'], ['市商务局', '市文化和旅游局']]);
  });
});

/**
 * Numbering levels are decided per document from evidence. Each case is a small document written in the genre
 * and the measures a reader of that genre would list: label, section, and whether the measure has a target.
 */
interface LevelCase {
  about: string;
  lines: string[];
  measures: Array<[label: string, section: string | null, title: string]>;
  /** Due dates of the targets, measure by measure (omitted: not checked). */
  targets?: string[][];
}

const LEVEL_CASES: LevelCase[] = [
  {
    about:
      'an opening cut after two 1. items, the first closed by its bracket: the 1. items hold the measures, not the 一、 section around them',
    lines: [
      '某市深化“放管服”改革工作要点',
      '一、推动审批全链条优化',
      '1.全面实施行政许可事项清单管理。编制并公布市、县两级清单。（市政府办公室牵头，各县市区政府按职责分工负责）',
      '2.持续深化相对集中行政许可权改革。依托行政许可事项清单，全面梳理规范改革事项划转目录',
    ],
    measures: [
      ['1.', '推动审批全链条优化', '全面实施行政许可事项清单管理'],
      ['2.', '推动审批全链条优化', '持续深化相对集中行政许可权改革'],
    ],
  },
  {
    about:
      '1. 2. numbered continuously across sections and across （一）（二） group headings that restart per section',
    lines: [
      '某市促进服务消费若干措施',
      '一、扩大文旅消费',
      '（一）丰富产品供给',
      '1.打造夜间消费街区。（市商务局牵头）',
      '2.发展演艺经济。（市文化广电旅游局）',
      '（二）优化消费环境',
      '3.完善旅游交通。（市交通运输局）',
      '二、提升生活服务',
      '（一）发展家政服务',
      '4.培育家政龙头企业。（市商务局）',
      '（二）发展养老托育',
      '5.建设社区养老服务中心。（市民政局）',
    ],
    measures: [
      ['1.', '丰富产品供给', '打造夜间消费街区'],
      ['2.', '丰富产品供给', '发展演艺经济'],
      ['3.', '优化消费环境', '完善旅游交通'],
      ['4.', '发展家政服务', '培育家政龙头企业'],
      ['5.', '发展养老托育', '建设社区养老服务中心'],
    ],
  },
  {
    about:
      '（一） as group headings with no brackets anywhere: the deepest regular level (1. under most groups) holds the measures',
    lines: [
      '某县乡村振兴工作方案',
      '（一）产业发展',
      '1.发展特色种植。',
      '2.建设冷链仓储。',
      '（二）人才振兴',
      '1.培育高素质农民。',
      '2.引进返乡创业人才。',
    ],
    measures: [
      ['1.', '产业发展', '发展特色种植'],
      ['2.', '产业发展', '建设冷链仓储'],
      ['1.', '人才振兴', '培育高素质农民'],
      ['2.', '人才振兴', '引进返乡创业人才'],
    ],
  },
  {
    about: '（一） as measures in another document: an occasional 1. list inside one of them stays in its text',
    lines: [
      '某市政务新媒体管理办法实施意见',
      '一、总体要求',
      '（一）指导思想。坚持正确导向。',
      '（二）基本原则。',
      '1.坚持需求引领。',
      '2.坚持融合发展。',
      '二、主要任务',
      '（三）推进政务公开。及时发布政策。',
      '（四）优化掌上服务。推动高频事项掌上办。',
      '（五）加强安全防护。落实安全责任。',
    ],
    measures: [
      ['（一）', '总体要求', '指导思想'],
      ['（二）', '总体要求', '基本原则'],
      ['（三）', '主要任务', '推进政务公开'],
      ['（四）', '主要任务', '优化掌上服务'],
      ['（五）', '主要任务', '加强安全防护'],
    ],
  },
  {
    about: 'a document whose measures are the 一、 二、 items themselves',
    lines: [
      '某省关于做好春节期间市场保供工作的通知',
      '各市人民政府：',
      '一、加强重要商品储备。各地要落实储备任务。（省商务厅）',
      '二、强化价格监测。密切关注价格变化。（省发展改革委）',
      '三、保障运输畅通。开辟绿色通道。（省交通运输厅）',
      '某省人民政府办公厅',
      '2024年1月10日',
    ],
    measures: [
      ['一、', null, '加强重要商品储备'],
      ['二、', null, '强化价格监测'],
      ['三、', null, '保障运输畅通'],
    ],
  },
  {
    about: 'a short notice with one numbered measure: the count does not decide',
    lines: [
      '某市商务局关于开展消费季活动的通知',
      '各区商务主管部门：',
      '一、活动安排。2024年5月底前各区举办不少于2场促消费活动。（各区商务主管部门负责）',
      '某市商务局',
      '2024年3月1日',
    ],
    measures: [['一、', null, '活动安排']],
    targets: [['2024-05-31']],
  },
  {
    about:
      'numbered goal and principle items before the measures are measures, their targets kept; a section with text only is a measure too',
    lines: [
      '某市推进养老服务体系建设实施方案',
      '一、总体要求',
      '（一）总体要求。坚持政府主导、社会参与。',
      '（二）行动目标。到2026年，全市建成社区养老服务中心100个。',
      '二、重点任务',
      '（三）建设服务设施。新建一批养老服务设施。（市民政局）',
      '（四）培育服务队伍。开展护理员培训。（市人力资源社会保障局）',
      '三、组织保障',
      '各区要建立工作机制，明确责任分工。',
    ],
    measures: [
      ['（一）', '总体要求', '总体要求'],
      ['（二）', '总体要求', '行动目标'],
      ['（三）', '重点任务', '建设服务设施'],
      ['（四）', '重点任务', '培育服务队伍'],
      ['三、', null, '组织保障'],
    ],
    targets: [[], ['2026-12-31'], [], [], []],
  },
  {
    about: 'an unnumbered goal section (主要目标 on its own line) becomes a measure labelled with its heading',
    lines: [
      '某区提升城市品质三年行动方案',
      '为提升城市品质，制定本方案。',
      '主要目标',
      '到2025年，完成老旧小区改造50个。',
      '一、实施城市更新。推进老旧小区改造。（区住房城乡建设局）',
      '二、完善公共服务。建设一刻钟便民生活圈。（区商务局）',
    ],
    measures: [
      ['主要目标', null, '主要目标'],
      ['一、', null, '实施城市更新'],
      ['二、', null, '完善公共服务'],
    ],
    targets: [['2025-12-31'], [], []],
  },
  {
    about:
      'an emergency plan numbered 1 / 1.1 / 1.1.1 with a table of contents: the contents are skipped, 1.1 items are the measures',
    lines: [
      '某市粮食应急预案',
      '目录',
      '1 总则',
      '2 应急响应',
      '1 总则',
      '1.1 编制目的',
      '为有效应对粮食市场异常波动，制定本预案。',
      '1.2 适用范围',
      '本预案适用于本市粮食应急状态。',
      '2 应急响应',
      '2.1 响应程序',
      '2.1.1 出现异常波动时，市粮食部门及时报告。',
      '2.1.2 市政府决定启动应急响应。',
      '2.2 应急终止',
      '应急状态消除后，终止应急措施。',
    ],
    measures: [
      ['1.1', '总则', '编制目的'],
      ['1.2', '总则', '适用范围'],
      ['2.1', '应急响应', '响应程序'],
      ['2.2', '应急响应', '应急终止'],
    ],
  },
  {
    about: '第一条 alone on its line (an element of its own on a web page) heads the article text on the next line',
    lines: [
      '某市电动自行车管理规定',
      '第一章',
      '总则',
      '第一条',
      '为了加强电动自行车管理，制定本规定。',
      '第二条',
      '本规定适用于本市行政区域。',
    ],
    measures: [
      ['第一条', '总则', '为了加强电动自行车管理，制定本规定'],
      ['第二条', '总则', '本规定适用于本市行政区域'],
    ],
  },
];

describe('numbering levels decided per document', () => {
  for (const c of LEVEL_CASES) {
    it(c.about, () => {
      const doc = parseLines(c.lines);
      expect(doc.measures.map((m) => [m.label, m.section, m.title])).toEqual(c.measures);
      if (c.targets)
        expect(doc.measures.map((m) => m.tasks.flatMap((t) => t.targets.map((x) => x.due)))).toEqual(c.targets);
    });
  }

  it('reports a label out of sequence as a structure note and keeps its text in the measure before it', () => {
    const doc = parseLines([
      '某市方案',
      '（一）发展夜间经济。（市商务局）',
      '（三）见上文。',
      '（二）发展首店经济。（市商务局）',
    ]);
    expect(doc.notes.filter((n) => n.kind === 'structure').map((n) => [n.label, n.excerpt])).toEqual([
      ['（三）', '（三）见上文。'],
    ]);
  });

  it('a label with no text of its own heads its sub-items, which are the measures', () => {
    const doc = parseLines([
      '某市促进消费若干措施',
      '一、扩大消费',
      '（一）加强管理。',
      '（二）',
      '1.发展夜间经济。',
      '2.发展首店经济。',
      '（三）做好服务。',
    ]);
    expect(doc.measures.map((m) => [m.label, m.section, m.title])).toEqual([
      ['（一）', '扩大消费', '加强管理'],
      ['1.', '扩大消费', '发展夜间经济'],
      ['2.', '扩大消费', '发展首店经济'],
      ['（三）', '扩大消费', '做好服务'],
    ]);
  });

  it('a label that heads nothing is dropped with a structure note, past ten counted in one note', () => {
    const labels = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）'];
    const doc = parseLines([
      '某市方案',
      '（一）发展夜间经济。',
      ...labels.slice(1),
      '（十一）',
      '（十二）',
      '（十三）',
    ]);
    expect(doc.measures.map((m) => m.label)).toEqual(['（一）']);
    const notes = doc.notes.filter((n) => n.kind === 'structure');
    expect(notes.map((n) => n.label)).toEqual([...labels.slice(1), '（十一）', null]);
    expect(notes[notes.length - 1]!.message).toMatch(/^2 more labels/);
  });
});

describe('policy structure: a label glued to the previous item', () => {
  const head = ['某省行动计划', '一、重点任务', '1.提升质量。'];

  it('starts a new item at a label right after a responsibility bracket when it continues the sequence', () => {
    const doc = parseLines([
      ...head,
      '（1）编制推荐目录。（省农业农村厅牵头，相关市人民政府配合）（2）加大对合作社的支持。（省财政厅负责）',
    ]);
    expect(doc.measures.map((m) => m.label)).toEqual(['（1）', '（2）']);
    expect(departmentsOf(doc)).toEqual([['省农业农村厅', '相关市人民政府'], ['省财政厅']]);
  });

  it('keeps a glued label that does not continue the sequence, or follows no responsibility, as text', () => {
    const skipped = parseLines([...head, '（1）编制推荐目录。（省农业农村厅负责）（3）加大支持。']);
    expect(skipped.measures.map((m) => m.label)).toEqual(['（1）']);
    const explanation = parseLines([
      ...head,
      '（1）建设充电桩（站）（2）个。（省能源局负责）',
      '（2）加大支持。（省财政厅负责）',
    ]);
    expect(explanation.measures.map((m) => m.label)).toEqual(['（1）', '（2）']);
    expect(explanation.measures[0]!.text).toContain('（站）（2）个');
  });
});
