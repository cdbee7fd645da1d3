import type { Db } from '../db/open.ts';
import type { DocumentKind, ItemKind, Precision } from '../core/model.ts';
import type { ResolvedFilters } from '../core/search/filters.ts';
import { RANK_SQL } from '../core/search/ranking.ts';

/**
 * Queries over measure_fts and the measure tables. MATCH strings come from core/search/query.ts (user text only
 * inside FTS string literals) and every value is a bound parameter.
 */

function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE clauses over `m` (measures) and `d` (documents) for the filters, with their parameters. */
export function filterSql(f: ResolvedFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.departmentPatterns && f.departmentPatterns.length > 0) {
    const ors = f.departmentPatterns.map(() => `td.name LIKE ? ESCAPE '\\'`).join(' OR ');
    where.push(`EXISTS (SELECT 1 FROM tasks t JOIN task_departments td ON td.task_id = t.id
      WHERE t.measure_id = m.id AND (${ors}))`);
    params.push(...f.departmentPatterns.map(likeContains));
  }
  if (f.regionStem) {
    where.push(`d.region LIKE ? ESCAPE '\\'`);
    params.push(likeContains(f.regionStem));
  }
  if (f.kind) {
    where.push('d.kind = ?');
    params.push(f.kind);
  }
  if (f.dueFrom || f.dueTo) {
    where.push(`EXISTS (SELECT 1 FROM tasks t JOIN targets g ON g.task_id = t.id
      WHERE t.measure_id = m.id AND g.due >= ? AND g.due <= ?)`);
    params.push(f.dueFrom ?? '0000-01-01', f.dueTo ?? '9999-12-31');
  }
  if (f.inForceOn) {
    // Mirrors core/documents/in-force.ts: only policies have force; they lack it before effect and after expiry.
    where.push(`NOT (d.kind = 'policy' AND ((d.effective_on IS NOT NULL AND ? < d.effective_on)
      OR (d.expires_on IS NOT NULL AND ? > d.expires_on)))`);
    params.push(f.inForceOn, f.inForceOn);
  }
  return { sql: where.length ? ` AND ${where.join(' AND ')}` : '', params };
}

const FROM_MATCH = `FROM measure_fts
  JOIN search_rows s ON s.id = measure_fts.rowid
  JOIN measures m ON m.id = s.measure_id
  JOIN documents d ON d.id = m.document_id
  WHERE measure_fts MATCH ?`;

export function countMatches(db: Db, match: string, f: ResolvedFilters): number {
  const w = filterSql(f);
  return (db.prepare(`SELECT COUNT(*) AS n ${FROM_MATCH}${w.sql}`).get(match, ...w.params) as { n: number }).n;
}

export function pageMatches(
  db: Db,
  match: string,
  f: ResolvedFilters,
  limit: number,
  offset: number,
): { measureId: string; rank: number }[] {
  const w = filterSql(f);
  return db
    .prepare(`SELECT m.id AS measureId, ${RANK_SQL} AS rank ${FROM_MATCH}${w.sql} ORDER BY rank, d.file, m.position LIMIT ? OFFSET ?`)
    .all(match, ...w.params, limit, offset) as { measureId: string; rank: number }[];
}

const FROM_LIST = `FROM measures m JOIN documents d ON d.id = m.document_id WHERE 1 = 1`;

/** List mode (no query, only filters): every matching measure, by document then position. */
export function countListed(db: Db, f: ResolvedFilters): number {
  const w = filterSql(f);
  return (db.prepare(`SELECT COUNT(*) AS n ${FROM_LIST}${w.sql}`).get(...w.params) as { n: number }).n;
}

export function pageListed(db: Db, f: ResolvedFilters, limit: number, offset: number): string[] {
  const w = filterSql(f);
  return (
    db.prepare(`SELECT m.id ${FROM_LIST}${w.sql} ORDER BY d.file, m.position LIMIT ? OFFSET ?`).all(...w.params, limit, offset) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

export interface HitRow {
  measureId: string;
  documentId: string;
  file: string;
  documentTitle: string;
  documentKind: DocumentKind;
  region: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  kind: ItemKind;
  label: string;
  title: string;
  text: string;
}

export interface HitDepartment {
  measureId: string;
  name: string;
  role: 'lead' | 'co';
}

export interface HitTarget {
  measureId: string;
  id: string;
  taskId: string;
  text: string;
  due: string;
  precision: Precision;
}

/** Everything a result line shows, for a page of measure ids (in no particular order). */
export function loadHits(db: Db, ids: string[]): { rows: HitRow[]; departments: HitDepartment[]; targets: HitTarget[] } {
  const json = JSON.stringify(ids);
  const rows = db
    .prepare(
      `SELECT m.id AS measureId, m.document_id AS documentId, d.file, d.title AS documentTitle, d.kind AS documentKind,
         d.region, d.published_on AS publishedOn, d.effective_on AS effectiveOn, d.expires_on AS expiresOn,
         m.kind, m.label, m.title, m.text
       FROM measures m JOIN documents d ON d.id = m.document_id
       WHERE m.id IN (SELECT value FROM json_each(?))`,
    )
    .all(json) as HitRow[];
  const departments = db
    .prepare(
      `SELECT t.measure_id AS measureId, td.name, td.role
       FROM tasks t JOIN task_departments td ON td.task_id = t.id
       WHERE t.measure_id IN (SELECT value FROM json_each(?)) ORDER BY t.position, td.position`,
    )
    .all(json) as HitDepartment[];
  const targets = db
    .prepare(
      `SELECT t.measure_id AS measureId, g.id, g.task_id AS taskId, g.text, g.due, g.precision
       FROM tasks t JOIN targets g ON g.task_id = t.id
       WHERE t.measure_id IN (SELECT value FROM json_each(?)) ORDER BY t.position, g.position`,
    )
    .all(json) as HitTarget[];
  return { rows, departments, targets };
}
