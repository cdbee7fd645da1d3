import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../../src/core/parse/numerals.ts';

describe('chineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['两千', 2000],
    ['5万', 50000],
    ['1.5万', 15000],
    ['两亿', 2e8],
    ['二〇二一', 2021],
    ['12', 12],
    ['１２', 12],
    ['三千五百万', 35e6],
  ])('%s → %d', (s, n) => expect(chineseNumeral(s)).toBe(n));

  it('is NaN for non-numerals', () => {
    expect(chineseNumeral('五G')).toBeNaN();
    expect(chineseNumeral('')).toBeNaN();
  });
});
