import { normalizeText } from './normalize.ts';
import { chineseNumeral, HAN_NUMERAL_CHARS } from './numerals.ts';

/**
 * The numbering schemes of Chinese official documents (GB/T 9704: 一、 → （一） → 1. → （1）), plus 第一章 /
 * 第一条 for regulations, ①, and the decimal outline of emergency plans (1 总则 → 1.1 … → 1.1.1 …).
 */
export type Scheme =
  | 'chapter'
  | 'article'
  | 'decimal-1'
  | 'decimal-2'
  | 'decimal-3'
  | 'han-dun'
  | 'paren-han'
  | 'arabic-dot'
  | 'paren-arabic'
  | 'circled';

/** Schemes from the outermost level in. Which of them a document uses, and which one holds its measures, is
 * decided per document (structure.ts); this is only the order they nest in when they appear together. */
export const SCHEME_RANK: readonly Scheme[] = [
  'chapter',
  'article',
  'decimal-1',
  'decimal-2',
  'decimal-3',
  'han-dun',
  'paren-han',
  'arabic-dot',
  'paren-arabic',
  'circled',
];

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
  // 1 总则 / 1.1 编制目的 / 1.2.1 国家级: the number, then a space, then the heading.
  { scheme: 'decimal-3', re: /^\d{1,2}\.\d{1,2}\.(\d{1,2})(?=[ \t]+\S)/ },
  { scheme: 'decimal-2', re: /^\d{1,2}\.(\d{1,2})(?=[ \t]+\S)/ },
  { scheme: 'decimal-1', re: /^(\d{1,2})(?=[ \t]+[^\d\s.])/ },
  // 1.5万 at a line start is a number, not a label.
  { scheme: 'arabic-dot', re: /^(\d{1,3})(?:\.(?!\d)|、)/ },
  { scheme: 'circled', re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/ },
];

/**
 * How much of a paragraph's start a label and the lookahead after it can span (第一百二十三条, 1.2.3 and its
 * spaces): only that much is normalised, not the whole paragraph, for a rule every paragraph goes through.
 */
const LABEL_HEAD_CHARS = 64;

/** Every pattern above starts with one of these (after normalisation): most paragraphs are ruled out by it. */
const LABEL_FIRST_CHARS = new Set(`第(0123456789${HAN_NUMERAL_CHARS}①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳`);

export function matchLabel(paragraph: string): LabelMatch | null {
  if (paragraph.length === 0 || !LABEL_FIRST_CHARS.has(normalizeText(paragraph[0]!))) return null;
  const n = normalizeText(paragraph.length > LABEL_HEAD_CHARS ? paragraph.slice(0, LABEL_HEAD_CHARS) : paragraph);
  for (const { scheme, re } of PATTERNS) {
    const m = re.exec(n);
    if (!m) continue;
    const ordinal = scheme === 'circled' ? m[1]!.charCodeAt(0) - 0x2460 + 1 : chineseNumeral(m[1]!);
    if (!Number.isFinite(ordinal) || ordinal < 1) continue;
    return { scheme, label: paragraph.slice(0, m[0].length), ordinal, rest: paragraph.slice(m[0].length).trim() };
  }
  return null;
}
