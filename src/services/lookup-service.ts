import { type ForceStatus, forceStatus } from '../core/documents/in-force.ts';
import { ID_PATTERN, normalizeIdInput } from '../core/ids.ts';
import type { Db } from '../db/open.ts';
import {
  type DocumentRow,
  getDocument,
  getMeasureDetail,
  listMeasures,
  type MeasureDetail,
  type MeasureRow,
  measureIdForTask,
  taskIdForTarget,
} from '../repo/documents-repo.ts';

export interface MeasureLookup {
  type: 'measure';
  /** The id as resolved (normalised). */
  id: string;
  measure: MeasureDetail;
  /** The task / target the id named, when it named one (their rows are in measure.tasks). */
  focus: { taskId: string | null; targetId: string | null };
  /** Judged on `today`; null when no date was given. */
  documentStatus: ForceStatus | null;
}

export interface DocumentLookup {
  type: 'document';
  id: string;
  document: DocumentRow;
  measures: MeasureRow[];
  documentStatus: ForceStatus | null;
}

export type LookupResult = MeasureLookup | DocumentLookup;

/**
 * Resolves an id a person typed — document (abcd), measure (abcd-4, abcd-q2, abcd-p1), task (abcd-4.2) or
 * target (abcd-4.2.t1), in any case, with stray brackets or full-width characters — to what it names.
 * Unknown or malformed ids give undefined.
 */
export function lookup(db: Db, rawId: string, today?: string): LookupResult | undefined {
  if (rawId.length > 100) return undefined;
  const id = normalizeIdInput(rawId.normalize('NFKC'));
  if (!ID_PATTERN.test(id)) return undefined;

  let measureId: string | undefined;
  let taskId: string | null = null;
  let targetId: string | null = null;
  if (/\.t\d+$/.test(id)) {
    const t = taskIdForTarget(db, id);
    if (!t) return undefined;
    targetId = id;
    taskId = t;
    measureId = measureIdForTask(db, t);
  } else if (/\.\d+$/.test(id)) {
    measureId = measureIdForTask(db, id);
    if (measureId) taskId = id;
  } else if (id.includes('-')) {
    measureId = id;
  } else {
    const document = getDocument(db, id);
    if (!document) return undefined;
    return {
      type: 'document',
      id,
      document,
      measures: listMeasures(db, id),
      documentStatus: today ? forceStatus(document, today) : null,
    };
  }
  const measure = measureId ? getMeasureDetail(db, measureId) : undefined;
  if (!measure) return undefined;
  return {
    type: 'measure',
    id,
    measure,
    focus: { taskId, targetId },
    documentStatus: today ? forceStatus(measure.document, today) : null,
  };
}
