import { addDays, isIsoDate, lastDayOfMonth } from '../../lib/dates.ts';
import type { ItemKind } from '../model.ts';
import type { SearchFilters } from './filters.ts';

/**
 * The query language of `/measures <text>` and `measures search <text>`: keywords plus filter words
 * (`部门:`/`dept:`, `地区:`/`region:`, `年:`/`due:`, `类型:`/`kind:`, `现行`/`in-force`). One grammar, so the
 * bot and the command line accept the same text.
 */

/** Whitespace people type: ASCII and the full-width ideographic space of Chinese IMEs. */
export const QUERY_SPACE = /[\s\u3000]+/;

export function normalizeQueryText(text: string): string {
  return text.replace(/[\u3000\u00a0]/g, ' ').trim();
}

/** A due-date window, inclusive, as ISO dates. */
export interface DueRange {
  dueFrom?: string;
  dueTo?: string;
  /** How the user wrote it, normalised for display (2023, 2023-06, next 90d). */
  label: string;
}

/** Longest `next N…` window accepted: ten years. */
const MAX_WINDOW_DAYS = 3660;
const DAYS_PER_WEEK = 7;
/** `next 3m` reads as 90 days: a window, not calendar months. */
const DAYS_PER_MONTH_WINDOW = 30;

/**
 * Reads a due spec: `2023` / `2023年`, `2023-06` / `2023年6月` / `2023/6`, `2023-06-30`, `next 90d` / `90d` /
 * `未来90天`, `next 3m`, `overdue` / `逾期` (before today). Returns undefined when it is none of these.
 *
 * @example parseDue('2023-06', '2023-03-01') // { dueFrom: '2023-06-01', dueTo: '2023-06-30', label: '2023-06' }
 */
export function parseDue(spec: string, today: string): DueRange | undefined {
  const s = spec.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const year = s.match(/^(\d{4})年?$/);
  if (year) {
    const y = Number(year[1]);
    return { dueFrom: `${y}-01-01`, dueTo: `${y}-12-31`, label: String(y) };
  }
  const month = s.match(/^(\d{4})(?:-|\/|\.|年)(\d{1,2})月?$/);
  if (month) {
    const y = Number(month[1]);
    const mo = Number(month[2]);
    if (mo < 1 || mo > 12) return undefined;
    const mm = String(mo).padStart(2, '0');
    return { dueFrom: `${y}-${mm}-01`, dueTo: lastDayOfMonth(y, mo), label: `${y}-${mm}` };
  }
  const day = s.match(/^(\d{4})(?:-|\/|年)(\d{1,2})(?:-|\/|月)(\d{1,2})日?$/);
  if (day) {
    const d = `${day[1]}-${day[2]!.padStart(2, '0')}-${day[3]!.padStart(2, '0')}`;
    return isIsoDate(d) ? { dueFrom: d, dueTo: d, label: d } : undefined;
  }
  const window = s.match(/^(?:(?:next|未来|近) ?)?(\d{1,4}) ?(d|day|days|天|日|w|weeks?|周|m|months?|个月|月)$/);
  if (window) {
    const n = Number(window[1]);
    const unit = window[2]!;
    const days = /^(w|week|weeks|周)$/.test(unit)
      ? n * DAYS_PER_WEEK
      : /^(m|month|months|个月|月)$/.test(unit)
        ? n * DAYS_PER_MONTH_WINDOW
        : n;
    if (days < 1 || days > MAX_WINDOW_DAYS) return undefined;
    return { dueFrom: today, dueTo: addDays(today, days), label: `next ${days}d` };
  }
  if (/^(overdue|past|逾期|已过期|过期)$/.test(s)) {
    return { dueTo: addDays(today, -1), label: 'overdue' };
  }
  return undefined;
}

/** The filters a query can set, for display: `[['department', '商务'], ['due', '2023']]`. */
export type FilterChip = [keyof Pick<SearchFilters, 'department' | 'region' | 'kind' | 'inForce'> | 'due', string];

export interface ParsedSearch {
  /** The keywords with the filter words removed (may be empty when filters alone narrow the search). */
  query: string;
  filters: SearchFilters;
  chips: FilterChip[];
}

export type SearchParse =
  | { ok: true; search: ParsedSearch }
  | { ok: false; problem: 'bad_due' | 'bad_kind'; value: string };

const KEYS: Record<string, 'department' | 'region' | 'due' | 'kind'> = {
  部门: 'department',
  dept: 'department',
  department: 'department',
  单位: 'department',
  地区: 'region',
  region: 'region',
  地方: 'region',
  年: 'due',
  年份: 'due',
  期限: 'due',
  due: 'due',
  year: 'due',
  类型: 'kind',
  kind: 'kind',
  type: 'kind',
};

/** Item kinds and the document kinds that hold them (policy → measure), in both languages. */
export const KIND_WORDS: Readonly<Record<string, ItemKind>> = {
  measure: 'measure',
  policy: 'measure',
  举措: 'measure',
  措施: 'measure',
  answer: 'answer',
  qa: 'answer',
  问答: 'answer',
  proposal: 'proposal',
  commentary: 'proposal',
  建议: 'proposal',
};

const IN_FORCE = new Set(['in-force', 'inforce', 'in_force', '现行', '现行有效', '有效']);

/** Chat markup (<!channel>, <@U123|wang>, <#C1|general>) is never a keyword. */
const MARKUP_TOKEN = /<[!@#][^<>]*>/g;

const unquote = (v: string) => v.replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/g, '');

/** The item kind a word names (`问答`, `qa`, `answer`), or undefined. */
export function kindOf(word: string): ItemKind | undefined {
  const key = word.toLowerCase();
  return Object.hasOwn(KIND_WORDS, key) ? KIND_WORDS[key] : undefined;
}

/**
 * Splits `冷链 部门:商务 年:2023 现行` into keywords and filters. Full-width colons (：) are accepted because
 * Chinese IMEs type them. A `key:` this does not know stays a keyword (people search for "5G:" too).
 *
 * @example parseSearchText('冷链 部门:商务', '2023-03-01') // ok, query '冷链', filters { department: '商务' }
 */
export function parseSearchText(text: string, today: string): SearchParse {
  const words = normalizeQueryText(text.replace(MARKUP_TOKEN, ' '))
    .split(QUERY_SPACE)
    .filter((w) => w !== '');
  const keywords: string[] = [];
  const filters: SearchFilters = {};
  const chips: FilterChip[] = [];
  for (const word of words) {
    if (IN_FORCE.has(word.toLowerCase())) {
      filters.inForce = true;
      chips.push(['inForce', '✓']);
      continue;
    }
    const m = word.match(/^([^:：]+)[:：](.*)$/);
    const key = m ? KEYS[m[1]!.toLowerCase()] : undefined;
    const value = m ? unquote(m[2]!.trim()) : '';
    if (!key || value === '') {
      keywords.push(word);
      continue;
    }
    if (key === 'department' || key === 'region') {
      filters[key] = value;
      chips.push([key, value]);
    } else if (key === 'kind') {
      const kind = kindOf(value);
      if (!kind) return { ok: false, problem: 'bad_kind', value };
      filters.kind = kind;
      chips.push(['kind', value]);
    } else {
      const due = parseDue(value, today);
      if (!due) return { ok: false, problem: 'bad_due', value };
      if (due.dueFrom) filters.dueFrom = due.dueFrom;
      if (due.dueTo) filters.dueTo = due.dueTo;
      chips.push(['due', due.label]);
    }
  }
  return { ok: true, search: { query: keywords.join(' '), filters, chips } };
}

/**
 * The text after `/measures dept`: the first word is the department, the rest are keywords and filters.
 *
 * @example parseDeptSearch('商务局 冷链', '2023-03-01') // query 冷链, filters { department: '商务局' }
 */
export function parseDeptSearch(text: string, today: string): SearchParse {
  const [dept = '', ...rest] = text.trim().split(QUERY_SPACE);
  const more = parseSearchText(rest.join(' '), today);
  if (!more.ok) return more;
  more.search.filters.department = dept;
  more.search.chips.unshift(['department', dept]);
  return more;
}

/**
 * The text after `/measures due`: a window (its first word or two: `next 90d` has a space), then keywords and
 * filters as after `dept`; the window replaces any due filter among them. A date written with a space
 * (`2023 6月`) is a mistyped window, not a window and a keyword.
 *
 * @example parseDueSearch('overdue 部门:商务 冷链', '2023-03-01') // query 冷链, filters { department: '商务', dueTo: '2023-02-28' }
 */
export function parseDueSearch(text: string, today: string): SearchParse {
  const words = text.trim().split(QUERY_SPACE);
  for (const n of [2, 1]) {
    const due = words.length >= n ? parseDue(words.slice(0, n).join(' '), today) : undefined;
    if (!due) continue;
    if (words[n] !== undefined && parseDue(words[n]!, today)) return { ok: false, problem: 'bad_due', value: text };
    const more = parseSearchText(words.slice(n).join(' '), today);
    if (!more.ok) return more;
    const { dueFrom: _from, dueTo: _to, ...filters } = more.search.filters;
    more.search.filters = {
      ...filters,
      ...(due.dueFrom ? { dueFrom: due.dueFrom } : {}),
      ...(due.dueTo ? { dueTo: due.dueTo } : {}),
    };
    more.search.chips = [['due', due.label], ...more.search.chips.filter(([name]) => name !== 'due')];
    return more;
  }
  return { ok: false, problem: 'bad_due', value: text };
}
