import { describe, expect, it } from 'vitest';
import type { ParsedDocument, ParsedTask } from '../../../src/core/model.ts';
import { taskReader } from '../../../src/core/parse/tasks.ts';
import { fixtureBytes, parseFixture, rolesInOrder, targetsInOrder } from './fixture.ts';

/**
 * Real provincial, municipal and district documents (public copies, often only their openings; traditional-character
 * copies converted to simplified), read for responsibility and targets. Expected results are written from the
 * genre's rules, by reading each text.
 *
 * - guandu-growth-2016.txt: Kunming Guandu district growth measures (kmgd.gov.cn, 2016-12-06), 1.–4.
 * - dongguan-employment-2021.txt: 东府〔2021〕54号 (Dongguan employment measures), items 1.–2.
 * - wuhan-duty-notice-2023.txt: 武政办〔2023〕1号 (Wuhan notice on the duty split of the work report).
 * - sichuan-circulation-2022.txt: Sichuan DRC “十四五” modern circulation plan (2022-10-18), (一)–(二).
 * - suining-approval-2019.txt: 遂府函〔2019〕55号 (Suining construction-approval reform), 一、(一)–(三).
 */

const units = (tasks: ParsedTask[]): string[][] => tasks.map((t) => t.departments.map((d) => `${d.name}:${d.role}`));
const notesOf = (d: ParsedDocument) =>
  d.notes.filter((n) => n.kind === 'unread_bracket' || n.kind === 'unclassified_time');

/** Items of a document whose structure is not under test here: each line starting with （N） is one item. */
function items(file: string): Array<{ label: string; text: string }> {
  const text = new TextDecoder().decode(fixtureBytes(file));
  return text
    .split('\n')
    .map((line) => /^[(（]([一二三四五六七八九十]+)[)）](.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ label: `(${m[1]})`, text: m[2]! }));
}

describe('district measures with 牵头/配合 brackets (Kunming Guandu)', () => {
  const doc = parseFixture('guandu-growth-2016.txt');

  it('reads the lead, the co-workers, and 区级相关部门 / 等部门 as an incomplete list', () => {
    expect(rolesInOrder(doc)).toEqual([
      [['区政务服务局:lead', '区发改局:co', '区审改办:co', '区住建局:co']],
      [['区国土分局:lead', '区规划分局:co']],
      [['区环保局:lead', '区水务局:co']],
      [
        [
          '区发改局:lead',
          '区财政局:co',
          '区交运局:co',
          '区经贸投促局:co',
          '区住建局:co',
          '区水务局:co',
          '区国投公司:co',
          '各街道办事处:co',
        ],
      ],
    ]);
    expect(doc.measures.map((m) => m.tasks[0]!.departmentsIncomplete)).toEqual([true, true, true, true]);
  });

  it('takes approval durations (14个工作日内) for no target, and reports 5月底前 it cannot date without the document date', () => {
    expect(targetsInOrder(doc)).toEqual([[], [], [], []]);
    expect(notesOf(doc)).toMatchObject([
      { kind: 'unclassified_time', label: '1.', excerpt: '5月底前实现我区中介超市上线运行' },
    ]);
  });
});

describe('municipal measures full of validity windows (Dongguan)', () => {
  const doc = parseFixture('dongguan-employment-2021.txt');

  it('reads 负责 lists with the first listed leading', () => {
    expect(rolesInOrder(doc)).toEqual([
      [['市人力资源社会保障局:lead', '市医保局:co', '市财政局:co', '市税务局:co']],
      [['市残联:lead', '市财政局:co', '市税务局:co']],
    ]);
  });

  it('takes 实施期限至…, 延长至…, 某日至某日 and 不高于2017年标准 for no target and no doubt', () => {
    expect(targetsInOrder(doc)).toEqual([[], []]);
    expect(notesOf(doc)).toEqual([]);
  });
});

describe('a municipal notice with a reporting deadline and a recurring one (Wuhan)', () => {
  const doc = parseFixture('wuhan-duty-notice-2023.txt');

  it('reads 于2023年2月10日前报送 as a day deadline, and 每个季度…20日前 as a routine', () => {
    expect(targetsInOrder(doc)).toEqual([['2023-02-10/day'], [], []]);
    expect(doc.measures[0]!.tasks[0]!.targets[0]!.text).toMatch(/^2023年2月10日前将制订的办理方案/);
    expect(notesOf(doc)).toEqual([]);
  });

  it('does not take the explanation （无牵头单位的，责任单位即为牵头单位，下同） inside a sentence for a responsibility', () => {
    expect(doc.measures.every((m) => m.tasks.every((t) => t.responsibility === null))).toBe(true);
  });
});

describe('a provincial plan with 〔责任单位〕 brackets and a unit implied for every later task (Sichuan)', () => {
  it('adds 相关市（州）人民政府, declared once with 不再做分工，下同, to the later brackets', () => {
    const reader = taskReader('', '2022-10-18');
    const read = items('sichuan-circulation-2022.txt').map((i) => units(reader.read(i.text, i.label)));
    expect(read).toEqual([
      [['省发展改革委:lead', '省市场监管局:co', '商务厅:co', '省大数据中心:co']],
      [['省市场监管局:lead', '相关市(州)人民政府:co']],
    ]);
    expect(reader.notes).toEqual([]);
  });
});

describe('a municipal plan with dated goals (Suining)', () => {
  it('reads 到2019年6月底，… and 到2019年12月底，… as month deadlines quoted with their commitment', () => {
    const reader = taskReader('', '2019-04-29');
    const targets = items('suining-approval-2019.txt').map((i) =>
      reader.read(i.text, i.label).flatMap((t) => t.targets),
    );
    expect(targets.map((ts) => ts.map((t) => `${t.due}/${t.precision}`))).toEqual([
      [],
      [],
      ['2019-06-30/month', '2019-12-31/month'],
    ]);
    expect(targets[2]!.map((t) => t.text)).toEqual([
      '到2019年6月底,基本实现工程建设项目(主要是房屋建筑和城市基础设施)全流程审批时间压缩至90个工作日以内',
      '到2019年12月底,实现工程建设项目审批管理系统与相关系统平台互联互通',
    ]);
    expect(reader.notes).toEqual([]);
  });
});
