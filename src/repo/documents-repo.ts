import type { DepartmentRole, DocumentKind, ItemKind, Precision } from '../core/model.ts';
import type { Db } from '../db/open.ts';

/** Rows as the index stores them, shared by the search, digest and follow-up services. */

export interface DocumentRow {
  id: string;
  file: string;
  contentHash: string;
  title: string;
  kind: DocumentKind;
  region: string | null;
  issuer: string | null;
  docNumber: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  authors: string[];
  ingestedAt: string;
}

/** SELECT list yielding a DocumentRef (core/digest/types.ts) from `documents d`, for joins that carry their document. */
export const DOCUMENT_REF_COLUMNS = `d.id AS documentId, d.file, d.title AS documentTitle, d.kind AS documentKind, d.region,
  d.published_on AS publishedOn, d.effective_on AS effectiveOn, d.expires_on AS expiresOn`;

export interface TargetRow {
  id: string;
  taskId: string;
  position: number;
  text: string;
  due: string;
  precision: Precision;
  periodStart: string | null;
  quantity: string | null;
}

export interface DepartmentRow {
  name: string;
  role: DepartmentRole;
}

export interface TaskRow {
  id: string;
  measureId: string;
  position: number;
  text: string;
  responsibility: string | null;
  departmentsIncomplete: boolean;
  contentHash: string;
  departments: DepartmentRow[];
  targets: TargetRow[];
}

export interface MeasureRow {
  id: string;
  documentId: string;
  position: number;
  kind: ItemKind;
  section: string | null;
  label: string;
  ordinal: number;
  title: string;
  text: string;
  author: string | null;
  contentHash: string;
}

export interface MeasureDetail extends MeasureRow {
  document: DocumentRow;
  tasks: TaskRow[];
}

interface RawDocument {
  id: string;
  file: string;
  content_hash: string;
  title: string;
  kind: DocumentKind;
  region: string | null;
  issuer: string | null;
  doc_number: string | null;
  published_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  authors: string;
  ingested_at: string;
  added_by: string;
  added_at: string | null;
}

const toDocument = (r: RawDocument): DocumentRow => ({
  id: r.id,
  file: r.file,
  contentHash: r.content_hash,
  title: r.title,
  kind: r.kind,
  region: r.region,
  issuer: r.issuer,
  docNumber: r.doc_number,
  publishedOn: r.published_on,
  effectiveOn: r.effective_on,
  expiresOn: r.expires_on,
  authors: JSON.parse(r.authors) as string[],
  ingestedAt: r.ingested_at,
});

const MEASURE_COLUMNS = `id, document_id AS documentId, position, kind, section, label, ordinal, title, text, author,
  content_hash AS contentHash`;

export function listDocuments(db: Db): DocumentRow[] {
  return (db.prepare('SELECT * FROM documents ORDER BY file').all() as RawDocument[]).map(toDocument);
}

export function getDocument(db: Db, id: string): DocumentRow | undefined {
  const r = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as RawDocument | undefined;
  return r && toDocument(r);
}

export function getDocumentByFile(db: Db, file: string): DocumentRow | undefined {
  const r = db.prepare('SELECT * FROM documents WHERE file = ?').get(file) as RawDocument | undefined;
  return r && toDocument(r);
}

export function countDocuments(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
}

export function countMeasures(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM measures').get() as { n: number }).n;
}

/**
 * A real measure id to show in help and error examples: a policy measure with a task if there is one, else any
 * measure; undefined for an empty index. The first row found, not a sorted scan (help is shown often).
 */
export function exampleMeasureId(db: Db): string | undefined {
  const r = (db
    .prepare(
      `SELECT m.id FROM documents d JOIN measures m ON m.document_id = d.id
       WHERE d.kind = 'policy' AND EXISTS (SELECT 1 FROM tasks t WHERE t.measure_id = m.id) LIMIT 1`,
    )
    .get() ?? db.prepare('SELECT id FROM measures LIMIT 1').get()) as { id: string } | undefined;
  return r?.id;
}

/** The file name of another document with this content hash, if any. */
export function findDocumentByContent(db: Db, contentHash: string, exceptFile: string): string | undefined {
  const r = db
    .prepare('SELECT file FROM documents WHERE content_hash = ? AND file <> ? ORDER BY file LIMIT 1')
    .get(contentHash, exceptFile) as { file: string } | undefined;
  return r?.file;
}

export function documentsByDocNumber(db: Db, docNumber: string): DocumentRow[] {
  return (db.prepare('SELECT * FROM documents WHERE doc_number = ? ORDER BY file').all(docNumber) as RawDocument[]).map(
    toDocument,
  );
}

export interface DocumentListing extends DocumentRow {
  measures: number;
  /** Who first added it: a Slack user id, or the OS user (or `cli`) for the command line. */
  addedBy: string;
  addedAt: string;
}

/** Documents with their measure counts, by most recently added first, one page. */
export function pageDocuments(db: Db, limit: number, offset: number): DocumentListing[] {
  const rows = db
    .prepare(
      `SELECT d.*, (SELECT COUNT(*) FROM measures m WHERE m.document_id = d.id) AS measure_count
       FROM documents d ORDER BY COALESCE(d.added_at, d.ingested_at) DESC, d.file LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as (RawDocument & { measure_count: number })[];
  return rows.map((r) => ({
    ...toDocument(r),
    measures: r.measure_count,
    addedBy: r.added_by,
    addedAt: r.added_at ?? r.ingested_at,
  }));
}

export function documentIdTaken(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
}

export function listMeasures(db: Db, documentId: string): MeasureRow[] {
  return db
    .prepare(`SELECT ${MEASURE_COLUMNS} FROM measures WHERE document_id = ? ORDER BY position`)
    .all(documentId) as MeasureRow[];
}

export function getMeasureRow(db: Db, id: string): MeasureRow | undefined {
  return db.prepare(`SELECT ${MEASURE_COLUMNS} FROM measures WHERE id = ?`).get(id) as MeasureRow | undefined;
}

/** A task's text (`t` a tasks row, `m` its measure): its stretch of the measure's text, or its own copy. */
export const TASK_TEXT_SQL = 'coalesce(t.text, substr(m.text, t.text_from + 1, t.text_to - t.text_from))';

export function listTasks(db: Db, measureIds: string[]): TaskRow[] {
  if (measureIds.length === 0) return [];
  const tasks: TaskRow[] = [];
  const taskStmt = db.prepare(
    `SELECT t.id, t.measure_id AS measureId, t.position, ${TASK_TEXT_SQL} AS text, t.responsibility,
       t.departments_incomplete AS departmentsIncomplete, t.content_hash AS contentHash
     FROM tasks t JOIN measures m ON m.id = t.measure_id WHERE t.measure_id = ? ORDER BY t.position`,
  );
  const deptStmt = db.prepare('SELECT name, role FROM task_departments WHERE task_id = ? ORDER BY position');
  const targetStmt = db.prepare(
    `SELECT id, task_id AS taskId, position, text, due, precision, period_start AS periodStart, quantity
     FROM targets WHERE task_id = ? ORDER BY position`,
  );
  for (const measureId of measureIds) {
    for (const t of taskStmt.all(measureId) as Omit<TaskRow, 'departments' | 'targets'>[]) {
      tasks.push({
        ...t,
        departmentsIncomplete: Boolean(t.departmentsIncomplete),
        departments: deptStmt.all(t.id) as DepartmentRow[],
        targets: targetStmt.all(t.id) as TargetRow[],
      });
    }
  }
  return tasks;
}

export function getMeasureDetail(db: Db, id: string): MeasureDetail | undefined {
  const m = getMeasureRow(db, id);
  if (!m) return undefined;
  const document = getDocument(db, m.documentId)!;
  return { ...m, document, tasks: listTasks(db, [m.id]) };
}

/** Finds which measure a task or target id belongs to (ids typed by people may name any level). */
export function measureIdForTask(db: Db, taskId: string): string | undefined {
  const r = db.prepare('SELECT measure_id AS m FROM tasks WHERE id = ?').get(taskId) as { m: string } | undefined;
  return r?.m;
}

export function taskIdForTarget(db: Db, targetIdValue: string): string | undefined {
  const r = db.prepare('SELECT task_id AS t FROM targets WHERE id = ?').get(targetIdValue) as { t: string } | undefined;
  return r?.t;
}
