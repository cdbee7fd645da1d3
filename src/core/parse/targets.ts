import type { ParsedTarget, Precision } from '../model.ts';
import { chineseNumeral } from './numerals.ts';
import { normalizeText } from './normalize.ts';
import { endOfMonth, isoDate, planPeriod, yearOf } from './dates.ts';

/**
 * Dated commitments: 到2023年实现…, 2022年底前…, 2023年6月底…, 第三季度…, “十四五”期间….
 * Matching runs on normalised text with titles and year ranges masked; quotes are sliced from the original.
 */

interface TimeHit {
  start: number;
  end: number;
  due: string;
  precision: Precision;
  periodStart: string | null;
  /** The year the commitment falls in, for the "not about the past" check. */
  year: number;
  /** Ends in 底/末/前/内/期间: the phrase itself says "by". */
  bounded: boolean;
}

const BY = '(?:前|以前|之前)';
const Q_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Verbs that make a bare year a commitment (2022年实现项目总体完工) rather than a statistic (2020年全国…). */
const ACHIEVE = /^(?:要|将|内|力争|争取|确保|基本|全面|初步|累计|全部|率先)?(?:实现|完成|建成|达到|达|突破|形成|覆盖|培育|打造|建设|新建|新增|改造|创建|推出|出台|开通|上线|投用|投入使用|竣工|完工|落地|引进|认定|举办|制定|提高|提升|降低|减少|增加|扩大|超过)/;
/** A time phrase followed by these starts a span (2020年以来) or is a point of comparison (比2020年). */
const NOT_A_DEADLINE = /^(?:以来|起|开始|以后|之后|后|同期|相比|相较|比)/;

/** Replace 《titles》 and year ranges with placeholders of the same length, so they never match. */
function mask(n: string): string {
  const blank = (m: string): string => '□'.repeat(m.length);
  return n
    .replace(/《[^《》]*》/g, blank)
    .replace(/〈[^〈〉]*〉/g, blank)
    .replace(/\d{4}\s*年?\s*(?:-|~|至|到)\s*\d{4}\s*年?/g, blank)
    .replace(/\d{4}(?=[A-Za-z])/g, blank);
}

function quarterEnd(year: number, q: number): string {
  return endOfMonth(year, q * 3);
}

function collectHits(m: string, anchor: string | null): TimeHit[] {
  const hits: TimeHit[] = [];
  const add = (re: RegExp, make: (x: RegExpExecArray) => Omit<TimeHit, 'start' | 'end'> | null): void => {
    for (const x of m.matchAll(re)) {
      const h = make(x as RegExpExecArray);
      if (h) hits.push({ ...h, start: x.index!, end: x.index! + x[0].length });
    }
  };
  const anchorYear = anchor ? yearOf(anchor) : null;

  add(/[“"']?十([一二三四五六七八九])五[”"']?(?:规划)?(期间|时期|期末|末|内)/g, (x) => {
    // “十四五” is the 14th five-year plan: the numeral is 十 + digit.
    const p = planPeriod(10 + chineseNumeral(x[1]!));
    return { due: `${p.end}-12-31`, precision: 'period', periodStart: `${p.start}-01-01`, year: p.end, bounded: true };
  });
  add(new RegExp(`(\\d{4})年(\\d{1,2})月(\\d{1,2})日(${BY})?`, 'g'), (x) => {
    const y = Number(x[1]);
    const due = isoDate(y, Number(x[2]), Number(x[3]));
    return due ? { due, precision: 'day', periodStart: null, year: y, bounded: !!x[4] } : null;
  });
  add(new RegExp(`(\\d{4})年(\\d{1,2})月份?(底|末|上旬|中旬|下旬)?(${BY})?(?!\\d)`, 'g'), (x) => {
    const y = Number(x[1]);
    const mo = Number(x[2]);
    if (mo < 1 || mo > 12) return null;
    return { due: endOfMonth(y, mo), precision: 'month', periodStart: null, year: y, bounded: !!(x[3] || x[4]) };
  });
  add(new RegExp(`(\\d{4})年(?:第)?([一二三四1-4])季度(末|底)?(${BY})?`, 'g'), (x) => {
    const y = Number(x[1]);
    return { due: quarterEnd(y, Q_NUM[x[2]!]!), precision: 'quarter', periodStart: null, year: y, bounded: !!(x[3] || x[4]) };
  });
  add(new RegExp(`(\\d{4})年(上|下)半年(末|底)?(${BY})?`, 'g'), (x) => {
    const y = Number(x[1]);
    return { due: x[2] === '上' ? `${y}-06-30` : `${y}-12-31`, precision: 'half', periodStart: null, year: y, bounded: !!(x[3] || x[4]) };
  });
  add(new RegExp(`(\\d{4})年(年底|年末|底|末|内)?(${BY})?(?![\\d上下第一二三四])`, 'g'), (x) => {
    const y = Number(x[1]);
    if (y < 1949 || y > 2100) return null;
    return { due: `${y}-12-31`, precision: 'year', periodStart: null, year: y, bounded: !!(x[2] || x[3]) };
  });
  if (anchorYear !== null) {
    const rel: Record<string, number> = { 今年: 0, 本年: 0, 当年: 0, 明年: 1, 后年: 2 };
    add(new RegExp(`(今年|本年|当年|明年|后年)(年底|年末|底|末|内|上半年|下半年|第?[一二三四]季度)?(${BY})?`, 'g'), (x) => {
      const y = anchorYear + rel[x[1]!]!;
      const part = x[2] ?? '';
      const bounded = !!(part || x[3]);
      if (part.includes('半年')) return { due: part.startsWith('上') ? `${y}-06-30` : `${y}-12-31`, precision: 'half', periodStart: null, year: y, bounded };
      const q = /([一二三四])季度/.exec(part);
      if (q) return { due: quarterEnd(y, Q_NUM[q[1]!]!), precision: 'quarter', periodStart: null, year: y, bounded };
      return { due: `${y}-12-31`, precision: 'year', periodStart: null, year: y, bounded };
    });
    add(new RegExp(`(?<![\\d今明本当后年])(年底|年末)(${BY})`, 'g'), () => ({
      due: `${anchorYear}-12-31`, precision: 'year', periodStart: null, year: anchorYear, bounded: true,
    }));
    add(new RegExp(`(?<![\\d年])第?([一二三四])季度(末|底)?(${BY})?`, 'g'), (x) => ({
      due: quarterEnd(anchorYear, Q_NUM[x[1]!]!), precision: 'quarter', periodStart: null, year: anchorYear, bounded: !!(x[2] || x[3]),
    }));
    add(new RegExp(`(?<![\\d年])(上|下)半年(末|底)?(${BY})?`, 'g'), (x) => ({
      due: x[1] === '上' ? `${anchorYear}-06-30` : `${anchorYear}-12-31`, precision: 'half', periodStart: null, year: anchorYear, bounded: !!(x[2] || x[3]),
    }));
  }
  // Earliest first; at the same start the longest (most precise) phrase wins; overlaps are dropped.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TimeHit[] = [];
  for (const h of hits) if (!kept.length || h.start >= kept[kept.length - 1]!.end) kept.push(h);
  return kept;
}

const SEPARATOR = /[,;。!?\n]/;
const QUANTITY =
  /(不少于|不低于|不超过|超过|突破|高于|低于|约|近|达到|达)?(\d+(?:\.\d+)?)(万|亿|千|百)?(个百分点|%|个|家|场|所|座|条|项|台|辆|套|户|人次|人|名|亿元|万元|元|公里|千米|平方米|亩|吨|次|批|处|倍|部|张|件|千瓦|兆瓦|米)(以上|以下|以内|左右)?/;

function hasQuantity(s: string): boolean {
  return QUANTITY.test(s) || /全覆盖/.test(s);
}

/** The amount committed to: 5万个, 50%以上, 不少于20场; 全覆盖 when that is the commitment. */
export function extractQuantity(text: string): string | null {
  const n = normalizeText(text);
  const q = QUANTITY.exec(n);
  const cover = n.indexOf('全覆盖');
  if (q && (cover < 0 || q.index < cover)) {
    const lead = q[1] === '达到' || q[1] === '达' ? q[1].length : 0;
    return text.slice(q.index + lead, q.index + q[0].length);
  }
  return cover >= 0 ? '全覆盖' : null;
}

function nextSeparator(n: string, from: number): number {
  for (let i = from; i < n.length; i++) if (SEPARATOR.test(n[i]!)) return i;
  return n.length;
}

/**
 * Dated targets in a task's text. anchorDate (the document's date) resolves 年底前 / 明年 and marks years before
 * it as background figures; without it relative phrases are skipped.
 */
export function extractTargets(text: string, anchorDate: string | null): ParsedTarget[] {
  const n = normalizeText(text);
  const m = mask(n);
  const hits = collectHits(m, anchorDate);
  const anchorYear = anchorDate ? yearOf(anchorDate) : null;
  const out: ParsedTarget[] = [];
  for (const [k, h] of hits.entries()) {
    const after = m.slice(h.end);
    if (NOT_A_DEADLINE.test(after)) continue;
    if (anchorYear !== null && h.year < anchorYear) continue;
    const prefix = /(到|至|截至|截止到|截止)\s*$/.exec(m.slice(Math.max(0, h.start - 4), h.start));
    if (!h.bounded && !prefix && !ACHIEVE.test(after)) continue;

    const start = prefix ? h.start - prefix[0].length : h.start;
    let end = nextSeparator(n, h.end);
    // "到2025年，…": the time phrase is a clause of its own; the commitment is the next clause.
    if (n.slice(h.end, end).trim() === '' && n[end] === ',') end = nextSeparator(n, end + 1);
    // Join following short clauses that state further amounts (…全覆盖，24小时便利店占比达到50%以上).
    const nextHitStart = hits[k + 1]?.start ?? Number.POSITIVE_INFINITY;
    for (let extra = 0; extra < 3 && n[end] === ','; extra++) {
      const nextEnd = nextSeparator(n, end + 1);
      const clause = n.slice(end + 1, nextEnd);
      if (clause.length > 30 || !hasQuantity(clause) || nextHitStart < nextEnd) break;
      end = nextEnd;
    }
    const quote = text.slice(start, end).trim();
    out.push({
      text: quote,
      due: h.due,
      precision: h.precision,
      periodStart: h.periodStart,
      quantity: extractQuantity(text.slice(h.end, end)),
    });
  }
  return out;
}
