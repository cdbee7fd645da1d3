import { describe, expect, it } from 'vitest';
import { extractQuantity, extractTargets } from '../../../src/core/parse/targets.ts';

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
  ])('%s → %s (%s)', (text, due, precision) => {
    const t = one(text);
    expect(t.due).toBe(due);
    expect(t.precision).toBe(precision);
    expect(t.periodStart).toBeNull();
    expect(t.text).toBe(text);
  });

  it('reads plan periods 十三五 / 十四五 / 十五五', () => {
    expect(one('“十三五”期间累计培育100家企业', null)).toMatchObject({ due: '2020-12-31', precision: 'period', periodStart: '2016-01-01' });
    expect(one('十四五时期建成国际消费中心城市', null)).toMatchObject({ due: '2025-12-31', periodStart: '2021-01-01' });
    expect(one('“十五五”末实现全覆盖', null)).toMatchObject({ due: '2030-12-31', periodStart: '2026-01-01', quantity: '全覆盖' });
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
    expect(one('到2022年底累计建成5G基站5万个，实现中心城区、滨海新区核心区及各开发区、重要交通枢纽全面覆盖。', null).text).toBe('到2022年底累计建成5G基站5万个');
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
