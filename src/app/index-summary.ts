import type { Db } from '../db/open.ts';
import { listDocuments, listMeasures } from '../repo/documents-repo.ts';

/** How much is indexed, for the Home tab and start-up log. */
export function indexSummary(db: Db): { documents: number; measures: number } {
  const docs = listDocuments(db);
  return { documents: docs.length, measures: docs.reduce((n, d) => n + listMeasures(db, d.id).length, 0) };
}
