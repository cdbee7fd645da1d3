import type { Db } from '../db/open.ts';
import { normalizeForSearch } from '../core/search/normalize.ts';
import { charTokens, segmentForIndex } from '../core/search/segment.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { defaultSegmenter } from '../search/jieba-segmenter.ts';

/**
 * Keeps measure_fts in step with the measures table. indexMeasures / removeMeasuresFromIndex are called inside
 * the ingest transaction; the rest serves start-up checks and the benchmark.
 */

/** meta key holding the fingerprint of the dictionary and rules the index was built with. */
export const INDEX_FINGERPRINT_KEY = 'search_index_fingerprint';

/** Bounds the per-call segmentation memo (a few MB at most). */
const MEMO_ENTRIES = 5_000;

interface SourceRow {
  id: string;
  title: string;
  text: string;
  section: string | null;
  departments: string | null;
}

/** What one measure contributes to each FTS column. */
export function indexColumns(
  segmenter: Segmenter,
  r: { title: string; text: string; section: string | null; departments: string },
): {
  title: string;
  departments: string;
  body: string;
  chars: string;
} {
  const body = r.section ? `${r.text}\n${r.section}` : r.text;
  return {
    title: segmentForIndex(segmenter, r.title).join(' '),
    departments: segmentForIndex(segmenter, r.departments).join(' '),
    body: segmentForIndex(segmenter, body).join(' '),
    chars: charTokens(normalizeForSearch(`${r.title}\n${body}`)).join(' '),
  };
}

/**
 * (Re)indexes measures. The segmenter defaults to the shared jieba one for callers that do not pass theirs
 * (ingest); the search service always passes it.
 */
export function indexMeasures(db: Db, measureIds: string[], segmenter: Segmenter = defaultSegmenter()): void {
  if (measureIds.length === 0) return;
  const source = db.prepare(
    `SELECT m.id, m.title, m.text, m.section,
       (SELECT group_concat(x, '、') FROM (
          SELECT td.name AS x FROM tasks t JOIN task_departments td ON td.task_id = t.id WHERE t.measure_id = m.id
          UNION ALL
          SELECT t.responsibility FROM tasks t WHERE t.measure_id = m.id AND t.responsibility IS NOT NULL)
       ) AS departments
     FROM measures m WHERE m.id = ?`,
  );
  const row = db.prepare(
    `INSERT INTO search_rows (measure_id) VALUES (?)
     ON CONFLICT (measure_id) DO UPDATE SET measure_id = excluded.measure_id RETURNING id`,
  );
  const del = db.prepare('DELETE FROM measure_fts WHERE rowid = ?');
  const ins = db.prepare('INSERT INTO measure_fts (rowid, title, departments, body, chars) VALUES (?, ?, ?, ?, ?)');
  // Segmentation dominates indexing time; text repeated verbatim within one call (provinces copy national
  // wording, a rebuild sees every copy) is segmented once.
  const memo = new Map<string, ReturnType<typeof indexColumns>>();
  for (const id of measureIds) {
    const r = source.get(id) as SourceRow | undefined;
    if (!r) continue;
    const key = JSON.stringify([r.title, r.text, r.section, r.departments]);
    let cols = memo.get(key);
    if (!cols) {
      cols = indexColumns(segmenter, { ...r, departments: r.departments ?? '' });
      if (memo.size < MEMO_ENTRIES) memo.set(key, cols);
    }
    const { id: rowid } = row.get(id) as { id: number };
    del.run(rowid);
    ins.run(rowid, cols.title, cols.departments, cols.body, cols.chars);
  }
}

export function removeMeasuresFromIndex(db: Db, measureIds: string[]): void {
  const find = db.prepare('SELECT id FROM search_rows WHERE measure_id = ?');
  const delFts = db.prepare('DELETE FROM measure_fts WHERE rowid = ?');
  const delRow = db.prepare('DELETE FROM search_rows WHERE id = ?');
  for (const id of measureIds) {
    const r = find.get(id) as { id: number } | undefined;
    if (!r) continue;
    delFts.run(r.id);
    delRow.run(r.id);
  }
}

export function readIndexFingerprint(db: Db): string | undefined {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(INDEX_FINGERPRINT_KEY) as { value: string } | undefined;
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
    db.exec('DELETE FROM measure_fts; DELETE FROM search_rows;');
    const ids = (db.prepare('SELECT id FROM measures ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    indexMeasures(db, ids, segmenter);
    return ids.length;
  })();
}

/**
 * Repairs drift without a rebuild: measures missing from the index are added, and index rows whose measure is
 * gone (deleted without going through removeMeasuresFromIndex) are dropped.
 */
export function repairIndex(db: Db, segmenter: Segmenter): { added: number; removed: number } {
  return db.transaction(() => {
    const missing = (
      db.prepare('SELECT m.id FROM measures m LEFT JOIN search_rows s ON s.measure_id = m.id WHERE s.id IS NULL').all() as { id: string }[]
    ).map((r) => r.id);
    const orphans = (
      db.prepare('SELECT s.measure_id AS id FROM search_rows s LEFT JOIN measures m ON m.id = s.measure_id WHERE m.id IS NULL').all() as {
        id: string;
      }[]
    ).map((r) => r.id);
    removeMeasuresFromIndex(db, orphans);
    indexMeasures(db, missing, segmenter);
    return { added: missing.length, removed: orphans.length };
  })();
}
