import { describe, expect, it } from 'vitest';
import { responsibilityLines } from '../../../src/core/parse/responsibility-lines.ts';
import { splitTasks } from '../../../src/core/parse/tasks.ts';

describe('responsibilityLines', () => {
  it('finds 【责任单位】 and 责任单位： lines, merging consecutive ones', () => {
    const text = '发展直播电商。\n【牵头单位】市商务局\n【配合单位】市财政局\n培训主播。\n责任单位：市人社局';
    expect(responsibilityLines(text).map((b) => b.inner)).toEqual([
      '【牵头单位】市商务局\n【配合单位】市财政局',
      '责任单位：市人社局',
    ]);
  });

  it('ignores a sentence that merely mentions 责任单位', () => {
    expect(responsibilityLines('压实责任单位主体责任，责任单位要定期报告。')).toEqual([]);
  });
});

describe('splitTasks with responsibility lines', () => {
  it('closes a task at each responsibility line, like a bracket', () => {
    const tasks = splitTasks(
      '建设直播基地，2025年底前认定基地10个。\n【责任单位】市商务局\n培训主播。\n【责任单位】市人社局、市总工会',
      '2024-07-02',
    );
    expect(tasks.map((t) => [t.text, t.departments.map((d) => `${d.name}:${d.role}`)])).toEqual([
      ['建设直播基地，2025年底前认定基地10个。', ['市商务局:lead']],
      ['培训主播。', ['市人社局:lead', '市总工会:co']],
    ]);
    expect(tasks[0]!.targets.map((t) => t.due)).toEqual(['2025-12-31']);
  });
});

describe('responsibility lines with a deadline line', () => {
  it('reads 【完成时限】 among the lines as the task’s deadline, not as a unit', () => {
    const tasks = splitTasks(
      '建设智慧菜市场10个。\n【牵头单位】市商务局\n【配合单位】市财政局\n【完成时限】2025年6月底前\n培训主播。\n【责任单位】市人社局',
      '2024-07-02',
    );
    expect(
      tasks.map((t) => [
        t.text,
        t.departments.map((d) => `${d.name}:${d.role}`),
        t.targets.map((x) => `${x.due}/${x.precision}`),
      ]),
    ).toEqual([
      ['建设智慧菜市场10个。', ['市商务局:lead', '市财政局:co'], ['2025-06-30/month']],
      ['培训主播。', ['市人社局:lead'], []],
    ]);
    expect(tasks[0]!.targets[0]!.text).toBe('【完成时限】2025年6月底前');
  });
});

describe('responsibilityLines: a bureau assigning its sections', () => {
  it('reads 责任科室： and 牵头处室： lines like 责任单位：, and lines split by blank lines as one', () => {
    const text = '加强思想理论武装。\n牵头处室：组干科\n\n责任科室：机关党委、办公室\n开展学习。';
    expect(responsibilityLines(text).map((b) => b.inner)).toEqual(['牵头处室：组干科\n\n责任科室：机关党委、办公室']);
    expect(splitTasks(text, null)[0]!.departments).toEqual([
      { name: '组干科', role: 'lead' },
      { name: '机关党委', role: 'co' },
      { name: '办公室', role: 'co' },
    ]);
  });

  it('ignores a sentence that mentions 科室', () => {
    expect(responsibilityLines('各科室要落实责任，责任科室负责人定期报告。')).toEqual([]);
  });
});

describe('responsibilityLines: which role fields start a line', () => {
  it('reads 实施单位： and 协同部门： lines with the roles their names give', () => {
    const text =
      '建设冷链物流中心。\n实施单位：市商务局\n协同部门：市交通运输局\n推进快递进村。\n实施单位：市邮政管理局';
    expect(responsibilityLines(text).map((b) => b.inner)).toEqual([
      '实施单位：市商务局\n协同部门：市交通运输局',
      '实施单位：市邮政管理局',
    ]);
    expect(splitTasks(text, null)[0]!.departments).toEqual([
      { name: '市商务局', role: 'lead' },
      { name: '市交通运输局', role: 'co' },
    ]);
  });

  it('leaves a saved page’s 主办单位：/承办单位： footer and a notice’s 参加单位： line to the text', () => {
    expect(responsibilityLines('推进快递进村。\n主办单位：某省人民政府办公厅\n网站标识码：1100000088')).toEqual([]);
    expect(responsibilityLines('推进快递进村。\n主办单位：某市人民政府办公厅\n承办单位：某市大数据中心')).toEqual([]);
    expect(responsibilityLines('召开推进会。\n参加单位：各区县人民政府')).toEqual([]);
  });
});
