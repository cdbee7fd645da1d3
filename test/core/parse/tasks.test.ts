import { describe, expect, it } from 'vitest';
import type { ParsedTask } from '../../../src/core/model.ts';
import { documentRules, MAX_NOTES_PER_ITEM, readTasks, splitTasks, taskReader } from '../../../src/core/parse/tasks.ts';

const roles = (tasks: ParsedTask[]): string[][] => tasks.map((t) => t.departments.map((d) => `${d.name}:${d.role}`));

describe('splitTasks', () => {
  it('makes one task of each bracket inside a measure, in order', () => {
    const tasks = splitTasks(
      '建设城市一刻钟便民生活圈（市商务局负责）。推广智慧商店，到2025年建成100家（市商务局、市工业和信息化局按职责分工负责）。完善配送网络（牵头单位：市邮政管理局；配合单位：市交通运输局）。',
      '2024-03-15',
    );
    expect(tasks.map((t) => t.text)).toEqual([
      '建设城市一刻钟便民生活圈',
      '推广智慧商店，到2025年建成100家',
      '完善配送网络',
    ]);
    expect(roles(tasks)).toEqual([
      ['市商务局:lead'],
      ['市商务局:lead', '市工业和信息化局:co'],
      ['市邮政管理局:lead', '市交通运输局:co'],
    ]);
    expect(tasks[1]!.targets.map((t) => t.due)).toEqual(['2025-12-31']);
  });

  it('reads 〔责任单位：…〕 brackets and a deadline field inside the bracket', () => {
    const tasks = splitTasks(
      '加强市场体系建设。〔责任单位：省发展改革委、省市场监管局；完成时限：2024年12月底前〕',
      '2024-03-15',
    );
    expect(roles(tasks)).toEqual([['省发展改革委:lead', '省市场监管局:co']]);
    expect(tasks[0]!.targets).toEqual([
      { text: '完成时限：2024年12月底前', due: '2024-12-31', precision: 'month', periodStart: null, quantity: null },
    ]);
  });

  it('keeps the old call: without document rules each bracket is read on its own', () => {
    expect(roles(splitTasks('推进试点（市发展改革委、市财政局牵头）。', null))).toEqual([
      ['市发展改革委:lead', '市财政局:lead'],
    ]);
  });
});

describe('bracket forms', () => {
  it.each([
    ['ASCII square brackets', '做好无症状感染者的监测。[牵头单位:区卫健局;责任单位:各街办(新区)]'],
    ['full-width square brackets', '做好无症状感染者的监测。［牵头单位：区卫健局；责任单位：各街办（新区）］'],
  ])('reads a responsibility in %s', (_about, text) => {
    const tasks = splitTasks(text, '2020-06-28');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.text).toBe('做好无症状感染者的监测。');
    expect(tasks[0]!.departments.map((d) => d.role)).toEqual(['lead', 'co']);
  });

  it('keeps a square bracket inside a sentence as text (苏政办发[2022]7号)', () => {
    const tasks = splitTasks('按照苏政办发[2022]7号文件要求推进。', '2022-06-28');
    expect(tasks.map((t) => t.responsibility)).toEqual([null]);
  });
});

describe('document rules', () => {
  it('列第一位者为牵头单位 declared in a bracket applies to it and every later bracket, across items', () => {
    const reader = taskReader('', '2019-01-01');
    const before = reader.read('开展评估（教育部、财政部牵头）。', '（一）');
    const declaring = reader.read('完善制度（教育部、人力资源社会保障部负责，列第一位者为牵头单位，下同）。', '（二）');
    const later = reader.read('加强督导（财政部、教育部牵头）。', '（三）');
    expect(roles(before)).toEqual([['教育部:lead', '财政部:lead']]);
    expect(roles(declaring)).toEqual([['教育部:lead', '人力资源社会保障部:co']]);
    expect(roles(later)).toEqual([['财政部:lead', '教育部:co']]);
  });

  it('a rule stated outside any bracket applies to the whole document', () => {
    expect(documentRules('注：各项任务中列第一位者为牵头单位。').firstListedLeads).toBe(true);
    expect(documentRules('加强督导（教育部、财政部负责，列第一位者为牵头单位）').firstListedLeads).toBe(false);
    const tasks = readTasks('加强督导（财政部、教育部牵头）。', {
      anchor: null,
      rules: documentRules('注：列第一位者为牵头单位。'),
    }).tasks;
    expect(roles(tasks)).toEqual([['财政部:lead', '教育部:co']]);
  });

  it('无牵头单位的，责任单位即为牵头单位 makes every listed unit lead where no lead is named', () => {
    const rules = documentRules(
      '特别是牵头单位（无牵头单位的，责任单位即为牵头单位，下同）要统筹相关责任单位制订办理方案。',
    );
    expect(rules.listedUnitsLead).toBe(true);
    const read = (text: string) => roles(readTasks(text, { anchor: null, rules }).tasks);
    expect(read('推进试点（责任单位：市发展改革委、市财政局）。')).toEqual([['市发展改革委:lead', '市财政局:lead']]);
    expect(read('推进试点（牵头单位：市发展改革委；责任单位：市财政局）。')).toEqual([
      ['市发展改革委:lead', '市财政局:co'],
    ]);
  });

  it('a unit declared implied for later tasks joins every later bracket', () => {
    const reader = taskReader('', '2019-01-01');
    reader.read('开展试点（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）。', '（一）');
    expect(roles(reader.read('推行绿色设计（工业和信息化部、商务部指导）。', '（二）'))).toEqual([
      ['工业和信息化部:co', '商务部:co', '试点城市政府:lead'],
    ]);
  });

  it('a stated period gives later bare N年内 the same period', () => {
    const rules = documentRules('自2024年起3年内，全面完成老旧小区改造。');
    expect(rules.period).toEqual({ start: '2024-01-01', end: '2026-12-31', years: 3 });
    const t = readTasks('3年内实现社区食堂全覆盖（市民政局负责）。', { anchor: '2024-02-01', rules }).tasks[0]!.targets;
    expect(t).toMatchObject([{ due: '2026-12-31', precision: 'period', periodStart: '2024-01-01' }]);
  });
});

describe('notes', () => {
  it('reports a bracket that looks like a responsibility but names no units it can read', () => {
    const r = readTasks('开展专项行动（由行业主管部门会同属地负责，具体按有关规定执行）。', {
      anchor: null,
      label: '（三）',
    });
    expect(r.tasks.map((t) => t.responsibility)).toEqual([null]);
    expect(r.notes).toMatchObject([
      { kind: 'unread_bracket', label: '（三）', excerpt: '（由行业主管部门会同属地负责，具体按有关规定执行）' },
    ]);
  });

  it('does not report explanations that are not about responsibility', () => {
    expect(readTasks('推广新能源汽车（含插电式混合动力汽车）。开展试点（试行）。', { anchor: null }).notes).toEqual([]);
  });

  it('reports a time phrase read as neither target nor background', () => {
    const r = readTasks('3年内实现全覆盖（市民政局负责）。', { anchor: '2024-02-01', label: '（五）' });
    expect(r.tasks[0]!.targets).toEqual([]);
    expect(r.notes).toMatchObject([{ kind: 'unclassified_time', label: '（五）', excerpt: '3年内实现全覆盖' }]);
  });

  it('keeps at most a few notes of a kind per item and counts the rest', () => {
    const r = readTasks('3年内完成。'.repeat(50), { anchor: '2024-02-01', label: '（一）' });
    expect(r.notes).toHaveLength(MAX_NOTES_PER_ITEM + 1);
    expect(r.notes[MAX_NOTES_PER_ITEM]!.message).toContain(`${50 - MAX_NOTES_PER_ITEM} more`);
  });
});

describe('readTasks: names not read as units', () => {
  it('keeps the units, marks the list incomplete and notes the name', () => {
    const reader = taskReader('', '2022-05-01');
    const tasks = reader.read('出台专项方案。（市工信局、智改数转牵头）', '1.');
    expect(tasks[0]).toMatchObject({ departments: [{ name: '市工信局', role: 'lead' }], departmentsIncomplete: true });
    expect(reader.notes).toMatchObject([{ kind: 'unread_bracket', label: '1.' }]);
    expect(reader.notes[0]!.message).toContain('智改数转');
  });

  it('carries each unit of 以下政策措施均需A、B落实，不再单独列出 to the later brackets', () => {
    const reader = taskReader('', '2022-05-01');
    reader.read(
      '设立专项资金。（责任单位：市工信局。以下政策措施均需各县区人民政府、园区管委会落实，不再单独列出）',
      '1.',
    );
    const tasks = reader.read('开展培训。（责任单位：市工信局、市财政局）', '2.');
    expect(tasks[0]!.departments).toEqual([
      { name: '市工信局', role: 'lead' },
      { name: '市财政局', role: 'co' },
      { name: '各县区人民政府', role: 'co' },
      { name: '园区管委会', role: 'co' },
    ]);
    expect(reader.notes).toEqual([]);
  });
});
