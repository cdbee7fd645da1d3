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

describe('normalizeForSearch, character by character', () => {
  // Every code unit the one-pass table covers: ASCII, U+00A0 · ×, General Punctuation to ․, CJK punctuation and
  // ideographs, full-width forms.
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0xa0, 0xa0],
    [0xb7, 0xb7],
    [0xd7, 0xd7],
    [0x2010, 0x2016],
    [0x2018, 0x2024],
    [0x3000, 0x3029],
    [0x3030, 0x303f],
    [0x4e00, 0x9fff],
    [0xff01, 0xff5e],
  ];
  const covered = ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i)));

  it('maps every covered character to exactly one unit', () => {
    const wrong = covered.filter((ch) => normalizeForSearch(ch).length !== 1);
    expect(wrong).toEqual([]);
  });

  it('normalises every covered character as the whole-string path does', () => {
    // A trailing … (which NFKC expands to ...) sends a string down the whole-string path: the reference.
    const wrong = covered.filter((ch) => `${normalizeForSearch(ch)}...` !== normalizeForSearch(`${ch}…`));
    expect(wrong).toEqual([]);
  });

  it('leaves out the characters NFKC expands or reorders, which then take the whole-string path', () => {
    expect(normalizeForSearch('a‗b')).toBe('a \u0333b');
    expect(normalizeForSearch('\uFEFF冷链，ＡＩ')).toBe('\uFEFF冷链,ai');
  });

  it('gives the same text as normalising the whole string at once', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let k = 0; k < 200; k++) {
      const s = Array.from({ length: 1 + (next() % 80) }, () => covered[next() % covered.length]!).join('');
      // A trailing … (which NFKC expands to ...) sends the string down the whole-string path: the reference.
      const whole = normalizeForSearch(`${s}…`);
      expect(whole.endsWith('...')).toBe(true);
      expect(normalizeForSearch(s)).toBe(whole.slice(0, -3));
    }
  });

  it('folds the common punctuation of documents', () => {
    expect(normalizeForSearch('ＡＢＣ—“互联网＋”·\u00a0Ａ')).toBe('abc— 互联网+ · a');
  });
});
