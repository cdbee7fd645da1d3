import { chineseNumeral, HAN_NUMERAL_CHARS } from './numerals.ts';
import { normalizeText } from './normalize.ts';

/**
 * The numbering schemes of Chinese official documents (GB/T 9704: 一、 → （一） → 1. → （1）), plus 第一章 /
 * 第一条 for regulations and ①.
 */
export type Scheme = 'chapter' | 'article' | 'han-dun' | 'paren-han' | 'arabic-dot' | 'paren-arabic' | 'circled';

export interface LabelMatch {
  scheme: Scheme;
  /** The label as written, e.g. （一）, (一), 1., 第一条. */
  label: string;
  ordinal: number;
  /** The paragraph after the label, as written, leading spaces removed. */
  rest: string;
}

const N = `[${HAN_NUMERAL_CHARS}]{1,4}`;
const PATTERNS: Array<{ scheme: Scheme; re: RegExp }> = [
  { scheme: 'chapter', re: new RegExp(`^第(${N})(?:章|部分|编)`) },
  { scheme: 'article', re: new RegExp(`^第(${N})条`) },
  { scheme: 'han-dun', re: new RegExp(`^(${N})[、.]`) },
  { scheme: 'paren-han', re: new RegExp(`^\\((${N})\\)`) },
  { scheme: 'paren-arabic', re: /^\((\d{1,3})\)/ },
  // 1.5万 at a line start is a number, not a label.
  { scheme: 'arabic-dot', re: /^(\d{1,3})(?:\.(?!\d)|、)/ },
  { scheme: 'circled', re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/ },
];

export function matchLabel(paragraph: string): LabelMatch | null {
  const n = normalizeText(paragraph);
  for (const { scheme, re } of PATTERNS) {
    const m = re.exec(n);
    if (!m) continue;
    const ordinal = scheme === 'circled' ? m[1]!.charCodeAt(0) - 0x2460 + 1 : chineseNumeral(m[1]!);
    if (!Number.isFinite(ordinal) || ordinal < 1) continue;
    return { scheme, label: paragraph.slice(0, m[0].length), ordinal, rest: paragraph.slice(m[0].length).trim() };
  }
  return null;
}
