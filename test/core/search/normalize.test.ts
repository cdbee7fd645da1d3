import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../src/core/search/normalize.ts';

describe('normalizeForSearch', () => {
  it('folds traditional characters to simplified, keeping the length (highlights map back to the raw text)', () => {
    expect(normalizeForSearch('冷鏈物流')).toBe('冷链物流');
    expect(normalizeForSearch('發展改革委員會')).toBe('发展改革委员会');
    for (const ch of '冷鏈發展臺灣後來') expect(normalizeForSearch(ch)).toHaveLength(1);
  });

  it('leaves simplified text, ASCII and the other rules as they were', () => {
    expect(normalizeForSearch('冷链物流')).toBe('冷链物流');
    expect(normalizeForSearch('５Ｇ基站〔2021〕“十四五”')).toBe('5g基站[2021] 十四五 ');
  });
});
