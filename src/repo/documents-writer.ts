import type { ParsedDocument, ParsedMeasure, ParsedTarget, ParsedTask } from '../core/model.ts';
import type { Db } from '../db/open.ts';
import { prepared } from '../db/statement-cache.ts';

/** Between the levels of documents.region_path (江苏省/南京市); migration 010 relies on it too. */
export const REGION_PATH_SEPARATOR = '/';

/** A parsed document with every id decided (see core/ingest/plan-revision.ts). */
export interface DocumentToStore {
  id: string;
  file: string;
  contentHash: string;
  ingestedAt: string;
  /** Who adds it (default 'unknown'); kept from the first ingest when the document is already indexed. */
  addedBy?: string;
  doc: ParsedDocument;
  measures: { id: string; contentHash: string; measure: ParsedMeasure; tasks: TaskToStore[] }[];
}

export interface TaskToStore {
  id: string;
  contentHash: string;
  task: ParsedTask;
  targets: { id: string; target: ParsedTarget }[];
}

/**
 * Replaces a document's rows. Must run inside the caller's transaction (the ingest service owns it), so a
 * failure anywhere leaves the database as it was.
 */
export function replaceDocument(db: Db, d: DocumentToStore): void {
  const { doc } = d;
  prepared(db, 'DELETE FROM measures WHERE document_id = ?').run(d.id);
  prepared(
    db,
    `INSERT INTO documents (id, file, content_hash, title, kind, region, region_path, issuer, doc_number, published_on,
       effective_on, expires_on, authors, ingested_at, added_by, added_at)
     VALUES (@id, @file, @contentHash, @title, @kind, @region, @regionPath, @issuer, @docNumber, @publishedOn, @effectiveOn,
       @expiresOn, @authors, @ingestedAt, @addedBy, @ingestedAt)
     ON CONFLICT (id) DO UPDATE SET file = excluded.file, content_hash = excluded.content_hash,
       title = excluded.title, kind = excluded.kind, region = excluded.region,
       region_path = excluded.region_path, issuer = excluded.issuer,
       doc_number = excluded.doc_number, published_on = excluded.published_on,
       effective_on = excluded.effective_on, expires_on = excluded.expires_on, authors = excluded.authors,
       ingested_at = excluded.ingested_at`,
  ).run({
    id: d.id,
    file: d.file,
    contentHash: d.contentHash,
    title: doc.title,
    kind: doc.kind,
    region: doc.region,
    regionPath: doc.regionPath.length > 0 ? doc.regionPath.join(REGION_PATH_SEPARATOR) : null,
    issuer: doc.issuer,
    docNumber: doc.docNumber,
    publishedOn: doc.publishedOn,
    effectiveOn: doc.effectiveOn,
    expiresOn: doc.expiresOn,
    authors: JSON.stringify(doc.authors),
    ingestedAt: d.ingestedAt,
    addedBy: d.addedBy ?? 'unknown',
  });
  const insMeasure = prepared(
    db,
    `INSERT INTO measures (id, document_id, position, kind, section, label, ordinal, title, text, author, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insTask = prepared(
    db,
    `INSERT INTO tasks (id, measure_id, position, text, text_from, text_to, responsibility, departments_incomplete,
                        content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insDept = prepared(db, 'INSERT INTO task_departments (task_id, position, name, role) VALUES (?, ?, ?, ?)');
  const insTarget = prepared(
    db,
    `INSERT INTO targets (id, task_id, position, text, due, precision, period_start, quantity)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  d.measures.forEach((m, mi) => {
    const pm = m.measure;
    insMeasure.run(
      m.id,
      d.id,
      mi,
      pm.kind,
      pm.section,
      pm.label,
      pm.ordinal,
      pm.title,
      pm.text,
      pm.author,
      m.contentHash,
    );
    m.tasks.forEach((t, ti) => {
      const slice = stretchOf(pm.text, t.task.text);
      insTask.run(
        t.id,
        m.id,
        ti,
        slice ? null : t.task.text,
        slice?.from ?? null,
        slice?.to ?? null,
        t.task.responsibility,
        t.task.departmentsIncomplete ? 1 : 0,
        t.contentHash,
      );
      t.task.departments.forEach((dep, di) => {
        insDept.run(t.id, di, dep.name, dep.role);
      });
      t.targets.forEach((tg, gi) => {
        insTarget.run(
          tg.id,
          t.id,
          gi,
          tg.target.text,
          tg.target.due,
          tg.target.precision,
          tg.target.periodStart,
          tg.target.quantity,
        );
      });
    });
  });
}

const UNSLICEABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where `part` stands in `whole`, in characters (code points, as SQLite's substr counts them; migrations/011),
 * or null when it is not a stretch of it.
 *
 * @example stretchOf('加快建设。到2025年底建成', '到2025年底建成') // { from: 5, to: 14 }
 */
export function stretchOf(whole: string, part: string): { from: number; to: number } | null {
  // SQLite's substr stops at a NUL, and stores a lone surrogate as one character: keep a copy for those.
  if (UNSLICEABLE.test(whole)) return null;
  const at = whole.indexOf(part);
  if (at < 0) return null;
  const codePoints = (s: string) => {
    let n = s.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) n--;
    }
    return n;
  };
  const from = codePoints(whole.slice(0, at));
  return { from, to: from + codePoints(part) };
}

/** Deletes a document and (cascading) its measures, tasks, departments and targets. */
export function deleteDocument(db: Db, id: string): void {
  prepared(db, 'DELETE FROM documents WHERE id = ?').run(id);
}

/** meta key counting writes to the documents, so a plan made outside the write transaction can tell it is stale. */
export const DOCUMENTS_GENERATION_KEY = 'documents_generation';

export function readDocumentsGeneration(db: Db): number {
  const r = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(DOCUMENTS_GENERATION_KEY) as
    | { value: string }
    | undefined;
  return r ? Number(r.value) : 0;
}

export function bumpDocumentsGeneration(db: Db): void {
  prepared(
    db,
    `INSERT INTO meta (key, value) VALUES (?, '1')
     ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
  ).run(DOCUMENTS_GENERATION_KEY);
}

/** meta key of the ingest lease: one ingest writes documents at a time, the others wait their turn. */
export const INGEST_LEASE_KEY = 'ingest_lease';

export interface IngestLease {
  owner: string;
  host: string;
  pid: number;
  expiresAtMs: number;
}

export function readIngestLease(db: Db): IngestLease | undefined {
  const r = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(INGEST_LEASE_KEY) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as IngestLease) : undefined;
}

export function writeIngestLease(db: Db, lease: IngestLease): void {
  prepared(
    db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(INGEST_LEASE_KEY, JSON.stringify(lease));
}

/** Drops the lease if `owner` still holds it. */
export function deleteIngestLease(db: Db, owner: string): void {
  prepared(db, "DELETE FROM meta WHERE key = ? AND json_extract(value, '$.owner') = ?").run(INGEST_LEASE_KEY, owner);
}
