import type { Statement } from 'better-sqlite3';
import type { ItemKind } from '../core/model.ts';
import { type FacetSource, facetsColumn } from '../core/search/facets.ts';
import { KIND_SLOTS, kindClass } from '../core/search/ranking.ts';
import { type IndexColumns, type IndexColumnsOf, type IndexSource, indexColumnsWith } from '../core/search/segment.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import type { Db } from '../db/open.ts';
import { prepared } from '../db/statement-cache.ts';
import { type DocumentToStore, REGION_PATH_SEPARATOR } from './documents-writer.ts';

/**
 * Keeps measure_fts in step with the measures table. indexMeasures / removeMeasuresFromIndex are called inside
 * the ingest transaction; the rest serves start-up checks and the benchmark. Segmentation is the caller's
 * Segmenter's (through core/search/segment.ts); this module only reads sources and writes token rows.
 */

/** meta key holding the fingerprint of the dictionary and rules the index was built with. */
export const INDEX_FINGERPRINT_KEY = 'search_index_fingerprint';

/** How many measures are read and written per statement round (bounds memory on a full rebuild). */
const CHUNK = 500;

export interface IndexSourceRow extends IndexSource, FacetSource {
  measureId: string;
  documentId: string;
  kind: ItemKind;
}

/**
 * One measure's row for the index: its id, kind (part of the FTS rowid), already-segmented columns and facet
 * tokens (core/search/facets.ts).
 */
export interface IndexEntry extends IndexColumns {
  measureId: string;
  documentId: string;
  kind: ItemKind;
  facets: string;
}

/** The index entry of a source row, given its segmented columns. */
export function indexEntry(r: IndexSourceRow, columns: IndexColumns): IndexEntry {
  return { measureId: r.measureId, documentId: r.documentId, kind: r.kind, ...columns, facets: facetsColumn(r) };
}

/** The text each measure contributes to the index, for the given ids (missing ids are left out). */
export function readIndexSources(db: Db, measureIds: string[]): IndexSourceRow[] {
  const read = prepared(
    db,
    `SELECT m.id AS measureId, m.document_id AS documentId, m.kind, m.title, m.text, m.section,
           coalesce((SELECT group_concat(x, '、') FROM (
              SELECT td.name AS x FROM tasks t JOIN task_departments td ON td.task_id = t.id WHERE t.measure_id = m.id
              UNION ALL
              SELECT t.responsibility FROM tasks t WHERE t.measure_id = m.id AND t.responsibility IS NOT NULL)
           ), '') AS departments,
           (SELECT json_group_array(td.name) FROM tasks t JOIN task_departments td ON td.task_id = t.id
              WHERE t.measure_id = m.id) AS departmentNames,
           (SELECT json_group_array(td.name) FROM tasks t JOIN task_departments td ON td.task_id = t.id
              WHERE t.measure_id = m.id AND td.role = 'lead') AS leadDepartmentNames,
           (SELECT json_group_array(g.due) FROM tasks t JOIN targets g ON g.task_id = t.id
              WHERE t.measure_id = m.id) AS dues,
           d.region_path AS regionPath, d.kind AS documentKind
         FROM json_each(?) j JOIN measures m ON m.id = j.value JOIN documents d ON d.id = m.document_id
         ORDER BY j.key`,
  );
  const out: IndexSourceRow[] = [];
  for (let i = 0; i < measureIds.length; i += CHUNK) {
    type Lists = 'departmentNames' | 'leadDepartmentNames' | 'dues';
    type Read = Omit<IndexSourceRow, Lists> & Record<Lists, string>;
    for (const r of read.all(JSON.stringify(measureIds.slice(i, i + CHUNK))) as Read[]) {
      out.push({
        ...r,
        departmentNames: JSON.parse(r.departmentNames) as string[],
        leadDepartmentNames: JSON.parse(r.leadDepartmentNames) as string[],
        dues: JSON.parse(r.dues) as string[],
      });
    }
  }
  return out;
}

/**
 * What a document being written contributes to the index: readIndexSources of its measures once they are
 * stored, built from what is being stored instead of read back (the ingest writes a document's rows and its
 * index rows in one transaction). Lists come in the order the tables give them: tasks, then each task's
 * departments or targets, by position.
 */
export function indexSourcesOf(d: DocumentToStore): IndexSourceRow[] {
  const regionPath = d.doc.regionPath.length > 0 ? d.doc.regionPath.join(REGION_PATH_SEPARATOR) : null;
  return d.measures.map(({ id, measure, tasks }) => {
    const named = tasks.flatMap((t) => t.task.departments);
    const responsibilities = tasks.flatMap((t) => (t.task.responsibility === null ? [] : [t.task.responsibility]));
    return {
      measureId: id,
      documentId: d.id,
      kind: measure.kind,
      title: measure.title,
      text: measure.text,
      section: measure.section,
      departments: [...named.map((n) => n.name), ...responsibilities].join('、'),
      departmentNames: named.map((n) => n.name),
      leadDepartmentNames: named.filter((n) => n.role === 'lead').map((n) => n.name),
      dues: tasks.flatMap((t) => t.targets.map((g) => g.target.due)),
      regionPath,
      documentKind: d.doc.kind,
    };
  });
}

/** Writes the index rows of a document being stored (indexSourcesOf), cut with `columns`, CHUNK at a time. */
export function indexStoredDocument(db: Db, d: DocumentToStore, columns: IndexColumnsOf): void {
  const sources = indexSourcesOf(d);
  for (let i = 0; i < sources.length; i += CHUNK) {
    writeIndexEntries(
      db,
      sources.slice(i, i + CHUNK).map((r) => indexEntry(r, columns(r))),
    );
  }
}

interface Writer {
  find: Statement;
  next: Statement;
  addRow: Statement;
  moveRow: Statement;
  delFts: Statement;
  insFts: Statement;
}

function writer(db: Db): Writer {
  return {
    find: prepared(db, 'SELECT id FROM search_rows WHERE measure_id = ?').pluck(),
    next: prepared(db, 'SELECT coalesce(max(id), 0) FROM search_rows').pluck(),
    addRow: prepared(db, 'INSERT INTO search_rows (id, measure_id, document_id) VALUES (?, ?, ?)'),
    moveRow: prepared(db, 'UPDATE search_rows SET id = ?, document_id = ? WHERE id = ?'),
    delFts: prepared(db, 'DELETE FROM measure_fts WHERE rowid = ?'),
    insFts: prepared(
      db,
      'INSERT INTO measure_fts (rowid, title, departments, body, chars, facets) VALUES (?, ?, ?, ?, ?, ?)',
    ),
  };
}

/**
 * Writes already-segmented rows, replacing any row a measure had. A measure keeps its FTS rowid unless its
 * kind changed (the kind class is part of the rowid); new measures get rowids after every existing one.
 */
export function writeIndexEntries(db: Db, entries: IndexEntry[]): void {
  if (entries.length === 0) return;
  const w = writer(db);
  let seq = Math.floor((w.next.get() as number) / KIND_SLOTS);
  for (const e of entries) {
    const cls = kindClass(e.kind);
    const old = w.find.get(e.measureId) as number | undefined;
    let rowid: number;
    if (old === undefined) {
      rowid = ++seq * KIND_SLOTS + cls;
      w.addRow.run(rowid, e.measureId, e.documentId);
    } else {
      w.delFts.run(old);
      rowid = old % KIND_SLOTS === cls ? old : ++seq * KIND_SLOTS + cls;
      w.moveRow.run(rowid, e.documentId, old);
    }
    w.insFts.run(rowid, e.title, e.departments, e.body, e.chars, e.facets);
  }
}

/** (Re)indexes measures with the given segmenter. */
export function indexMeasures(db: Db, measureIds: string[], segmenter: Segmenter): void {
  indexMeasuresWith(db, measureIds, indexColumnsWith(segmenter));
}

/**
 * indexMeasures with a given columns function: the ingest service passes the one it segmented the document
 * with before taking the write lock, so the cuts inside the transaction are memo look-ups.
 */
export function indexMeasuresWith(db: Db, measureIds: string[], columns: IndexColumnsOf): void {
  for (let i = 0; i < measureIds.length; i += CHUNK) {
    const sources = readIndexSources(db, measureIds.slice(i, i + CHUNK));
    writeIndexEntries(
      db,
      sources.map((r) => indexEntry(r, columns(r))),
    );
  }
}

export function removeMeasuresFromIndex(db: Db, measureIds: string[]): void {
  const find = prepared(db, 'SELECT id FROM search_rows WHERE measure_id = ?').pluck();
  const delFts = prepared(db, 'DELETE FROM measure_fts WHERE rowid = ?');
  const delRow = prepared(db, 'DELETE FROM search_rows WHERE id = ?');
  for (const id of measureIds) {
    const rowid = find.get(id) as number | undefined;
    if (rowid === undefined) continue;
    delFts.run(rowid);
    delRow.run(rowid);
  }
}

export function readIndexFingerprint(db: Db): string | undefined {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(INDEX_FINGERPRINT_KEY) as
    | { value: string }
    | undefined;
  return r?.value;
}

export function writeIndexFingerprint(db: Db, fingerprint: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    INDEX_FINGERPRINT_KEY,
    fingerprint,
  );
}

/** Drops the whole index and builds it again from the measures table. Returns the number of measures indexed. */
export function reindexAll(db: Db, segmenter: Segmenter): number {
  return db.transaction(() => {
    // A contentless table's 'delete-all' empties it in one step (DELETE FROM would delete row by row).
    db.exec("INSERT INTO measure_fts (measure_fts) VALUES ('delete-all'); DELETE FROM search_rows;");
    const ids = db.prepare('SELECT id FROM measures ORDER BY rowid').pluck().all() as string[];
    indexMeasures(db, ids, segmenter);
    return ids.length;
  })();
}

/**
 * Repairs drift without a rebuild: measures missing from the index are added, and index rows whose measure is
 * gone are dropped. A trigger (migrations/005) removes a deleted measure's row, so the index normally holds
 * only live measures and equal counts mean nothing is missing: the common case costs two counts, not a join
 * over every measure.
 */
export function repairIndex(db: Db, segmenter: Segmenter): { added: number; removed: number } {
  return db.transaction(() => {
    const measures = db.prepare('SELECT COUNT(*) FROM measures').pluck().get() as number;
    const rows = db.prepare('SELECT COUNT(*) FROM search_rows').pluck().get() as number;
    if (measures === rows) return { added: 0, removed: 0 };
    const missing = db
      .prepare(
        'SELECT m.id FROM measures m WHERE NOT EXISTS (SELECT 1 FROM search_rows s WHERE s.measure_id = m.id) ORDER BY m.rowid',
      )
      .pluck()
      .all() as string[];
    const orphans = db
      .prepare(
        'SELECT s.measure_id FROM search_rows s WHERE NOT EXISTS (SELECT 1 FROM measures m WHERE m.id = s.measure_id)',
      )
      .pluck()
      .all() as string[];
    removeMeasuresFromIndex(db, orphans);
    indexMeasures(db, missing, segmenter);
    return { added: missing.length, removed: orphans.length };
  })();
}
