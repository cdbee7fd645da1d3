import type { Db } from '../db/open.ts';
import { addDays } from '../lib/dates.ts';
import { countDocuments, countMeasures, exampleMeasureId } from '../repo/documents-repo.ts';

/** How much is indexed, for the Home tab, /healthz and the start-up log (two COUNTs: cheap at any size). */
export function indexSummary(db: Db): { documents: number; measures: number } {
  return { documents: countDocuments(db), measures: countMeasures(db) };
}

/** Ids and a date that help and error messages show as examples: real ones from this index and this clock. */
export interface Examples {
  /** A measure that exists (z8wv-4), or null for an empty index. */
  measureId: string | null;
  /** Its document (z8wv). */
  documentId: string | null;
  /** A date a month ahead of today: a sensible target, never a past one. */
  date: string;
}

/** Days ahead of today an example date lies. */
const EXAMPLE_DATE_DAYS = 30;

export function examplesFor(db: Db, today: string): Examples {
  const measureId = exampleMeasureId(db) ?? null;
  const documentId = measureId === null ? null : measureId.slice(0, measureId.indexOf('-'));
  return { measureId, documentId, date: addDays(today, EXAMPLE_DATE_DAYS) };
}
