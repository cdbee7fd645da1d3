import { describe, expect, it } from 'vitest';
import {
  extractQuantity,
  extractTargets,
  MAX_QUOTE_CHARS,
  readTargets,
  statedPeriod,
} from '../../../src/core/parse/targets.ts';
import { parseLines } from './helpers.ts';

const one = (text: string, anchor: string | null = '2023-03-01') => {
  const t = extractTargets(text, anchor);
  expect(t, text).toHaveLength(1);
  return t[0]!;
};

describe('extractTargets: date forms', () => {
  it.each([
    ['到2025年全市建成5G基站10万个', '2025-12-31', 'year'],
    ['2024年底前完成老旧集贸市场改造', '2024-12-31', 'year'],
    ['2024年前实现有条件的行政村全覆盖', '2024-12-31', 'year'],
    ['2024年实现项目总体完工', '2024-12-31', 'year'],
    ['2023年6月底前上线运行', '2023-06-30', 'month'],
    ['2024年2月底完成验收', '2024-02-29', 'month'],
    ['2023年第三季度前出台实施细则', '2023-09-30', 'quarter'],
    ['2024年上半年完成试点', '2024-06-30', 'half'],
    ['2024年下半年前全面推开', '2024-12-31', 'half'],
    ['2024年6月30日前完成清理', '2024-06-30', 'day'],
    // 每万人 is per head, not a recurrence.
    ['到2025年每万人拥有5G基站26个', '2025-12-31', 'year'],
    // Setting up a routine by a date is a deliverable, and so is a routine with something to finish.
    ['2023年6月底前，建立每月通报制度', '2023-06-30', 'month'],
    ['到2025年底前，建立定期会商机制', '2025-12-31', 'year'],
    ['到2024年底，实现定期巡检全覆盖', '2024-12-31', 'year'],
    ['2024年底前，制定年度工作计划并按月报送进展', '2024-12-31', 'year'],
    ['2023年底前，各区每季度至少开展1次检查并完成整改', '2023-12-31', 'year'],
    ['到2025年，建成每周至少开行3班的中欧班列线路', '2025-12-31', 'year'],
    ['2024年6月底前，出台每年度补贴资金管理办法', '2024-06-30', 'month'],
    ['2023年12月31日前完成定期存款利率调整', '2023-12-31', 'day'],
  ])('%s → %s (%s)', (text, due, precision) => {
    const t = one(text);
    expect(t.due).toBe(due);
    expect(t.precision).toBe(precision);
    expect(t.periodStart).toBeNull();
    expect(t.text).toBe(text);
  });

  it('reads plan periods 十三五 / 十四五 / 十五五', () => {
    expect(one('“十三五”期间累计培育100家企业', null)).toMatchObject({
      due: '2020-12-31',
      precision: 'period',
      periodStart: '2016-01-01',
    });
    expect(one('十四五时期建成国际消费中心城市', null)).toMatchObject({ due: '2025-12-31', periodStart: '2021-01-01' });
    expect(one('“十五五”末实现全覆盖', null)).toMatchObject({
      due: '2030-12-31',
      periodStart: '2026-01-01',
      quantity: '全覆盖',
    });
  });

  it('resolves relative forms against the document date, and skips them without one', () => {
    expect(one('年底前完成平台建设', '2023-05-10')).toMatchObject({ due: '2023-12-31', precision: 'year' });
    expect(one('明年实现县域全覆盖', '2023-05-10')).toMatchObject({ due: '2024-12-31', precision: 'year' });
    expect(one('今年上半年完成摸底', '2023-05-10')).toMatchObject({ due: '2023-06-30', precision: 'half' });
    expect(one('第三季度前出台配套政策', '2023-05-10')).toMatchObject({ due: '2023-09-30', precision: 'quarter' });
    expect(extractTargets('年底前完成平台建设，明年实现县域全覆盖', null)).toEqual([]);
  });

  it('takes the next clause when the time phrase stands alone', () => {
    expect(one('到2025年，全省新建充电桩5万个，服务全省居民', null).text).toBe('到2025年，全省新建充电桩5万个');
  });

  it('joins short clauses with further amounts and cuts long or unquantified ones', () => {
    expect(one('到2021年实现品牌连锁便利店中心城区全覆盖，24小时便利店占比达到50%以上。', null).text).toBe(
      '到2021年实现品牌连锁便利店中心城区全覆盖，24小时便利店占比达到50%以上',
    );
    expect(
      one('到2022年底累计建成5G基站5万个，实现中心城区、滨海新区核心区及各开发区、重要交通枢纽全面覆盖。', null).text,
    ).toBe('到2022年底累计建成5G基站5万个');
  });

  it('finds several targets in one text, in order', () => {
    const t = extractTargets('到2023年建成10个示范区；到2025年建成30个示范区。', null);
    expect(t.map((x) => x.due)).toEqual(['2023-12-31', '2025-12-31']);
  });
});

describe('extractTargets: not targets', () => {
  it.each([
    '2020年全国网上零售额同比增长10.9%',
    '2020年，实物商品网上零售额9.8万亿元',
    '2021年全市社会消费品零售总额13967.7亿元，增长18.5%',
    '贯彻实施《网络强省建设三年行动计划(2021-2023年)》，打造“双千兆”网络格局',
    '中共中央、国务院印发的《扩大内需战略规划纲要（2022—2035年）》指出',
    '本文为“全市域青年发展型城市建设”专项调研课题项目：2025QN02成果',
    '发布国内首个消费金融行业发展状况指数——2025中国消费金融指数',
    '2025年重庆市政府工作报告提出，建设国家工业设计示范城市',
    '以2024年文娱消费市场为例，青年群体消费贡献度高达40%',
    '实行报关差错网上复核，审核时间压缩至3个工作日',
    '每年举办“网农对接”活动不少于50场',
    '2020年以来已发布15项国家标准',
    '今年以来，我国经济运行呈现稳定恢复态势',
  ])('%s', (text) => expect(extractTargets(text, '2023-01-15')).toEqual([]));

  it('treats a date before the document date as background', () => {
    expect(extractTargets('到2020年底建成5G基站3万个', '2021-08-03')).toEqual([]);
    expect(extractTargets('到2020年底建成5G基站3万个', null)).toHaveLength(1);
  });

  it('treats 已… (already done) as a statistic, with or without a document date', () => {
    expect(extractTargets('到2020年底已建成5G基站3万个', null)).toEqual([]);
  });
});

describe('extractQuantity', () => {
  it.each([
    ['累计建成5G基站5万个', '5万个'],
    ['24小时便利店占比达到50%以上', '50%以上'],
    ['活动不少于20场', '不少于20场'],
    ['实现县域全覆盖', '全覆盖'],
    ['实现项目总体完工', null],
  ])('%s → %s', (text, q) => expect(extractQuantity(text)).toBe(q));
});

describe('readTargets: deadlines resolved against the document', () => {
  const anchor = '2024-03-15';
  it.each([
    // Relative to the written date: written date + N.
    ['自印发之日起60日内完成清理', '2024-05-14', 'day', null],
    ['本方案印发后3个月内出台实施细则', '2024-06-15', 'day', null],
    ['自本通知印发之日起两周内报送名单', '2024-03-29', 'day', null],
    ['文件出台后1年内完成评估', '2025-03-15', 'day', null],
    // Working days skip weekends and public holidays (Qingming, 4–6 April 2024).
    ['自本通知印发之日起15个工作日内完成', '2024-04-08', 'day', null],
    // A stated period.
    ['自2024年起3年内建成100个示范社区', '2026-12-31', 'period', '2024-01-01'],
    ['从2024年起，用三年时间完成改造', '2026-12-31', 'period', '2024-01-01'],
    ['自2024年3月1日起，开展为期两年的专项整治行动', '2026-02-28', 'period', '2024-03-01'],
    ['自2024年4月起，开展为期6个月的集中排查', '2024-09-30', 'period', '2024-04-01'],
    // Day precision, with and without the year.
    ['各地于2024年4月30日前报送省商务厅', '2024-04-30', 'day', null],
    ['请于5月31日前报送工作总结', '2024-05-31', 'day', null],
    ['于1月10日前报送上年度总结', '2025-01-10', 'day', null],
    ['6月底前完成摸底', '2024-06-30', 'month', null],
    // 年内 → the document's year.
    ['年内完成平台建设', '2024-12-31', 'year', null],
    // Chinese-numeral years, months and days.
    ['到二〇二五年底，建成示范区10个', '2025-12-31', 'year', null],
    ['二〇二五年十二月三十一日前完成验收', '2025-12-31', 'day', null],
    ['二〇二四年六月底前完成', '2024-06-30', 'month', null],
  ])('%s → %s (%s)', (text, due, precision, periodStart) => {
    const r = readTargets(text, { anchor });
    expect(r.targets, text).toHaveLength(1);
    expect(r.targets[0]).toMatchObject({ due, precision, periodStart });
    expect(r.unclassified).toEqual([]);
  });

  it('reads a future period that opens a sentence as a clause of its own as a schedule', () => {
    expect(readTargets('2019年上半年，试点城市政府印发实施方案。', { anchor: '2019-01-21' }).targets).toMatchObject([
      { due: '2019-06-30', precision: 'half', text: '2019年上半年，试点城市政府印发实施方案' },
    ]);
    // A bare year that opens a sentence may as well be a statistic: reported, not taken.
    expect(readTargets('2020年，实物商品网上零售额9.8万亿元', { anchor: '2019-01-21' })).toEqual({
      targets: [],
      unclassified: ['2020年，实物商品网上零售额9.8万亿元'],
    });
  });

  it('quotes the clause as written, from the time phrase', () => {
    expect(readTargets('各地于2024年4月30日前报送省商务厅，逾期不再受理', { anchor }).targets[0]!.text).toBe(
      '2024年4月30日前报送省商务厅',
    );
    expect(readTargets('到二〇二五年底，建成示范区10个', { anchor }).targets[0]).toMatchObject({
      text: '到二〇二五年底，建成示范区10个',
      quantity: '10个',
    });
  });

  it('reports relative deadlines it cannot date instead of guessing', () => {
    expect(readTargets('自印发之日起60日内完成清理', { anchor: null })).toEqual({
      targets: [],
      unclassified: ['自印发之日起60日内完成清理'],
    });
    expect(readTargets('3年内实现全覆盖', { anchor }).unclassified).toEqual(['3年内实现全覆盖']);
  });

  it('reads a bare N年内 as the stated period of the document', () => {
    const period = statedPeriod('自2024年起3年内，完成全部老旧小区改造。')!;
    expect(period).toEqual({ start: '2024-01-01', end: '2026-12-31', years: 3 });
    expect(readTargets('3年内实现社区食堂全覆盖', { anchor, period }).targets).toMatchObject([
      { due: '2026-12-31', precision: 'period', periodStart: '2024-01-01' },
    ]);
    // Another count is another span, not the stated one.
    expect(readTargets('5年内实现全覆盖', { anchor, period }).targets).toEqual([]);
  });
});

describe('readTargets: not targets', () => {
  it.each([
    // Validity windows of a subsidy or rule.
    '2024年1月1日至2024年12月31日期间购买新能源汽车的，给予补贴',
    '政策执行期为2024年3月1日至2026年2月28日',
    '受理时间为2024年4月1日至4月30日',
    // Durations.
    '对新引进企业6个月内给予房租补贴',
    '用1—2年时间',
    '上年度营业收入超过1000万元的企业',
    // Recurring quotas.
    '每年6月底前报送上年度工作情况',
    '每年年底前完成评估',
    '每季度末报送进展情况',
    // A date bounding a routine: how often something recurs until then.
    '2030年以前，协调委原则上每半年召开一次例会，因工作需要也可临时召开',
    '到2026年，每年培训家政服务人员1万人次',
    '2025年底前，定期召开联席会议',
    // Benefit periods.
    '3年内给予每年5万元补贴',
    '5年内免征城镇土地使用税',
    // Past statistics.
    '2023年全市社会消费品零售总额增长5%',
    '截至2023年底，全市已建成5G基站3万个',
    '2023年1月1日前已完成转制的企业',
    // Spans and starting points.
    '1997年10月――1998年2月开展清理',
    '从2023年第二季度起，每个季度第1个月的20日前报送',
    '今年以来，消费持续恢复',
  ])('%s', (text) => {
    expect(readTargets(text, { anchor: '2024-03-15' })).toEqual({ targets: [], unclassified: [] });
  });

  it.each([
    ['到0000年1月1日前完成'],
    ['0004年2月29日前完成'],
    ['9999年12月31日前完成'],
    ['到1800年底完成'],
    ['2101年6月底前完成'],
    ['二〇〇〇年二月三十日前完成'],
  ])('%s: years outside 1949–2100 and impossible days are never dates', (text) => {
    expect(extractTargets(text, null)).toEqual([]);
  });
});

describe('readTargets: bounded in any input', () => {
  it('ends every quote at the next time phrase, so repeated deadlines without separators stay small', () => {
    const text = '到2022年底x'.repeat(2000);
    const t = extractTargets(text, null);
    expect(t).toHaveLength(2000);
    expect(t.every((x) => x.text === '到2022年底x')).toBe(true);
  });

  it('never quotes more than MAX_QUOTE_CHARS', () => {
    const t = extractTargets(`到2025年建成${'示范'.repeat(5000)}`, null);
    expect(t).toHaveLength(1);
    expect(t[0]!.text.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
  });

  it('reads a year followed by a long run of spaces as nothing', () => {
    expect(extractTargets(`加强2022${' '.repeat(100_000)}x。`, null)).toEqual([]);
  });
});

describe('dates out of range never reach the index', () => {
  it('a document with 到0000年1月1日前, 0004年2月29日前 and 9999年12月31日前 stores no due date', () => {
    const doc = parseLines([
      '某市关于开展试点的通知',
      '（一）到0000年1月1日前完成清理（市商务局负责）。',
      '（二）0004年2月29日前完成评估（市财政局负责）。',
      '（三）9999年12月31日前建成平台（市发展改革委负责）。',
      '（四）到2025年底建成示范区10个（市商务局负责）。',
    ]);
    const dues = doc.measures.flatMap((m) => m.tasks.flatMap((t) => t.targets.map((x) => x.due)));
    expect(dues).toEqual(['2025-12-31']);
  });
});

describe('readTargets: the period a plan states in its title', () => {
  const anchor = null;

  it('takes a title range as the stated period when the text states none', () => {
    const period = statedPeriod(
      '一、总体目标\n力争通过3年左右的努力，基本建成中医药服务体系。',
      '某省行动计划（2022—2024年）',
    );
    expect(period).toEqual({ start: '2022-01-01', end: '2024-12-31', years: 3 });
    expect(readTargets('力争通过3年左右的努力，基本建成中医药服务体系', { anchor, period }).targets).toMatchObject([
      { due: '2024-12-31', precision: 'period', periodStart: '2022-01-01' },
    ]);
    expect(readTargets('3年内实现全覆盖', { anchor, period }).targets).toMatchObject([{ due: '2024-12-31' }]);
  });

  it('prefers a period stated in the text, and reads no period from a title without a range', () => {
    expect(statedPeriod('自2023年起3年内完成改造。', '某市规划（2021—2025年）')).toEqual({
      start: '2023-01-01',
      end: '2025-12-31',
      years: 3,
    });
    expect(statedPeriod('力争通过3年左右的努力', '某省行动计划')).toBeNull();
    expect(statedPeriod('', '某省行动计划（2025—2022年）')).toBeNull();
  });

  it('does not date 通过N年的努力 to a period of another length, nor without one', () => {
    const period = { start: '2022-01-01', end: '2024-12-31', years: 3 };
    expect(readTargets('通过5年左右的努力，建成强省', { anchor, period }).targets).toEqual([]);
    expect(readTargets('通过3年左右的努力，建成强省', { anchor: '2022-01-01' }).targets).toEqual([]);
  });
});
