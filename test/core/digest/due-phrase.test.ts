import { describe, expect, it } from 'vitest';
import { duePhrase } from '../../../src/core/digest/due-phrase.ts';

const t = (
  due: string,
  precision: 'year' | 'half' | 'quarter' | 'month' | 'day' | 'period',
  periodStart: string | null = null,
) => ({
  due,
  precision,
  periodStart,
});

describe('duePhrase', () => {
  it('says "by end of the year" for a year target instead of inventing a day', () => {
    expect(duePhrase(t('2023-12-31', 'year'), 'zh')).toBe('2023年底前');
    expect(duePhrase(t('2023-12-31', 'year'), 'en')).toBe('by end of 2023');
  });

  it('names halves, quarters and months', () => {
    expect(duePhrase(t('2023-06-30', 'half'), 'zh')).toBe('2023年上半年');
    expect(duePhrase(t('2023-12-31', 'half'), 'zh')).toBe('2023年下半年');
    expect(duePhrase(t('2023-09-30', 'quarter'), 'zh')).toBe('2023年第三季度');
    expect(duePhrase(t('2023-09-30', 'quarter'), 'en')).toBe('Q3 2023');
    expect(duePhrase(t('2023-06-30', 'month'), 'zh')).toBe('2023年6月底前');
    expect(duePhrase(t('2023-06-30', 'month'), 'en')).toBe('by end of June 2023');
    expect(duePhrase(t('2023-06-15', 'day'), 'zh')).toBe('2023年6月15日');
  });

  it('names five-year plan periods with their years', () => {
    expect(duePhrase(t('2025-12-31', 'period', '2021-01-01'), 'zh')).toBe('“十四五”期间 (2021–2025)');
    expect(duePhrase(t('2020-12-31', 'period', '2016-01-01'), 'zh')).toBe('“十三五”期间 (2016–2020)');
    expect(duePhrase(t('2025-12-31', 'period', '2021-01-01'), 'en')).toBe('14th Five-Year Plan period (2021–2025)');
    expect(duePhrase(t('2024-12-31', 'period', '2022-01-01'), 'zh')).toBe('2022–2024年期间');
  });
});
