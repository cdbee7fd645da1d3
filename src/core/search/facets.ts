import { addDays, isIsoDate, lastDayOfMonth } from '../../lib/dates.ts';
import type { DocumentKind } from '../model.ts';
import { ftsString } from './query.ts';

/**
 * Facets: what the department, region, kind, in-force and due filters select, written into the index as tokens
 * of its own column, so that FTS5 intersects a query with a filter in its posting lists instead of SQL looking up
 * every match's tasks or document. A facet token stands for one exact stored value (a department name, a region
 * path, a document kind or id): a letter naming the facet, then the value's UTF-8 bytes in hex. Hex keeps every
 * value one unicode61 token whatever its characters, and keeps apart values that differ only in script, width or
 * punctuation (市商務局 and 市商务局), as the filters' SQL does. The filters still choose their values in SQL (a
 * department filter is a substring of names: 商务 selects 市商务局 and 商务部); only the match per measure moves
 * into FTS5. The in-force filter excludes the (few) documents out of force on the day by their id token; a due
 * window is the year, month and day tokens covering it. A change to these tokens needs segment.ts's
 * SEGMENTATION_RULES_VERSION bumped (indexes rebuild).
 *
 * The facets column counts in bm25's length of a row (FTS5 takes the length over all columns): a dozen tokens
 * beside the hundreds of one-character tokens every measure has, so rows with many departments or targets rank
 * a little (about 2 %) lower than before.
 */

/** The FTS column holding a measure's facet tokens (no keyword is ever matched against it). */
export const FACETS_COLUMN = 'facets';

/** At most this many values of one filter are matched as facet tokens; a filter selecting more is matched in SQL. */
export const MAX_FACET_VALUES = 200;

/**
 * At most this many out-of-force documents are excluded by their tokens; more are left to SQL. FTS5's bm25
 * reads every phrase of the expression, excluded ones too: at 100k measures 20 excluded documents still ranked
 * 10–20 % faster than the per-match SQL test, 40 slower, 140 twice as slow.
 */
export const MAX_EXCLUDED_DOCUMENTS = 20;

const UTF8 = new TextEncoder();

const PREFIX = { department: 'u', lead: 'l', region: 'r', kind: 'k', document: 'd' } as const;
/** Due-date tokens: a target due on 2023-06-30 carries y2023, m202306 and t20230630. */
const DUE_PREFIX = { year: 'y', month: 'm', day: 't' } as const;

/**
 * A due window is cut into at most this many spans (whole years, then whole months, then days); a window
 * needing more (one spanning a century, or hundreds of loose days) is matched in SQL.
 */
export const MAX_DUE_SPANS = 200;

/**
 * At most this many due tokens enter a MATCH: each is a phrase bm25 reads on every ranked match. Spans no
 * target falls in are left out first (overdue reaches back to the earliest year anything is due in, but most
 * years, months and days of it hold nothing).
 */
export const MAX_DUE_TOKENS = 40;

export type FacetName = keyof typeof PREFIX;

/**
 * The facet token of one value.
 *
 * @example facetToken('department', '市商务局') // 'ue5b882e59586e58aa1e5b180'
 */
export function facetToken(facet: FacetName, value: string): string {
  let hex = '';
  for (const byte of UTF8.encode(value)) hex += byte.toString(16).padStart(2, '0');
  return `${PREFIX[facet]}${hex}`;
}

/** What one measure contributes to the facets column. */
export interface FacetSource {
  documentId: string;
  /** The names of its tasks' departments (repeats allowed). */
  departmentNames: string[];
  /** Those of them named as leading a task (牵头). */
  leadDepartmentNames: string[];
  /** Its document's region path (江苏省/南京市), if any. */
  regionPath: string | null;
  documentKind: DocumentKind;
  /** The due dates of its tasks' targets (YYYY-MM-DD). */
  dues: string[];
}

/** A measure's facets column: its facet tokens, space-separated, each once. */
export function facetsColumn(s: FacetSource): string {
  const tokens: string[] = [
    facetToken('document', s.documentId),
    ...s.departmentNames.map((n) => facetToken('department', n)),
    ...s.leadDepartmentNames.map((n) => facetToken('lead', n)),
    ...(s.regionPath === null ? [] : [facetToken('region', s.regionPath)]),
    facetToken('kind', s.documentKind),
    ...s.dues.flatMap(dueTokens),
  ];
  return [...new Set(tokens)].join(' ');
}

/** The year, month and day tokens of one due date (none for a value that is not a date). */
export function dueTokens(due: string): string[] {
  if (!isIsoDate(due)) return [];
  const [y, m, d] = due.split('-') as [string, string, string];
  return [`${DUE_PREFIX.year}${y}`, `${DUE_PREFIX.month}${y}${m}`, `${DUE_PREFIX.day}${y}${m}${d}`];
}

/** A due token and the dates it stands for. */
export interface DueSpan {
  token: string;
  from: string;
  to: string;
}

/**
 * The fewest due tokens covering every date from `from` to `to` (inclusive, YYYY-MM-DD): whole years as year
 * tokens, whole months as month tokens, the days left as day tokens; null when more than `maxTokens` are
 * needed. A target is due in the window exactly when it carries one of them.
 *
 * @example dueWindowTokens('2022-12-30', '2023-12-31').map((s) => s.token) // ['t20221230', 't20221231', 'y2023']
 */
export function dueWindowTokens(from: string, to: string, maxTokens = MAX_DUE_SPANS): DueSpan[] | null {
  const out: DueSpan[] = [];
  let at = from;
  while (at <= to) {
    if (out.length === maxTokens) return null;
    const [y, m, d] = at.split('-') as [string, string, string];
    const yearEnd = `${y}-12-31`;
    const monthEnd = lastDayOfMonth(Number(y), Number(m));
    let span: DueSpan;
    if (m === '01' && d === '01' && yearEnd <= to) span = { token: `${DUE_PREFIX.year}${y}`, from: at, to: yearEnd };
    else if (d === '01' && monthEnd <= to) span = { token: `${DUE_PREFIX.month}${y}${m}`, from: at, to: monthEnd };
    else span = { token: `${DUE_PREFIX.day}${y}${m}${d}`, from: at, to: at };
    out.push(span);
    at = addDays(span.to, 1);
  }
  return out;
}

const maxOf = (a: string, b: string) => (a > b ? a : b);
const minOf = (a: string, b: string) => (a < b ? a : b);

/**
 * The spans of a due filter (either bound may be open) within the years targets fall in, from the year of
 * `firstDue` to that of `lastDue` (the earliest and latest due date of any target): an open bound, such as
 * overdue's, would otherwise start at year 0. [] when the window holds no such year (or there are no targets);
 * null when the filter must be matched another way: more than MAX_DUE_SPANS spans, or a year before 1000 (a
 * misread target), which the calendar arithmetic would read as 19xx.
 *
 * @example dueFilterSpans(undefined, '2022-12-31', '2021-06-30', '2030-12-31')?.map((s) => s.token) // ['y2021', 'y2022']
 */
export function dueFilterSpans(
  dueFrom: string | undefined,
  dueTo: string | undefined,
  firstDue: string | null,
  lastDue: string | null,
): DueSpan[] | null {
  if (firstDue === null || lastDue === null) return [];
  const from = maxOf(dueFrom ?? '0000-01-01', `${firstDue.slice(0, 4)}-01-01`);
  const to = minOf(dueTo ?? '9999-12-31', `${lastDue.slice(0, 4)}-12-31`);
  if (from > to) return [];
  return from < '1000' ? null : dueWindowTokens(from, to);
}

/** Facet tokens a match must carry (one of each group) and must not carry (any of `exclude`). */
export interface FacetTokens {
  /** One group per filter (any of the department names it selected, ANDed with any of the region paths…). */
  groups: string[][];
  /** Tokens no match may carry (documents out of force, the kinds not asked for). */
  exclude: string[];
}

const anyOf = (tokens: string[]) => `${FACETS_COLUMN} : (${tokens.map(ftsString).join(' OR ')})`;

/**
 * The measures carrying one token of every group and none of `exclude`, as a MATCH expression of its own (the
 * filters without any keyword); null without a group (FTS5 has no match-everything to take exclusions from).
 *
 * @example facetMatch({ groups: [['r01']], exclude: ['d02'] }) // '(facets : ("r01")) NOT facets : ("d02")'
 */
export function facetMatch({ groups, exclude }: FacetTokens): string | null {
  if (groups.length === 0) return null;
  const all = groups.map(anyOf).join(' AND ');
  return exclude.length === 0 ? all : `(${all}) NOT ${anyOf(exclude)}`;
}

/**
 * Restricts a MATCH expression to measures carrying one token of every group and none of `exclude`.
 *
 * @example scopeMatch('"冷链"', { groups: [['u01', 'u02']], exclude: [] }) // '("冷链") AND facets : ("u01" OR "u02")'
 */
export function scopeMatch(match: string, { groups, exclude }: FacetTokens): string {
  const scoped = groups.length === 0 ? match : `(${match}) AND ${groups.map(anyOf).join(' AND ')}`;
  return exclude.length === 0 ? scoped : `(${scoped}) NOT ${anyOf(exclude)}`;
}
