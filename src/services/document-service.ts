import { type ForceStatus, forceStatus } from '../core/documents/in-force.ts';
import { allIds } from '../core/ingest/plan-revision.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import { countDocuments, getDocument, listMeasures, listTasks, pageDocuments } from '../repo/documents-repo.ts';
import { bumpDocumentsGeneration, deleteDocument } from '../repo/documents-writer.ts';
import {
  followupsOnMeasures,
  getOrphan,
  insertNotice,
  markNoticePosted,
  markOrphan,
  type NoticeChange,
  type OrphanRow,
  pendingNotices,
  retireIds,
} from '../repo/revisions-repo.ts';
import { removeMeasuresFromIndex } from '../repo/search-index-repo.ts';

/** The indexed documents as people manage them: list, remove, and the notes owed to follow-up threads. */

export const DOCS_PAGE_SIZE = 20;
export const MAX_DOCS_PAGE_SIZE = 100;

export interface DocumentSummary {
  id: string;
  file: string;
  title: string;
  docNumber: string | null;
  region: string | null;
  kind: string;
  measures: number;
  status: ForceStatus;
  addedBy: string;
  addedAt: string;
  /** Time of the latest (re)ingest. */
  ingestedAt: string;
}

/**
 * One page of indexed documents, most recently added first, with whether each is in force on `today`.
 * @example listIndexedDocuments(db, { today: '2026-12-01' }).documents[0].status // 'in_force'
 */
export function listIndexedDocuments(
  db: Db,
  req: { today: string; limit?: number; offset?: number },
): { total: number; documents: DocumentSummary[] } {
  const limit = Math.min(MAX_DOCS_PAGE_SIZE, Math.max(1, Math.trunc(req.limit ?? DOCS_PAGE_SIZE)));
  const offset = Math.max(0, Math.trunc(req.offset ?? 0));
  const documents = pageDocuments(db, limit, offset).map((d) => ({
    id: d.id,
    file: d.file,
    title: d.title,
    docNumber: d.docNumber,
    region: d.region,
    kind: d.kind,
    measures: d.measures,
    status: forceStatus(d, req.today),
    addedBy: d.addedBy,
    addedAt: d.addedAt,
    ingestedAt: d.ingestedAt,
  }));
  return { total: countDocuments(db), documents };
}

export type RemoveOutcome =
  | { ok: true; documentId: string; title: string; file: string; measures: number; orphanedFollowups: string[] }
  | { ok: false; error: 'not_found'; documentId: string };

/**
 * Removes a document and its measures from the index (and from search). Its follow-ups stay, marked as orphaned
 * with the document's title, and get a note for their threads; its ids are retired, so a document added later
 * never takes them over. Permission (admins) is the caller's check.
 */
export function removeDocument(deps: { db: Db; clock: Clock }, documentId: string, actor: string): RemoveOutcome {
  const { db } = deps;
  const id = documentId.trim().toLowerCase();
  const nowIso = deps.clock().toISOString();
  return db
    .transaction((): RemoveOutcome => {
      const doc = getDocument(db, id);
      if (!doc) return { ok: false, error: 'not_found', documentId: id };
      const measures = listMeasures(db, id);
      const tasks = listTasks(
        db,
        measures.map((m) => m.id),
      );
      const byId = new Map(measures.map((m) => [m.id, m]));
      const followups = followupsOnMeasures(
        db,
        measures.map((m) => m.id),
      );
      for (const f of followups) {
        const m = byId.get(f.measureId)!;
        markOrphan(db, {
          followupId: f.id,
          reason: 'document_removed',
          documentId: id,
          documentTitle: doc.title,
          measureLabel: m.label,
          measureTitle: m.title,
          at: nowIso,
        });
        insertNotice(db, {
          followupId: f.id,
          documentId: id,
          measureId: f.measureId,
          change: 'document_removed',
          detail: { documentTitle: doc.title, label: m.label, title: m.title, removedBy: actor },
          createdAt: nowIso,
        });
      }
      const tasksOf = new Map<
        string,
        { id: string; text: string; departments: []; targets: (typeof tasks)[number]['targets'] }[]
      >();
      for (const t of tasks) {
        const list = tasksOf.get(t.measureId) ?? [];
        list.push({ id: t.id, text: t.text, departments: [], targets: t.targets });
        tasksOf.set(t.measureId, list);
      }
      const old = measures.map((m) => ({
        id: m.id,
        kind: m.kind,
        label: m.label,
        title: m.title,
        text: m.text,
        tasks: tasksOf.get(m.id) ?? [],
      }));
      retireIds(db, id, allIds(id, old), nowIso);
      removeMeasuresFromIndex(
        db,
        measures.map((m) => m.id),
      );
      deleteDocument(db, id);
      bumpDocumentsGeneration(db);
      return {
        ok: true,
        documentId: id,
        title: doc.title,
        file: doc.file,
        measures: measures.length,
        orphanedFollowups: followups.map((f) => f.id),
      };
    })
    .immediate();
}

export interface RevisionNotice {
  /** Pass to markRevisionNoticePosted once posted. */
  noticeId: number;
  followupId: string;
  /** The follow-up's thread; null when the follow-up was never posted (nothing to reply to). */
  channel: string | null;
  threadTs: string | null;
  documentId: string;
  measureId: string;
  change: NoticeChange;
  documentTitle: string;
  /** The measure's label and title now (changed) or when it vanished (removed, document_removed). */
  label: string;
  title: string;
  previousLabel?: string;
  /** For 'changed': which aspects changed, with before/after for deadlines and units. */
  what?: ('text' | 'deadline' | 'units')[];
  deadlines?: { before: string[]; after: string[] };
  units?: { before: string[]; after: string[] };
  /** The follow-up's own task or target vanished from the measure. */
  itemGone?: boolean;
  createdAt: string;
}

/**
 * Notes owed to follow-up threads after a revision or a removal, oldest first: per follow-up, its thread and what
 * happened to its measure. The Slack layer replies in the thread, then calls markRevisionNoticePosted.
 */
export function pendingRevisionNotices(db: Db, limit = 100): RevisionNotice[] {
  return pendingNotices(db, limit).map((n) => {
    const d = n.detail as Record<string, unknown> & { documentTitle: string; label: string; title: string };
    return {
      noticeId: n.id,
      followupId: n.followupId,
      channel: n.channel,
      threadTs: n.threadTs,
      documentId: n.documentId,
      measureId: n.measureId,
      change: n.change,
      documentTitle: d.documentTitle,
      label: d.label,
      title: d.title,
      ...(n.change === 'changed'
        ? {
            previousLabel: d.previousLabel as string,
            what: d.what as RevisionNotice['what'],
            ...(d.deadlines ? { deadlines: d.deadlines as RevisionNotice['deadlines'] } : {}),
            ...(d.units ? { units: d.units as RevisionNotice['units'] } : {}),
            itemGone: Boolean(d.itemGone),
          }
        : {}),
      createdAt: n.createdAt,
    };
  });
}

/** Records that a notice was posted; false when another process already did (post nothing more). */
export function markRevisionNoticePosted(deps: { db: Db; clock: Clock }, noticeId: number): boolean {
  return markNoticePosted(deps.db, noticeId, deps.clock().toISOString());
}

/** Why a follow-up has no measure any more (its measure vanished in a revision, or its document was removed). */
export function followupOrphan(db: Db, followupId: string): OrphanRow | undefined {
  return getOrphan(db, followupId);
}
