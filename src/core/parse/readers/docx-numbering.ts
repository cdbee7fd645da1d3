/**
 * Word list numbering (numbering.xml): the label Word draws in front of a numbered paragraph, which is not in
 * the document text. Counters follow Word: a list (w:num) counts on its abstract definition, so lists sharing
 * one continue each other unless a w:startOverride restarts them; numbering a level restarts the deeper ones.
 */
import { parseXml, wAttr, wDescendants } from './word-xml.ts';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  suff: 'tab' | 'space' | 'nothing';
  /** Paragraph style bound to this level (w:pStyle), so a styled heading is numbered without w:numPr. */
  pStyle: string | null;
  isLgl: boolean;
}

interface Num {
  abstractId: string;
  startOverrides: Map<number, number>;
}

const HAN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 100000) return String(n);
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : HAN_DIGITS[d]) + unit;
  });
  return out;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: 27 → aa.
  const ch = String.fromCharCode(0x61 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in a w:numFmt. Unknown formats fall back to decimal, as Word does. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1]! : String(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? TIANGAN[n - 1]! : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

export class WordNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, Num>();
  /** Paragraph style → its numbering (from styles.xml, following w:basedOn). */
  private readonly styleNum = new Map<string, { numId: string; ilvl: number | null }>();
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly restarted = new Set<string>();

  constructor(numberingXml: string | null, stylesXml: string | null) {
    if (numberingXml) this.readNumbering(numberingXml);
    if (stylesXml) this.readStyles(stylesXml);
  }

  private readNumbering(xml: string): void {
    const root = parseXml(xml);
    if (!root) return;
    for (const a of wDescendants(root, 'abstractNum')) {
      const abstract = new Map<number, Level>();
      this.abstracts.set(wAttr(a, 'abstractNumId') ?? '', abstract);
      for (const l of wDescendants(a, 'lvl')) {
        const level: Level = { start: 1, numFmt: 'decimal', lvlText: '', suff: 'tab', pStyle: null, isLgl: false };
        abstract.set(Number(wAttr(l, 'ilvl') ?? 0), level);
        // Every occurrence counts, the last winning: in mc:AlternateContent the fallback comes last.
        for (const e of wDescendants(l, 'start')) level.start = Number(wAttr(e, 'val') ?? 1);
        for (const e of wDescendants(l, 'numFmt')) level.numFmt = wAttr(e, 'val') || level.numFmt;
        for (const e of wDescendants(l, 'lvlText')) level.lvlText = wAttr(e, 'val') ?? '';
        for (const e of wDescendants(l, 'suff')) {
          const v = wAttr(e, 'val');
          if (v === 'space' || v === 'nothing' || v === 'tab') level.suff = v;
        }
        for (const e of wDescendants(l, 'pStyle')) level.pStyle = wAttr(e, 'val') || level.pStyle;
        for (const e of wDescendants(l, 'isLgl')) {
          const v = wAttr(e, 'val');
          level.isLgl = v !== '0' && v !== 'false';
        }
      }
    }
    for (const n of wDescendants(root, 'num')) {
      const num: Num = { abstractId: '', startOverrides: new Map() };
      this.nums.set(wAttr(n, 'numId') ?? '', num);
      for (const e of wDescendants(n, 'abstractNumId')) num.abstractId = wAttr(e, 'val') ?? '';
      for (const o of wDescendants(n, 'lvlOverride')) {
        const ilvl = Number(wAttr(o, 'ilvl') ?? 0);
        for (const e of wDescendants(o, 'startOverride')) num.startOverrides.set(ilvl, Number(wAttr(e, 'val') ?? 1));
      }
    }
  }

  private readStyles(xml: string): void {
    const root = parseXml(xml);
    if (!root) return;
    const basedOn = new Map<string, string>();
    for (const s of wDescendants(root, 'style')) {
      const style = wAttr(s, 'type') === 'paragraph' ? wAttr(s, 'styleId') : null;
      if (!style) continue;
      let numId: string | null = null;
      let ilvl: number | null = null;
      for (const c of wDescendants(s, 'basedOn')) {
        const v = wAttr(c, 'val');
        if (v) basedOn.set(style, v);
      }
      for (const c of wDescendants(s, 'numId')) numId = wAttr(c, 'val');
      for (const c of wDescendants(s, 'ilvl')) ilvl = Number(wAttr(c, 'val') ?? 0);
      if (numId !== null) this.styleNum.set(style, { numId, ilvl });
    }
    // Styles inherit numbering from the style they are based on (a bounded walk: cycles stop).
    for (const s of basedOn.keys()) {
      let cur: string | undefined = s;
      for (let i = 0; i < 10 && cur && !this.styleNum.has(s); i++) {
        cur = basedOn.get(cur);
        if (cur && this.styleNum.has(cur)) this.styleNum.set(s, this.styleNum.get(cur)!);
      }
    }
  }

  /**
   * The label (with its separator) of the next paragraph numbered (numId, ilvl) — direct w:numPr, or else its style's — advancing
   * the counters; null for unnumbered paragraphs, numId 0 (numbering removed) and bullets.
   */
  next(numId: string | null, ilvl: number | null, style: string | null): string | null {
    let id = numId;
    let lvl = ilvl;
    if (id === null && style) {
      const s = this.styleNum.get(style);
      if (s) {
        id = s.numId;
        lvl = s.ilvl;
      }
    }
    if (id === null || id === '0') return null;
    const num = this.nums.get(id);
    const levels = num ? this.abstracts.get(num.abstractId) : undefined;
    if (!num || !levels) return null;
    if (lvl === null) {
      const byStyle = style ? [...levels].find(([, l]) => l.pStyle === style) : undefined;
      lvl = byStyle ? byStyle[0] : 0;
    }
    const level = levels.get(lvl);
    if (!level) return null;
    let counts = this.counters.get(num.abstractId);
    if (!counts) {
      counts = [];
      this.counters.set(num.abstractId, counts);
    }
    if (!this.restarted.has(id)) {
      this.restarted.add(id);
      for (const [l, start] of num.startOverrides) counts[l] = start - 1;
    }
    counts[lvl] = (counts[lvl] ?? level.start - 1) + 1;
    for (let l = lvl + 1; l < counts.length; l++) counts[l] = undefined;
    if (level.numFmt === 'bullet') return null;
    const label = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const def = levels.get(l);
      if (level.numFmt === 'none') return '';
      return formatNumber(counts![l] ?? def?.start ?? 1, level.isLgl ? 'decimal' : (def?.numFmt ?? 'decimal'));
    });
    if (label.trim() === '') return null;
    // The tab after a label is layout (Word's default gap), not text: （一）促进… reads as typed.
    return level.suff === 'space' ? `${label} ` : label;
  }
}
