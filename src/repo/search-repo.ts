import type { DocumentRef, ItemKind, Precision } from '../core/model.ts';
import {
  dueFilterSpans,
  type FacetTokens,
  facetToken,
  MAX_DUE_TOKENS,
  MAX_EXCLUDED_DOCUMENTS,
  MAX_FACET_VALUES,
} from '../core/search/facets.ts';
import { type ResolvedFilters, selectsMeasureSets } from '../core/search/filters.ts';
import { RANK_SQL } from '../core/search/ranking.ts';
import type { Db } from '../db/open.ts';
import { prepared } from '../db/statement-cache.ts';
import { type DepartmentRow, DOCUMENT_REF_COLUMNS } from './documents-repo.ts';

/**
 * Queries over measure_fts and the measure tables. MATCH strings come from core/search/query.ts (user text only
 * inside FTS string literals) and every value is a bound parameter.
 */

function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `td.name` is one of the department names containing one of the patterns (bound as likeContains): the
 * patterns are compared with the distinct names (department_names), not with every task's departments.
 */
function departmentNamesLike(patterns: string[]): string {
  return `td.name IN (SELECT name FROM department_names WHERE ${namesLike(patterns)})`;
}

/** `name` contains one of the patterns (each bound as likeContains). */
function namesLike(patterns: string[]): string {
  return patterns.map(() => `name LIKE ? ESCAPE '\\'`).join(' OR ');
}

/**
 * Document `d` is out of force on the date bound twice. Mirrors core/documents/in-force.ts: only policies have
 * force; they lack it before effect and after expiry.
 */
const OUT_OF_FORCE_SQL = `(d.kind = 'policy' AND ((d.effective_on IS NOT NULL AND ? < d.effective_on)
  OR (d.expires_on IS NOT NULL AND ? > d.expires_on)))`;

/**
 * WHERE clauses over `d` (documents) and the measure whose id is `measureId` (`m.id` over measures, or
 * `s.measure_id` over search_rows) for the filters, with their parameters.
 */
export function filterSql(f: ResolvedFilters, measureId = 'm.id'): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.departmentPatterns && f.departmentPatterns.length > 0) {
    // Not correlated: SQLite builds the set of measures once, and each match costs one lookup in it.
    where.push(`${measureId} IN (SELECT t.measure_id FROM task_departments td JOIN tasks t ON t.id = td.task_id
      WHERE ${departmentNamesLike(f.departmentPatterns)})`);
    params.push(...f.departmentPatterns.map(likeContains));
  }
  if (f.regionStem) {
    // Any level of the document's region: 地区:南京 and 地区:江苏 both find a Nanjing plan.
    where.push(`d.region_path LIKE ? ESCAPE '\\'`);
    params.push(likeContains(f.regionStem));
  }
  if (f.kind) {
    where.push('d.kind = ?');
    params.push(f.kind);
  }
  if (f.dueFrom || f.dueTo) {
    where.push(`${measureId} IN (SELECT t.measure_id FROM targets g JOIN tasks t ON t.id = g.task_id
      WHERE g.due >= ? AND g.due <= ?)`);
    params.push(f.dueFrom ?? '0000-01-01', f.dueTo ?? '9999-12-31');
  }
  if (f.inForceOn) {
    where.push(`NOT ${OUT_OF_FORCE_SQL}`);
    params.push(f.inForceOn, f.inForceOn);
  }
  return { sql: where.length ? ` AND ${where.join(' AND ')}` : '', params };
}

/** Filters split into facet tokens (matched inside FTS5: core/search/facets.ts) and what is left for SQL. */
export interface FacetScope extends FacetTokens {
  /** The filters still matched in SQL: a filter selecting too many values or needing too many tokens. */
  residual: ResolvedFilters;
  /** A filter selects no value at all (no department name contains the pattern): nothing can match. */
  empty: boolean;
  /** `groups` with the department filter's names as lead tokens: the measures those departments lead. */
  leadGroups: string[][] | null;
}

/**
 * Moves the department, region, kind, due and in-force filters into facet tokens: the department names
 * containing one of the patterns (as `departmentNamesLike` compares them) and the region paths containing the
 * stem (as filterSql's LIKE does), read from the small tables of distinct values (department_names, region_paths). A filter with
 * more than `maxValues` values stays in SQL, so a MATCH never grows past a bounded size. In force excludes the
 * documents out of force on the day (as filterSql judges them) by their id tokens, when there are at most
 * MAX_EXCLUDED_DOCUMENTS of them. A due window becomes the year, month and day tokens covering it that some
 * target carries (at most MAX_DUE_TOKENS). `needsPositive`: the tokens will be matched alone (list mode), so a
 * kind is kept a positive group when nothing else is.
 */
export function facetScope(
  db: Db,
  f: ResolvedFilters,
  maxValues = MAX_FACET_VALUES,
  needsPositive = false,
): FacetScope {
  const residual: ResolvedFilters = { ...f };
  const groups: string[][] = [];
  let empty = false;
  const move = (values: string[], token: (v: string) => string): boolean => {
    if (values.length > maxValues) return false;
    const tokens = [...new Set(values.map(token))];
    if (tokens.length === 0) empty = true;
    else groups.push(tokens);
    return true;
  };
  let leadTokens: string[] | null = null;
  const patterns = f.departmentPatterns ?? [];
  if (patterns.length > 0) {
    const names = prepared(db, `SELECT name FROM department_names WHERE ${namesLike(patterns)} LIMIT ?`)
      .pluck()
      .all(...patterns.map(likeContains), maxValues + 1) as string[];
    if (move(names, (n) => facetToken('department', n))) {
      delete residual.departmentPatterns;
      leadTokens = [...new Set(names.map((n) => facetToken('lead', n)))];
    }
  }
  if (f.regionStem) {
    const paths = prepared(db, `SELECT path FROM region_paths WHERE path LIKE ? ESCAPE '\\' LIMIT ?`)
      .pluck()
      .all(likeContains(f.regionStem), maxValues + 1) as string[];
    if (move(paths, (p) => facetToken('region', p))) delete residual.regionStem;
  }
  const exclude: string[] = [];
  let kindExclusion: string[] | null = null;
  if (f.kind) {
    // bm25 walks every phrase's whole posting list: the kind most documents have is matched as "none of the
    // others", whose lists are short.
    const kinds = prepared(db, 'SELECT kind, count(*) AS n FROM documents GROUP BY kind').all() as {
      kind: string;
      n: number;
    }[];
    const total = kinds.reduce((n, k) => n + k.n, 0);
    const wanted = kinds.find((k) => k.kind === f.kind)?.n ?? 0;
    // Exclusion relies on every index row carrying its document's kind token (the index is rebuilt whenever
    // the token rules change: SEGMENTATION_RULES_VERSION).
    if (wanted * 2 > total) {
      kindExclusion = kinds.filter((k) => k.kind !== f.kind).map((k) => facetToken('kind', k.kind));
    } else groups.push([facetToken('kind', f.kind)]);
    delete residual.kind;
  }
  if (f.dueFrom || f.dueTo) {
    // Two subqueries: each min/max alone is one step down the due index, together they would scan the table.
    const span = prepared(
      db,
      'SELECT (SELECT min(due) FROM targets) AS first, (SELECT max(due) FROM targets) AS last',
    ).get() as { first: string | null; last: string | null };
    const spans = dueFilterSpans(f.dueFrom, f.dueTo, span.first, span.last);
    if (spans !== null) {
      // Spans no target falls in need no token: one index probe each.
      const holds = prepared(db, 'SELECT 1 FROM targets WHERE due >= ? AND due <= ? LIMIT 1').pluck();
      const tokens = spans.filter((s) => holds.get(s.from, s.to) !== undefined).map((s) => s.token);
      if (tokens.length <= Math.min(maxValues, MAX_DUE_TOKENS)) {
        if (tokens.length === 0) empty = true;
        else groups.push(tokens);
        delete residual.dueFrom;
        delete residual.dueTo;
      }
    }
  }
  if (f.inForceOn) {
    const maxExcluded = Math.min(maxValues, MAX_EXCLUDED_DOCUMENTS);
    const out = prepared(db, `SELECT id FROM documents d WHERE ${OUT_OF_FORCE_SQL} LIMIT ?`)
      .pluck()
      .all(f.inForceOn, f.inForceOn, maxExcluded + 1) as string[];
    if (out.length <= maxExcluded) {
      exclude.push(...out.map((id) => facetToken('document', id)));
      delete residual.inForceOn;
    }
  }
  if (kindExclusion !== null) {
    // A facet MATCH of its own (list mode) needs a positive group: without another filter the kind is one.
    if (needsPositive && groups.length === 0) groups.push([facetToken('kind', f.kind!)]);
    else exclude.push(...kindExclusion);
  }
  // The department group, when there is one, is the first.
  const leadGroups = leadTokens && !empty ? [leadTokens, ...groups.slice(1)] : null;
  return { groups, exclude, residual, empty, leadGroups };
}

/**
 * Matches joined to their document through search_rows, for filters (only when some filter is set): a match
 * never reads its measure row, only an integer-keyed index row and the small documents table.
 */
const FROM_MATCH = `FROM measure_fts
  JOIN search_rows s ON s.id = measure_fts.rowid
  JOIN documents d ON d.id = s.document_id
  WHERE measure_fts MATCH ?`;

const matchFilters = (f: ResolvedFilters) => filterSql(f, 's.measure_id');

/** Number of matches. Without filters the FTS table alone answers (every FTS row is a live measure). */
export function countMatches(db: Db, match: string, f: ResolvedFilters): number {
  const w = matchFilters(f);
  const sql = w.sql
    ? `SELECT COUNT(*) AS n ${FROM_MATCH}${w.sql}`
    : 'SELECT COUNT(*) AS n FROM measure_fts WHERE measure_fts MATCH ?';
  return (prepared(db, sql).get(match, ...w.params) as { n: number }).n;
}

/** The number of matches, or `n` when there are at least that many: stops reading after the n-th. */
export function countMatchesUpTo(db: Db, match: string, f: ResolvedFilters, n: number): number {
  const w = matchFilters(f);
  const inner = w.sql ? `SELECT 1 ${FROM_MATCH}${w.sql}` : 'SELECT 1 FROM measure_fts WHERE measure_fts MATCH ?';
  return (prepared(db, `SELECT COUNT(*) AS n FROM (${inner} LIMIT ?)`).get(match, ...w.params, n) as { n: number }).n;
}

/** Whether there are at least `n` matches (cheaper than counting them all). */
export function hasAtLeastMatches(db: Db, match: string, f: ResolvedFilters, n: number): boolean {
  return countMatchesUpTo(db, match, f, n) >= n;
}

/**
 * One page of matches, best first (ties in index order, which is ingest order: file, then position). FTS5
 * ranks with the kind prior read from the rowid and keeps only the best `limit + offset`; only those rows are
 * mapped to measure ids. Without filters no match is joined to anything.
 */
export function pageMatches(
  db: Db,
  match: string,
  f: ResolvedFilters,
  limit: number,
  offset: number,
): { measureId: string; rank: number }[] {
  const w = matchFilters(f);
  const ranked = w.sql
    ? `SELECT measure_fts.rowid AS rowid, ${RANK_SQL} AS rank ${FROM_MATCH}${w.sql}`
    : `SELECT rowid, ${RANK_SQL} AS rank FROM measure_fts WHERE measure_fts MATCH ?`;
  return prepared(
    db,
    `SELECT s.measure_id AS measureId, p.rank AS rank FROM (${ranked} ORDER BY rank, rowid LIMIT ? OFFSET ?) p
       JOIN search_rows s ON s.id = p.rowid ORDER BY p.rank, p.rowid`,
  ).all(match, ...w.params, limit, offset) as { measureId: string; rank: number }[];
}

/**
 * One page over tiers, narrowest first, each a subset of the next: the rows of each tier that are not in the
 * one before, in `page`'s order, then the next tier's. Each tier is paged on its own, so a first page costs
 * what its narrowest tier costs; a tier used up is counted once to know where the next one starts.
 */
function pageTiers<T>(
  tiers: string[],
  page: (match: string, limit: number, offset: number) => T[],
  count: (match: string) => number,
  limit: number,
  offset: number,
): T[] {
  const out: T[] = [];
  let skip = offset;
  let narrower: string | null = null;
  for (const [i, tier] of tiers.entries()) {
    const own = narrower === null ? tier : `(${tier}) NOT (${narrower})`;
    const rows = page(own, limit - out.length, skip);
    out.push(...rows);
    if (out.length === limit || i === tiers.length - 1) break;
    skip = rows.length > 0 ? 0 : Math.max(0, skip - count(own));
    narrower = tier;
  }
  return out;
}

/**
 * One page of a query over tiers, each ranked among itself (pageTiers): a broad query's terms in the title,
 * in the title or departments, anywhere; then, where substrings are added, the matches that are not words.
 */
export function pageMatchesTiered(
  db: Db,
  tiers: string[],
  f: ResolvedFilters,
  limit: number,
  offset: number,
): { measureId: string; rank: number }[] {
  return pageTiers(
    tiers,
    (m, n, skip) => pageMatches(db, m, f, n, skip),
    (m) => countMatches(db, m, f),
    limit,
    offset,
  );
}

/**
 * List mode over the index: the measures of a facet MATCH (the filters, no keyword: core/search/facets.ts
 * facetMatch) under the residual filters, by document then position, with those of `lead` (the measures the
 * filtered departments lead) first. FTS5 finds them; only the matches are joined to sort them.
 */
export function pageFacetListed(
  db: Db,
  match: string,
  lead: string | null,
  f: ResolvedFilters,
  limit: number,
  offset: number,
): string[] {
  const w = matchFilters(f);
  const page = (m: string, n: number, skip: number) =>
    prepared(
      db,
      `SELECT s.measure_id FROM measure_fts JOIN search_rows s ON s.id = measure_fts.rowid
         JOIN measures m ON m.id = s.measure_id JOIN documents d ON d.id = m.document_id
         WHERE measure_fts MATCH ?${w.sql} ORDER BY d.file, m.position LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(m, ...w.params, n, skip) as string[];
  return pageTiers(lead === null ? [match] : [lead, match], page, (m) => countMatches(db, m, f), limit, offset);
}

/**
 * List mode's rows. With a department or due filter (a set of measures built once) the set leads. With filters
 * on documents only (region, kind, in force) the documents lead (CROSS JOIN fixes that order: without table
 * statistics SQLite would read all measures and look up each one's document), their measures follow through
 * the (document_id, position) index, and a page in file order stops after its last row.
 */
function fromList(f: ResolvedFilters): string {
  return selectsMeasureSets(f)
    ? 'FROM measures m JOIN documents d ON d.id = m.document_id WHERE 1 = 1'
    : 'FROM documents d CROSS JOIN measures m ON m.document_id = d.id WHERE 1 = 1';
}

/** List mode (no query, only filters): every matching measure, by document then position. */
export function countListed(db: Db, f: ResolvedFilters): number {
  const w = filterSql(f);
  return (prepared(db, `SELECT COUNT(*) AS n ${fromList(f)}${w.sql}`).get(...w.params) as { n: number }).n;
}

export function pageListed(db: Db, f: ResolvedFilters, limit: number, offset: number): string[] {
  const w = filterSql(f);
  // With a department filter, measures the department leads come before those it only shares.
  const patterns = f.departmentPatterns ?? [];
  // The measures it leads, as one set built once (not a subquery per listed measure).
  const leadFirst =
    patterns.length > 0
      ? `m.id NOT IN (SELECT t.measure_id FROM task_departments td JOIN tasks t ON t.id = td.task_id
           WHERE td.role = 'lead' AND ${departmentNamesLike(patterns)}), `
      : '';
  return (
    prepared(db, `SELECT m.id ${fromList(f)}${w.sql} ORDER BY ${leadFirst}d.file, m.position LIMIT ? OFFSET ?`).all(
      ...w.params,
      ...patterns.map(likeContains),
      limit,
      offset,
    ) as { id: string }[]
  ).map((r) => r.id);
}

export interface HitRow extends DocumentRef {
  measureId: string;
  kind: ItemKind;
  label: string;
  title: string;
  text: string;
}

export interface HitDepartment extends DepartmentRow {
  measureId: string;
}

export interface HitTarget {
  measureId: string;
  id: string;
  taskId: string;
  text: string;
  due: string;
  precision: Precision;
  periodStart: string | null;
}

/** Everything a result line shows, for a page of measure ids (in no particular order). */
export function loadHits(
  db: Db,
  ids: string[],
): { rows: HitRow[]; departments: HitDepartment[]; targets: HitTarget[] } {
  const json = JSON.stringify(ids);
  const rows = prepared(
    db,
    `SELECT m.id AS measureId, ${DOCUMENT_REF_COLUMNS}, m.kind, m.label, m.title, m.text
       FROM measures m JOIN documents d ON d.id = m.document_id
       WHERE m.id IN (SELECT value FROM json_each(?))`,
  ).all(json) as HitRow[];
  const departments = prepared(
    db,
    `SELECT t.measure_id AS measureId, td.name, td.role
       FROM tasks t JOIN task_departments td ON td.task_id = t.id
       WHERE t.measure_id IN (SELECT value FROM json_each(?)) ORDER BY t.position, td.position`,
  ).all(json) as HitDepartment[];
  const targets = prepared(
    db,
    `SELECT t.measure_id AS measureId, g.id, g.task_id AS taskId, g.text, g.due, g.precision, g.period_start AS periodStart
       FROM tasks t JOIN targets g ON g.task_id = t.id
       WHERE t.measure_id IN (SELECT value FROM json_each(?)) ORDER BY t.position, g.position`,
  ).all(json) as HitTarget[];
  return { rows, departments, targets };
}

/**
 * Every measure id a match selects under the filters (`match` null: the filters alone), unranked: the scope of
 * a channel subscription. Linear in the matches.
 */
export function allMatchingIds(db: Db, match: string | null, f: ResolvedFilters): string[] {
  if (match === null) {
    const w = filterSql(f);
    return prepared(db, `SELECT m.id ${fromList(f)}${w.sql}`)
      .pluck()
      .all(...w.params) as string[];
  }
  const w = matchFilters(f);
  return prepared(
    db,
    `SELECT s.measure_id FROM measure_fts JOIN search_rows s ON s.id = measure_fts.rowid
       ${w.sql ? 'JOIN documents d ON d.id = s.document_id ' : ''}WHERE measure_fts MATCH ?${w.sql}`,
  )
    .pluck()
    .all(match, ...w.params) as string[];
}

/**
 * How many dated targets fall in the filters' due window among the measures they select: what `/measures due`
 * counts besides measures, the same unit the digest counts.
 */
export function countTargetsInWindow(db: Db, f: ResolvedFilters): number {
  const w = filterSql(f);
  return (
    prepared(
      db,
      `SELECT COUNT(*) AS n FROM targets g JOIN tasks tk ON tk.id = g.task_id JOIN measures m ON m.id = tk.measure_id
       JOIN documents d ON d.id = m.document_id WHERE g.due >= ? AND g.due <= ?${w.sql}`,
    ).get(f.dueFrom ?? '0000-01-01', f.dueTo ?? '9999-12-31', ...w.params) as { n: number }
  ).n;
}
