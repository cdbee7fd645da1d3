import { isIsoDate, lastDayOfMonth } from '../../lib/dates.ts';
import type { DocumentKind, ItemKind } from '../model.ts';
import { departmentPatterns } from './department-aliases.ts';
import { SearchInputError } from './errors.ts';
import { normalizeForSearch } from './normalize.ts';

/** Filters as a person gives them (partial names, years for dates). */
export interface SearchFilters {
  department?: string;
  region?: string;
  /** The document's kind; the item kinds are accepted as their documents' (measure → policy, answer → qa…). */
  kind?: DocumentKind | ItemKind;
  /** YYYY, YYYY-MM or YYYY-MM-DD: a target of the measure is due on or after the start of this period. */
  dueFrom?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: … due on or before the end of this period. */
  dueTo?: string;
  /** Only documents in force on `today` (Q&A and commentary, which have no force of their own, are kept). */
  inForce?: boolean;
}

/** Filters resolved into what the repository matches on. */
export interface ResolvedFilters {
  departmentPatterns?: string[];
  regionStem?: string;
  kind?: DocumentKind;
  dueFrom?: string;
  dueTo?: string;
  inForceOn?: string;
}

/**
 * Whether the filters select measures through their tasks (a department, a due window): such a filter is a set
 * of measures built once per statement, where the others are looked up on each match's document.
 */
export function selectsMeasureSets(f: ResolvedFilters): boolean {
  return (f.departmentPatterns?.length ?? 0) > 0 || f.dueFrom !== undefined || f.dueTo !== undefined;
}

const KINDS: Record<DocumentKind | ItemKind, DocumentKind> = {
  policy: 'policy',
  qa: 'qa',
  commentary: 'commentary',
  measure: 'policy',
  answer: 'qa',
  proposal: 'commentary',
};
const MAX_FILTER_CHARS = 50;

export function hasFilters(f: SearchFilters | undefined): boolean {
  if (!f) return false;
  return Boolean(
    f.department?.trim() || f.region?.trim() || f.kind || f.dueFrom?.trim() || f.dueTo?.trim() || f.inForce,
  );
}

/** Reads a due bound: a year or month stands for its first day (from) or last day (to). */
export function parseDueBound(raw: string, side: 'from' | 'to'): string {
  const s = normalizeForSearch(raw).trim().replace(/年$/, '');
  let out: string | undefined;
  if (/^\d{4}$/.test(s)) out = side === 'from' ? `${s}-01-01` : `${s}-12-31`;
  else if (/^\d{4}-\d{2}$/.test(s)) {
    const [y, m] = s.split('-').map(Number) as [number, number];
    if (m >= 1 && m <= 12) out = side === 'from' ? `${s}-01` : lastDayOfMonth(y, m);
  } else if (isIsoDate(s)) out = s;
  if (!out) {
    throw new SearchInputError('bad_date', `"${raw.slice(0, 40)}" is not a date; use 2023, 2023-06 or 2023-06-30.`);
  }
  return out;
}

/** The region without 省/市/自治区 (天津 ≈ 天津市). */
export function regionStem(raw: string): string {
  const n = normalizeForSearch(raw).replace(/\s+/g, '');
  const stripped = n.replace(/(省|市|自治区|特别行政区|地区)$/, '');
  return stripped.length >= 2 ? stripped : n;
}

function checkLength(name: string, value: string): void {
  if (Array.from(value).length > MAX_FILTER_CHARS) {
    throw new SearchInputError('bad_filter', `The ${name} filter is too long; use a short name such as 商务 or 天津.`);
  }
}

export function resolveFilters(f: SearchFilters | undefined, today: string): ResolvedFilters {
  const out: ResolvedFilters = {};
  if (!f) return out;
  const dept = f.department?.trim();
  if (dept) {
    checkLength('department', dept);
    out.departmentPatterns = departmentPatterns(dept);
  }
  const region = f.region?.trim();
  if (region) {
    checkLength('region', region);
    out.regionStem = regionStem(region);
  }
  if (f.kind !== undefined) {
    const kind = Object.hasOwn(KINDS, f.kind) ? KINDS[f.kind] : undefined;
    if (!kind) {
      throw new SearchInputError(
        'bad_kind',
        `Unknown document kind "${String(f.kind).slice(0, 20)}"; use policy, qa or commentary.`,
      );
    }
    out.kind = kind;
  }
  if (f.dueFrom?.trim()) out.dueFrom = parseDueBound(f.dueFrom, 'from');
  if (f.dueTo?.trim()) out.dueTo = parseDueBound(f.dueTo, 'to');
  if (out.dueFrom && out.dueTo && out.dueFrom > out.dueTo) {
    throw new SearchInputError('bad_date', `The due range is empty: ${out.dueFrom} is after ${out.dueTo}.`);
  }
  if (f.inForce) out.inForceOn = today;
  return out;
}
