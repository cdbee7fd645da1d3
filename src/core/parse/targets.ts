import type { ParsedTarget, Precision } from '../model.ts';
import {
  addPeriod,
  addWorkingDays,
  endOfMonth,
  FIRST_YEAR,
  isoDate,
  isStorableDate,
  periodEnd,
  planPeriod,
  validYear,
  yearOf,
} from './dates.ts';
import { normalizeText } from './normalize.ts';
import { chineseNumeral } from './numerals.ts';

/**
 * Dated commitments: 到2023年实现…, 2022年底前…, 2023年6月底…, 第三季度…, “十四五”期间…, 自印发之日起60日内…,
 * 自2024年起3年内…, 于11月30日前报送…, 年内…, 二〇二五年底….
 * Matching runs on normalised text with titles, date ranges and codes masked; quotes are sliced from the original.
 * Every step is linear in the text: patterns have bounded repeats, quotes end at the clause, the next time
 * phrase or MAX_QUOTE_CHARS, whichever comes first.
 */

/** A target's quote is one clause (plus short amount clauses); never longer than this. */
export const MAX_QUOTE_CHARS = 200;
/** How far after a time phrase the verb that makes it a commitment (实现, 完成…) may be looked for. */
const LOOKAHEAD_CHARS = 40;

interface TimeHit {
  start: number;
  end: number;
  due: string;
  precision: Precision;
  periodStart: string | null;
  /** Ends in 底/末/前/内/期间, or is a deadline by its form (印发之日起60日内): the phrase itself says "by". */
  bounded: boolean;
  /**
   * A deadline that cannot be dated here: a bare N年内 in a document that states no period, or 印发之日起60日内,
   * 年底前, 5月底前 without the document's date. Reported, never stored.
   */
  unresolved?: boolean;
  /** Resolved against the document's date (印发后3个月内, 年内): never "in the past". */
  relative?: boolean;
}

/** A period the document states once (自2024年起3年内, 从2024年起用三年时间) that later bare 3年内 refer to. */
export interface StatedPeriod {
  start: string;
  end: string;
  years: number;
}

export interface TargetContext {
  /** The document's written date: resolves 年底前, 明年, 印发之日起60日内; years before it are background. */
  anchor: string | null;
  /** The document's stated period, for bare N年内 (see statedPeriod). */
  period?: StatedPeriod | null;
}

export interface TargetReading {
  targets: ParsedTarget[];
  /** Time phrases read as neither target nor non-target, as written (a short excerpt each). */
  unclassified: string[];
}

const BY = '(?:前|以前|之前)';
/** A month or day number, Arabic or Chinese (12, 十二, 三十一). */
const MD = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const Q_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
/** A count of units (60, 三, 两, 十二). */
const COUNT = '(\\d{1,4}|[一二两三四五六七八九十百]{1,4})';

/** Verbs that make a bare year a commitment (2022年实现项目总体完工) rather than a statistic (2020年全国…). */
const ACHIEVE =
  /^(?:[,，]?(?:要|将|内|力争|争取|确保|基本|全面|初步|累计|全部|率先|全市|全省|全区|全县))?(?:实现|完成|建成|达到|达|突破|形成|覆盖|培育|打造|建设|新建|新增|改造|创建|推出|出台|开通|上线|投用|投入使用|竣工|完工|落地|引进|认定|举办|制定|提高|提升|降低|减少|增加|扩大|超过|报送|上报|报)/;
/** A time phrase followed by these starts a span (2020年以来) or is a point of comparison (比2020年). */
const NOT_A_DEADLINE = /^(?:以来|起|开始|以后|之后|后|同期|相比|相较|比|的)/;
/** Recurring dates (每年6月底前, 每季度末) are routines, not deadlines. */
const RECURRING_BEFORE = /(?:每年|每季度|每个季度|每半年|每月|每个月|每一年|逐年|每年度)\s{0,2}$/;
/**
 * A date that only bounds a routine (2008年以前，协调委原则上每半年召开一次例会; 到2025年，每年培训1万人次): a
 * recurring quota, not a deliverable. The recurrence must open the clause (after at most a short subject) and
 * the clause must name nothing to deliver: 2023年6月底前，建立每月通报制度 and 各区每季度开展检查并完成整改 stay
 * targets. 每万人, 每千人 (per head) are not recurrences.
 */
const ROUTINE_OPENING = /^[^,;。]{0,6}?(?:每(?:一|个|两|三)?(?:年度?|半年|季度?|月|周|旬)|定期(?:召开|开展|举行|组织))/;
const DELIVERABLE = /建立|建成|建设|制定|出台|印发|实现|完成|形成|健全|完善|设立|上线|开通|达到|提高到|降低到|覆盖/;
/** 实施期限至2021年12月31日, 延长至…: how long a rule or subsidy applies, not a deadline. */
const VALIDITY_BEFORE = /(?:期限|有效期|实施|执行|延长|延续|施行|适用)(?:期)?(?:为|延长)?\s{0,2}(?:至|到)\s{0,2}$/;
/** 不高于2017年标准, 比2020年: a point of comparison. */
const COMPARED_BEFORE = /(?:不高于|不低于|高于|低于|相比|较|比|同比|参照|按照)\s{0,2}$/;
/** 3年内给予…补贴: how long a benefit lasts, not a deadline. */
const BENEFIT = /给予|补贴|补助|奖补|奖励|免征|减征|减免|减半|免收|享受|贴息|免费|优惠|扶持|资助/;
/** 已建成, 已经完成: a statement about what was done. */
const ALREADY = /^[^,;。]{0,10}?已(?!于)/;

/** Whether the text after a date (up to the sentence's end) only says how often something recurs until then. */
function isRoutine(after: string): boolean {
  const clause = after.replace(/^(?:以前|之前|前)?[,\s]*/, '');
  if (!ROUTINE_OPENING.test(clause)) return false;
  const sentence = clause.split(/[。;]/, 1)[0]!;
  return !DELIVERABLE.test(sentence);
}

/** Chinese-numeral years (二〇二五年) read as digits; length-preserving, so quotes still slice the original. */
function hanYearsToDigits(n: string): string {
  return n.replace(/[〇零○一二三四五六七八九]{4}(?=年)/g, (y) => String(chineseNumeral(y)).padStart(4, '0').slice(-4));
}

/** Replace 《titles》, date ranges and codes with placeholders of the same length, so they never match. */
function mask(n: string): string {
  const blank = (m: string): string => '□'.repeat(m.length);
  return (
    n
      .replace(/《[^《》\n]{0,200}》/g, blank)
      .replace(/〈[^〈〉\n]{0,200}〉/g, blank)
      // Validity windows and spans: 2024年1月1日至2024年12月31日, 2021-2025年, 2023年6月至9月.
      .replace(
        /\d{4} {0,2}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:起)? {0,2}(?:-{1,2}|~|至|到) {0,2}(?:\d{4} {0,2}年)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:止)?(?=[^\d]|$)/g,
        (m) => (/(?:-|~|至|到) {0,2}\d/.test(m) ? blank(m) : m),
      )
      .replace(/\d{4} {0,2}(?:-{1,2}|~|至|到) {0,2}\d{4} {0,2}年?/g, blank)
      .replace(/\d{4}(?=[A-Za-z])/g, blank)
  );
}

function quarterEnd(year: number, q: number): string | null {
  return endOfMonth(year, q * 3);
}

const num = (s: string): number => chineseNumeral(s);

/** The due of a hit that is reported, not stored (any storable date; never output). */
const UNRESOLVED = `${FIRST_YEAR}-01-01`;

type Make = (x: RegExpExecArray) => Omit<TimeHit, 'start' | 'end'> | null;

function collectHits(m: string, ctx: TargetContext): TimeHit[] {
  const hits: TimeHit[] = [];
  const add = (re: RegExp, make: Make): void => {
    for (const x of m.matchAll(re)) {
      const h = make(x as RegExpExecArray);
      if (h && isStorableDate(h.due)) hits.push({ ...h, start: x.index!, end: x.index! + x[0].length });
    }
  };
  const anchor = ctx.anchor;
  const anchorYear = anchor ? yearOf(anchor) : null;
  const year = (s: string): number | null => (validYear(Number(s)) ? Number(s) : null);

  add(/[“"']?十([一二三四五六七八九])五[”"']?(?:规划)?(期间|时期|期末|末|内)/g, (x) => {
    // “十四五” is the 14th five-year plan: the numeral is 十 + digit.
    const p = planPeriod(10 + num(x[1]!));
    return { due: `${p.end}-12-31`, precision: 'period', periodStart: `${p.start}-01-01`, bounded: true };
  });
  // 自2024年3月1日起，开展为期两年的…行动 / 自2024年起3年内 / 从2024年起，用三年时间: a stated period.
  add(
    new RegExp(
      `(?:自|从)(\\d{4})年(?:${MD}月(?:${MD}日)?)?(?:起|开始)[,， ]{0,2}(?:[\\u4e00-\\u9fff]{0,8}?(?:为期|用|利用|力争用))?${COUNT}(个)?(年|月)(?:左右)?(?:内|时间|的)?`,
      'g',
    ),
    (x) => {
      const y = year(x[1]!);
      if (y === null) return null;
      const start = isoDate(y, x[2] ? num(x[2]) : 1, x[3] ? num(x[3]) : 1);
      const n = num(x[4]!);
      const unit = x[6] === '年' ? 'year' : 'month';
      if (!start || !Number.isInteger(n) || n < 1 || (unit === 'month' && !x[5])) return null;
      const due = periodEnd(start, n, unit);
      return due ? { due, precision: 'period', periodStart: start, bounded: true } : null;
    },
  );
  // 自印发之日起60日内, 本方案印发后3个月内, 文件出台后1年内: the written date + N.
  add(
    new RegExp(
      `(?:自|从)?(?:本(?:方案|意见|通知|办法|规定|计划|细则|文件|决定)|文件|方案|通知|意见)?(?:印发|发布|出台|下发|施行|实施)(?:之日)?(?:起|后)[,， ]{0,2}${COUNT}(个)?(日|天|周|工作日|月|年)(?:内|以内|前)`,
      'g',
    ),
    (x) => {
      const n = num(x[1]!);
      const unit = x[3]!;
      if (!Number.isInteger(n) || n < 1 || (unit === '月' && !x[2])) return null;
      if (!anchor) return { due: UNRESOLVED, precision: 'day', periodStart: null, bounded: true, unresolved: true };
      const due =
        unit === '工作日'
          ? addWorkingDays(anchor, n)
          : addPeriod(anchor, n, unit === '年' ? 'year' : unit === '月' ? 'month' : unit === '周' ? 'week' : 'day');
      return due ? { due, precision: 'day', periodStart: null, bounded: true, relative: true } : null;
    },
  );
  add(new RegExp(`(\\d{4})年${MD}月${MD}日(${BY})?`, 'g'), (x) => {
    const y = year(x[1]!);
    const due = y === null ? null : isoDate(y, num(x[2]!), num(x[3]!));
    return due ? { due, precision: 'day', periodStart: null, bounded: !!x[4] } : null;
  });
  add(new RegExp(`(\\d{4})年${MD}月份?(底|末|上旬|中旬|下旬)?(${BY})?(?![\\d一二三四五六七八九十日])`, 'g'), (x) => {
    const y = year(x[1]!);
    const due = y === null ? null : endOfMonth(y, num(x[2]!));
    return due ? { due, precision: 'month', periodStart: null, bounded: !!(x[3] || x[4]) } : null;
  });
  add(new RegExp(`(\\d{4})年(?:第)?([一二三四1-4])季度(末|底)?(${BY})?`, 'g'), (x) => {
    const y = year(x[1]!);
    const due = y === null ? null : quarterEnd(y, Q_NUM[x[2]!]!);
    return due ? { due, precision: 'quarter', periodStart: null, bounded: !!(x[3] || x[4]) } : null;
  });
  add(new RegExp(`(\\d{4})年(上|下)半年(末|底)?(${BY})?`, 'g'), (x) => {
    const y = year(x[1]!);
    if (y === null) return null;
    return {
      due: x[2] === '上' ? `${y}-06-30` : `${y}-12-31`,
      precision: 'half',
      periodStart: null,
      bounded: !!(x[3] || x[4]),
    };
  });
  add(new RegExp(`(\\d{4})年(年底|年末|底|末|内)?(${BY})?(?![\\d上下第一二三四五六七八九十])`, 'g'), (x) => {
    const y = year(x[1]!);
    if (y === null) return null;
    return { due: `${y}-12-31`, precision: 'year', periodStart: null, bounded: !!(x[2] || x[3]) };
  });
  // A bare 3年内 / 用三年时间 / 通过3年左右的努力: the document's stated period if it has one.
  add(
    new RegExp(
      `(?<![\\d\\-~至到年自从起近前后最每一二两三四五六七八九十百])(?:用|利用|力争用|通过)?${COUNT}年(?:左右)?(内|时间|的努力)`,
      'g',
    ),
    (x) => {
      const n = num(x[1]!);
      if (!Number.isInteger(n) || n < 1 || n > 50) return null;
      const p = ctx.period;
      if (p && p.years === n) return { due: p.end, precision: 'period', periodStart: p.start, bounded: true };
      return { due: UNRESOLVED, precision: 'period', periodStart: null, bounded: true, unresolved: true };
    },
  );
  if (anchorYear === null || !anchor) {
    // Without the document's date these cannot be dated: report them instead of dropping them silently.
    const unresolved = (): Omit<TimeHit, 'start' | 'end'> => ({
      due: UNRESOLVED,
      precision: 'year',
      periodStart: null,
      bounded: true,
      unresolved: true,
    });
    add(new RegExp(`(今年|明年|后年)(年底|年末|底|末|内|上半年|下半年|第?[一二三四]季度)?(${BY})?`, 'g'), unresolved);
    add(new RegExp(`(?<![\\d今明本当后年每])(年底|年末)(${BY})`, 'g'), unresolved);
    add(new RegExp(`(?<![\\d年月])${MD}月(?:${MD}日|底|末)(${BY})`, 'g'), unresolved);
  } else {
    const rel: Record<string, number> = { 今年: 0, 本年: 0, 当年: 0, 明年: 1, 后年: 2 };
    add(
      new RegExp(`(今年|本年|当年|明年|后年)(年底|年末|底|末|内|上半年|下半年|第?[一二三四]季度)?(${BY})?`, 'g'),
      (x) => {
        const y = anchorYear + rel[x[1]!]!;
        const part = x[2] ?? '';
        const bounded = !!(part || x[3]);
        // A bare 当年 is "that year" (当年参与…的当事者), not this one.
        if (x[1] === '当年' && !bounded) return null;
        if (part.includes('半年'))
          return {
            due: part.startsWith('上') ? `${y}-06-30` : `${y}-12-31`,
            precision: 'half',
            periodStart: null,
            bounded,
            relative: true,
          };
        const q = /([一二三四])季度/.exec(part);
        if (q)
          return {
            due: quarterEnd(y, Q_NUM[q[1]!]!) ?? '',
            precision: 'quarter',
            periodStart: null,
            bounded,
            relative: true,
          };
        return { due: `${y}-12-31`, precision: 'year', periodStart: null, bounded, relative: true };
      },
    );
    add(new RegExp(`(?<![\\d今明本当后年])(年底|年末)(${BY})`, 'g'), () => ({
      due: `${anchorYear}-12-31`,
      precision: 'year',
      periodStart: null,
      bounded: true,
      relative: true,
    }));
    // 年内完成: within the document's year.
    add(/(?<![\d今明本当后年个一二两三四五六七八九十百])年内(?![容外])/g, () => ({
      due: `${anchorYear}-12-31`,
      precision: 'year',
      periodStart: null,
      bounded: true,
      relative: true,
    }));
    add(new RegExp(`(?<![\\d年])第?([一二三四])季度(末|底)?(${BY})?`, 'g'), (x) => ({
      due: quarterEnd(anchorYear, Q_NUM[x[1]!]!) ?? '',
      precision: 'quarter',
      periodStart: null,
      bounded: !!(x[2] || x[3]),
      relative: true,
    }));
    add(new RegExp(`(?<![\\d年])(上|下)半年(末|底)?(${BY})?`, 'g'), (x) => ({
      due: x[1] === '上' ? `${anchorYear}-06-30` : `${anchorYear}-12-31`,
      precision: 'half',
      periodStart: null,
      bounded: !!(x[2] || x[3]),
      relative: true,
    }));
    // 于11月30日前报送, 6月底前: a day or month of the document's year (the next one if already past).
    add(new RegExp(`(?<![\\d年月])${MD}月${MD}日(${BY})`, 'g'), (x) => {
      let due = isoDate(anchorYear, num(x[1]!), num(x[2]!));
      if (due && due < anchor) due = isoDate(anchorYear + 1, num(x[1]!), num(x[2]!));
      return due ? { due, precision: 'day', periodStart: null, bounded: true, relative: true } : null;
    });
    add(new RegExp(`(?<![\\d年月])${MD}月(底|末)(${BY})?`, 'g'), (x) => {
      const mo = num(x[1]!);
      let due = endOfMonth(anchorYear, mo);
      if (due && due < anchor) due = endOfMonth(anchorYear + 1, mo);
      return due ? { due, precision: 'month', periodStart: null, bounded: true, relative: true } : null;
    });
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

/** For every index, the index of the next clause separator at or after it (text length if none): one pass. */
function separatorIndex(n: string): Int32Array {
  const next = new Int32Array(n.length + 1);
  next[n.length] = n.length;
  for (let i = n.length - 1; i >= 0; i--) next[i] = SEPARATOR.test(n[i]!) ? i : next[i + 1]!;
  return next;
}

/** A plan's period in its title: 行动计划（2022—2024年）, 规划(2021-2025年). */
const TITLE_RANGE = /[(（](\d{4})\s*[—–－\-~～至到]{1,2}\s*(\d{4})年?[)）]/;

/**
 * The stated period of a document (自2024年起3年内, 从2024年起，用三年时间; else the range its title states,
 * 行动计划（2022—2024年）), or null: later bare 3年内 mean it.
 */
export function statedPeriod(text: string, title = ''): StatedPeriod | null {
  const n = mask(hanYearsToDigits(normalizeText(text)));
  const re = new RegExp(
    `(?:自|从)(\\d{4})年(?:起|开始)[,， ]{0,2}(?:[\\u4e00-\\u9fff]{0,8}?(?:用|利用|力争用))?${COUNT}年(?:左右)?(?:内|时间)`,
  );
  const x = re.exec(n);
  if (!x) return titlePeriod(title);
  const y = Number(x[1]);
  const years = num(x[2]!);
  if (!validYear(y) || !Number.isInteger(years) || years < 1 || years > 50) return null;
  const end = periodEnd(`${y}-01-01`, years, 'year');
  return end ? { start: `${y}-01-01`, end, years } : null;
}

function titlePeriod(title: string): StatedPeriod | null {
  const r = TITLE_RANGE.exec(normalizeText(title));
  if (!r) return null;
  const [from, to] = [Number(r[1]), Number(r[2])];
  if (!validYear(from) || !validYear(to) || to < from || to - from >= 50) return null;
  return { start: `${from}-01-01`, end: `${to}-12-31`, years: to - from + 1 };
}

const excerptOf = (s: string): string => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

/**
 * Dated targets in a task's text, and the time phrases it could not classify. ctx.anchor (the document's date)
 * resolves 年底前 / 明年 / 印发之日起60日内 and marks dates before it as background; without it relative phrases
 * are skipped.
 */
export function readTargets(text: string, ctx: TargetContext): TargetReading {
  const n = hanYearsToDigits(normalizeText(text));
  const m = mask(n);
  const hits = collectHits(m, ctx);
  const next = separatorIndex(n);
  const out: ParsedTarget[] = [];
  const unclassified: string[] = [];
  // Where each phrase's quote would start: at 到/至/截至 in front of it, else at the phrase.
  const prefixes = hits.map((h) => /(到|至|截至|截止到|截止)\s{0,2}$/.exec(m.slice(Math.max(0, h.start - 6), h.start)));
  const quoteStarts = hits.map((h, k) => h.start - (prefixes[k]?.[0].length ?? 0));
  for (const [k, h] of hits.entries()) {
    const after = m.slice(h.end, h.end + LOOKAHEAD_CHARS);
    const before = m.slice(Math.max(0, h.start - 6), h.start);
    const nextHitStart = Math.max(h.end, quoteStarts[k + 1] ?? n.length);
    const clauseEnd = Math.min(next[h.end]!, nextHitStart, h.end + MAX_QUOTE_CHARS);
    const clause = m.slice(h.end, clauseEnd);
    const wideBefore = m.slice(Math.max(0, h.start - 12), h.start);
    if (
      NOT_A_DEADLINE.test(after) ||
      RECURRING_BEFORE.test(before) ||
      VALIDITY_BEFORE.test(wideBefore) ||
      COMPARED_BEFORE.test(before)
    )
      continue;
    if (h.unresolved) {
      // 3年内给予…补贴 is how long a benefit lasts; any other bare 3年内 has no stated start to count from.
      if (!BENEFIT.test(clause)) unclassified.push(excerptOf(text.slice(h.start, clauseEnd)));
      continue;
    }
    if (!h.relative && ctx.anchor !== null && h.due < ctx.anchor) continue;
    if (ALREADY.test(after)) continue;
    if (isRoutine(after)) continue;
    const prefix = prefixes[k];
    // 2019年上半年，试点城市政府印发实施方案: a future period opening a sentence as a clause of its own is a schedule.
    const scheduled =
      ctx.anchor !== null &&
      h.precision !== 'year' &&
      /(?:^|[。;!?\n])\s{0,2}$/.test(before) &&
      /^,[^,;。]{4,}/.test(after);
    if (!h.bounded && !prefix && !scheduled && !ACHIEVE.test(after)) {
      // A bare future year that is neither a deadline nor a statistic (2025年全市…): say so.
      // Not when the year names an event or an edition (2022年北京冬奥会, 2019年版).
      // Nor when it dates a title (2023年市《政府工作报告》).
      // A phrase that is a clause of its own (2025年，…) is shown with the clause it opens.
      const shownEnd =
        n[clauseEnd] === ',' && clauseEnd - h.end < 2
          ? Math.min(next[clauseEnd + 1]!, h.start + MAX_QUOTE_CHARS)
          : clauseEnd;
      if (!/^(?:年|度|版|届|级)|^[\u4e00-\u9fff]{0,6}?(?:会|赛|节|届|版|年度|周年)|^[\u4e00-\u9fff]{0,2}□/.test(after))
        unclassified.push(excerptOf(text.slice(h.start, shownEnd)));
      continue;
    }

    const start = prefix ? h.start - prefix[0].length : h.start;
    const limit = Math.min(nextHitStart, start + MAX_QUOTE_CHARS);
    let end = Math.min(next[h.end]!, limit);
    // "到2025年，…": the time phrase is a clause of its own; the commitment is the next clause.
    if (n.slice(h.end, end).trim() === '' && n[end] === ',') end = Math.min(next[end + 1]!, limit);
    // Join following short clauses that state further amounts (…全覆盖，24小时便利店占比达到50%以上).
    for (let extra = 0; extra < 3 && n[end] === ','; extra++) {
      const nextEnd = next[end + 1]!;
      const more = n.slice(end + 1, nextEnd);
      if (more.length > 30 || !hasQuantity(more) || nextEnd > limit) break;
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
  return { targets: out, unclassified };
}

/** Dated targets in a task's text (see readTargets). */
export function extractTargets(
  text: string,
  anchorDate: string | null,
  period: StatedPeriod | null = null,
): ParsedTarget[] {
  return readTargets(text, { anchor: anchorDate, period }).targets;
}

/**
 * A deadline written as a field of the responsibility (完成时限：2024年12月底前): a target by its form, quoted as
 * written. Null when the field holds no date (完成时限：长期坚持).
 */
export function deadlineField(field: string, ctx: TargetContext): ParsedTarget | null {
  const n = hanYearsToDigits(normalizeText(field));
  const hit = collectHits(mask(n), ctx).find((h) => !h.unresolved);
  if (!hit) return null;
  return { text: field.trim(), due: hit.due, precision: hit.precision, periodStart: hit.periodStart, quantity: null };
}
