import type { Db } from '../db/open.ts';
import { countDocuments, countMeasures } from '../repo/documents-repo.ts';

/** How much is indexed, for the Home tab, /healthz and the start-up log (two COUNTs: cheap at any size). */
export function indexSummary(db: Db): { documents: number; measures: number } {
  return { documents: countDocuments(db), measures: countMeasures(db) };
}
