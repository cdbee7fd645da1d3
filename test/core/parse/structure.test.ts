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
    const doc = parseLines(['某市实施方案', '一、主要任务', '（1）建设商圈。（市商务局）', '（2）建设步行街。（市商务局）', '二、保障', '（1）加强宣传。（市委宣传部）']);
    expect(doc.measures.map((m) => `${m.section}:${m.label}`)).toEqual(['主要任务:（1）', '主要任务:（2）', '保障:（1）']);
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
      { text: '县级以上人民政府应当加强电子商务基础设施建设。', responsibility: null, departments: [], departmentsIncomplete: false, targets: [] },
    ]);
  });

  it('ignores out-of-sequence labels such as a stray (三) in running text', () => {
    const doc = parseLines(['某市方案', '（一）发展夜间经济。（市商务局）', '（三）见上文。', '（二）发展首店经济。（市商务局）']);
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
    const doc = parseLines(['某市方案', '（一）发展夜间经济（市商务局）。', '（二）发展首店经济（市商务局、市文化和旅游局）。']);
    expect(departmentsOf(doc)).toEqual([['市商务局'], ['市商务局', '市文化和旅游局']]);
  });
});
