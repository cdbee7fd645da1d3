import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBSCRIPTION_OPTIONS, subscriptionCron } from '../../../src/core/subscriptions/model.ts';
import { parseSubscribe } from '../../../src/core/subscriptions/parse-subscribe.ts';
import { isTimeZone } from '../../../src/lib/dates.ts';

const parse = (text: string) => parseSubscribe(text, isTimeZone, '2026-11-23');

describe('parseSubscribe', () => {
  it('keeps the search query as typed and defaults to Monday 09:00 in the workspace zone', () => {
    expect(parse('冷链 部门:商务 地区:天津 现行')).toEqual({
      ok: true,
      query: '冷链 部门:商务 地区:天津 现行',
      options: DEFAULT_SUBSCRIPTION_OPTIONS,
    });
    expect(parse('')).toEqual({ ok: true, query: '', options: DEFAULT_SUBSCRIPTION_OPTIONS });
  });

  it('takes the schedule words out of the query', () => {
    const r = parse('地区:天津 周三 08:30 提前:14天 时区:Europe/Berlin 无则不发 仅变化');
    expect(r).toEqual({
      ok: true,
      query: '地区:天津',
      options: {
        weekday: 3,
        time: '08:30',
        horizonDays: 14,
        timeZone: 'Europe/Berlin',
        skipEmpty: true,
        changesOnly: true,
      },
    });
    const en = parse('region:天津 friday 7:05 horizon:7 skip-empty changes');
    expect(en).toMatchObject({
      ok: true,
      query: 'region:天津',
      options: { weekday: 5, time: '07:05', horizonDays: 7, skipEmpty: true, changesOnly: true },
    });
    expect(parse('星期日 部门:商务')).toMatchObject({ ok: true, query: '部门:商务', options: { weekday: 7 } });
  });

  it('answers a bad schedule word or a bad filter with what was wrong', () => {
    expect(parse('地区:天津 25:00')).toEqual({ ok: false, problem: 'bad_time', value: '25:00' });
    expect(parse('提前:0')).toEqual({ ok: false, problem: 'bad_horizon', value: '0' });
    expect(parse('时区:Mars/Base')).toEqual({ ok: false, problem: 'bad_time_zone', value: 'Mars/Base' });
    expect(parse('类型:报纸')).toEqual({ ok: false, problem: 'bad_kind', value: '报纸' });
    expect(parse('年:明年')).toEqual({ ok: false, problem: 'bad_due', value: '明年' });
  });
});

describe('subscriptionCron', () => {
  it('is the weekly cron of the day and time (Sunday is 0 in cron)', () => {
    expect(subscriptionCron({ weekday: 1, time: '09:00' })).toBe('0 9 * * 1');
    expect(subscriptionCron({ weekday: 7, time: '18:45' })).toBe('45 18 * * 0');
  });
});
