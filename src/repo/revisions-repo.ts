import type { IdLevel } from '../core/ingest/plan-revision.ts';
import type { Db } from '../db/open.ts';
import { prepared } from '../db/statement-cache.ts';

/** Retired ids, orphaned follow-ups and the change notices owed to follow-up threads (migration 006). */

export function retiredIdsOf(db: Db, documentId: string): Set<string> {
  const rows = prepared(db, 'SELECT id FROM retired_ids WHERE document_id = ?').all(documentId) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

export function isRetiredId(db: Db, id: string): boolean {
  return prepared(db, 'SELECT 1 FROM retired_ids WHERE id = ?').get(id) !== undefined;
}

export function retireIds(db: Db, documentId: string, ids: { id: string; level: IdLevel }[], atIso: string): void {
  const ins = prepared(
    db,
    'INSERT OR IGNORE INTO retired_ids (id, document_id, level, retired_at) VALUES (?, ?, ?, ?)',
  );
  for (const r of ids) ins.run(r.id, documentId, r.level, atIso);
}

export interface FollowupOnItem {
  id: string;
  measureId: string;
  taskId: string | null;
  targetId: string | null;
  status: string;
  channel: string | null;
  threadTs: string | null;
}

/** Follow-ups on any of these measures, in creation order. */
export function followupsOnMeasures(db: Db, measureIds: string[]): FollowupOnItem[] {
  if (measureIds.length === 0) return [];
  return db
    .prepare(
      `SELECT id, measure_id AS measureId, task_id AS taskId, target_id AS targetId, status, channel, thread_ts AS threadTs
       FROM followups WHERE measure_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    )
    .all(JSON.stringify(measureIds)) as FollowupOnItem[];
}

export interface OrphanRow {
  followupId: string;
  reason: 'measure_removed' | 'document_removed';
  documentId: string;
  documentTitle: string;
  measureLabel: string;
  measureTitle: string;
  at: string;
}

export function markOrphan(db: Db, o: OrphanRow): void {
  prepared(
    db,
    `INSERT INTO followup_orphans (followup_id, reason, document_id, document_title, measure_label, measure_title, at)
     VALUES (@followupId, @reason, @documentId, @documentTitle, @measureLabel, @measureTitle, @at)
     ON CONFLICT (followup_id) DO NOTHING`,
  ).run(o);
}

const ORPHAN_COLUMNS = `followup_id AS followupId, reason, document_id AS documentId, document_title AS documentTitle,
  measure_label AS measureLabel, measure_title AS measureTitle, at`;

export function getOrphan(db: Db, followupId: string): OrphanRow | undefined {
  return prepared(db, `SELECT ${ORPHAN_COLUMNS} FROM followup_orphans WHERE followup_id = ?`).get(followupId) as
    | OrphanRow
    | undefined;
}

export function listOrphans(db: Db): OrphanRow[] {
  return db
    .prepare(`SELECT ${ORPHAN_COLUMNS} FROM followup_orphans o JOIN followups f ON f.id = o.followup_id ORDER BY f.seq`)
    .all() as OrphanRow[];
}

export type NoticeChange = 'changed' | 'removed' | 'document_removed';

export interface NoticeRow {
  id: number;
  followupId: string;
  documentId: string;
  measureId: string;
  change: NoticeChange;
  detail: Record<string, unknown>;
  createdAt: string;
  postedAt: string | null;
  channel: string | null;
  threadTs: string | null;
}

export function insertNotice(
  db: Db,
  n: {
    followupId: string;
    documentId: string;
    measureId: string;
    change: NoticeChange;
    detail: Record<string, unknown>;
    createdAt: string;
  },
): void {
  prepared(
    db,
    'INSERT INTO revision_notices (followup_id, document_id, measure_id, change, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(n.followupId, n.documentId, n.measureId, n.change, JSON.stringify(n.detail), n.createdAt);
}

/** Notices not posted yet, oldest first, with their follow-up's thread. */
export function pendingNotices(db: Db, limit: number): NoticeRow[] {
  const rows = db
    .prepare(
      `SELECT n.id, n.followup_id AS followupId, n.document_id AS documentId, n.measure_id AS measureId, n.change, n.detail,
         n.created_at AS createdAt, n.posted_at AS postedAt, f.channel, f.thread_ts AS threadTs
       FROM revision_notices n JOIN followups f ON f.id = n.followup_id
       WHERE n.posted_at IS NULL ORDER BY n.id LIMIT ?`,
    )
    .all(limit) as (Omit<NoticeRow, 'detail'> & { detail: string })[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** True for the one caller that marks it (a second process posting the same notice sees false). */
export function markNoticePosted(db: Db, id: number, atIso: string): boolean {
  return (
    prepared(db, 'UPDATE revision_notices SET posted_at = ? WHERE id = ? AND posted_at IS NULL').run(atIso, id)
      .changes === 1
  );
}
