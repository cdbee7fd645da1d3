import type { Db } from '../db/open.ts';

/**
 * Keeps measure_fts in step with the measures table. Called inside the ingest transaction.
 * PLACEHOLDER until the search module lands: stores unsegmented text.
 */
export function indexMeasures(db: Db, measureIds: string[]): void {
  const ins = db.prepare(
    `INSERT INTO measure_fts (measure_id, title, departments, body, chars)
     SELECT id, title, '', text, '' FROM measures WHERE id = ?`,
  );
  for (const id of measureIds) ins.run(id);
}

export function removeMeasuresFromIndex(db: Db, measureIds: string[]): void {
  const del = db.prepare('DELETE FROM measure_fts WHERE measure_id = ?');
  for (const id of measureIds) del.run(id);
}
