/** Chinese and Arabic numerals as they appear in labels (（十一）), quantities (5万, 两千) and years (二〇二一). */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters a Chinese numeral may contain; used by the regexes of other modules. */
export const HAN_NUMERAL_CHARS = '零〇○一二三四五六七八九十百千两';

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The value of a numeral: 十一 → 11, 二十 → 20, 一百零五 → 105, 两千 → 2000, 5万 → 50000, 1.5万 → 15000,
 * 二〇二一 → 2021 (digit-by-digit year form), 12 → 12. NaN when the string is not a numeral.
 */
export function chineseNumeral(input: string): number {
  if (input.length > MEMO_MAX_LENGTH) return numeralValue(input);
  let value = memo.get(input);
  if (value === undefined) {
    value = numeralValue(input);
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(input, value);
  }
  return value;
}

/**
 * Every label of a document is read through chineseNumeral, most of them the same few (一, 二, 十一): their values
 * are remembered. Bounded: at most MEMO_ENTRIES strings of at most MEMO_MAX_LENGTH characters.
 */
const MEMO_MAX_LENGTH = 12;
const MEMO_ENTRIES = 4096;
const memo = new Map<string, number>();

function numeralValue(input: string): number {
  const s = toHalfWidthDigits(input.trim());
  if (s === '') return Number.NaN;
  const mixed = /^(\d+(?:\.\d+)?)([万亿]?)$/.exec(s);
  if (mixed) return Number(mixed[1]) * (mixed[2] ? BIG_UNITS[mixed[2]]! : 1);
  if (![...s].every((c) => c in DIGITS || c in SMALL_UNITS || c in BIG_UNITS)) return Number.NaN;
  // Year style: only digits, no units (二〇二一).
  if (s.length > 1 && [...s].every((c) => c in DIGITS)) {
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      // A bare unit (十一) means one of it.
      section += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * BIG_UNITS[c]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}
