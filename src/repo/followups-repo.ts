import type {
  Followup,
  FollowupEvent,
  FollowupEventAction,
  FollowupListItem,
  FollowupStatus,
  ItemRef,
} from '../core/followups/model.ts';
import type { FollowupPatch } from '../core/followups/transitions.ts';
import type { Db } from '../db/open.ts';

/** Follow-up rows, their history, processed Slack deliveries and the (channel, ts) → item table. */

const COLUMNS = `f.id, f.measure_id AS measureId, f.task_id AS taskId, f.target_id AS targetId, f.assignee,
  f.created_by AS createdBy, f.due, f.status, f.blocked_reason AS blockedReason, f.note, f.channel,
  f.thread_ts AS threadTs, f.message_ts AS messageTs, f.created_at AS createdAt, f.updated_at AS updatedAt,
  f.closed_at AS closedAt, f.last_reminded_on AS lastRemindedOn, f.slack_error AS slackError`;

export interface NewFollowup extends ItemRef {
  assignee: string;
  createdBy: string;
  due: string | null;
  note: string | null;
  channel: string | null;
  threadTs: string | null;
  dedupeKey: string | null;
}

/** Whether a follow-up was already created under this dedupe key (a Slack retry or double submit). */
export function hasDedupeKey(db: Db, key: string): boolean {
  return db.prepare('SELECT 1 FROM followups WHERE dedupe_key = ?').get(key) !== undefined;
}

/**
 * Inserts a follow-up and its `created` event. When `dedupeKey` was seen before (a Slack retry, a double submit)
 * returns the existing follow-up with `created: false` instead of making a second one. IMMEDIATE: the write lock
 * is taken before MAX(seq) is read, so two processes on one file cannot both compute the same next number.
 */
export function insertFollowup(db: Db, input: NewFollowup, nowIso: string): { followup: Followup; created: boolean } {
  return db
    .transaction(() => {
      if (input.dedupeKey !== null) {
        const existing = db.prepare(`SELECT ${COLUMNS} FROM followups f WHERE f.dedupe_key = ?`).get(input.dedupeKey) as
          | Followup
          | undefined;
        if (existing) return { followup: existing, created: false };
      }
      const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM followups').get() as { n: number }).n;
      const id = `F${seq}`;
      db.prepare(
        `INSERT INTO followups (id, seq, measure_id, task_id, target_id, assignee, created_by, due, status, note, channel,
         thread_ts, created_at, updated_at, dedupe_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        seq,
        input.measureId,
        input.taskId,
        input.targetId,
        input.assignee,
        input.createdBy,
        input.due,
        input.note,
        input.channel,
        input.threadTs,
        nowIso,
        nowIso,
        input.dedupeKey,
      );
      insertEvent(db, id, nowIso, input.createdBy, 'created', {
        assignee: input.assignee,
        due: input.due,
        note: input.note,
      });
      return { followup: getFollowup(db, id)!, created: true };
    })
    .immediate();
}

export function getFollowup(db: Db, id: string): Followup | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM followups f WHERE f.id = ?`).get(id) as Followup | undefined;
}

/**
 * Applies a state-machine patch and records who did it, in one transaction — only if the row is still as the
 * caller read it (`expected`: status and updated_at). Otherwise another process or a double click changed it
 * first and nothing is written: 'unchanged'.
 */
export function updateFollowup(
  db: Db,
  id: string,
  patch: FollowupPatch,
  event: { actor: string; action: FollowupEventAction; detail: Record<string, unknown> },
  expected?: Pick<Followup, 'status' | 'updatedAt' | 'due' | 'assignee'>,
): Followup | 'unchanged' {
  return db
    .transaction((): Followup | 'unchanged' => {
      const sets: string[] = ['updated_at = @updatedAt'];
      if (patch.status !== undefined) sets.push('status = @status');
      if (patch.blockedReason !== undefined) sets.push('blocked_reason = @blockedReason');
      if (patch.due !== undefined) sets.push('due = @due');
      if (patch.assignee !== undefined) sets.push('assignee = @assignee');
      if (patch.closedAt !== undefined) sets.push('closed_at = @closedAt');
      // A new assignee or due date deserves a fresh reminder.
      if (patch.assignee !== undefined || patch.due !== undefined) sets.push('last_reminded_on = NULL');
      // due and assignee too: two changes within one millisecond share updated_at.
      const guard = expected
        ? ' AND status = @expectedStatus AND updated_at = @expectedUpdatedAt AND due IS @expectedDue AND assignee = @expectedAssignee'
        : '';
      const r = db.prepare(`UPDATE followups SET ${sets.join(', ')} WHERE id = @id${guard}`).run({
        id,
        ...(expected
          ? {
              expectedStatus: expected.status,
              expectedUpdatedAt: expected.updatedAt,
              expectedDue: expected.due,
              expectedAssignee: expected.assignee,
            }
          : {}),
        updatedAt: patch.updatedAt,
        status: patch.status ?? null,
        blockedReason: patch.blockedReason ?? null,
        due: patch.due ?? null,
        assignee: patch.assignee ?? null,
        closedAt: patch.closedAt ?? null,
      });
      if (r.changes === 0) return 'unchanged';
      insertEvent(db, id, patch.updatedAt, event.actor, event.action, event.detail);
      return getFollowup(db, id)!;
    })
    .immediate();
}

export function setSlackRefs(
  db: Db,
  id: string,
  refs: { channel: string; threadTs: string; messageTs: string | null },
): void {
  db.prepare('UPDATE followups SET channel = ?, thread_ts = ?, message_ts = COALESCE(?, message_ts) WHERE id = ?').run(
    refs.channel,
    refs.threadTs,
    refs.messageTs,
    id,
  );
}

/** Remembers (or clears, with null) the last Web API failure, so lists can show "not posted" and nothing is lost. */
export function setSlackError(db: Db, id: string, error: string | null, nowIso: string): void {
  // One transaction: the row's flag and its history must not disagree (db.transaction nests as a savepoint).
  db.transaction(() => {
    db.prepare('UPDATE followups SET slack_error = ? WHERE id = ?').run(error, id);
    if (error !== null) insertEvent(db, id, nowIso, 'system', 'slack_error', { error });
  })();
}

export function insertEvent(
  db: Db,
  followupId: string,
  at: string,
  actor: string,
  action: FollowupEventAction,
  detail: Record<string, unknown>,
): void {
  db.prepare('INSERT INTO followup_events (followup_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)').run(
    followupId,
    at,
    actor,
    action,
    JSON.stringify(detail),
  );
}

export function listEvents(db: Db, followupIds: string[]): FollowupEvent[] {
  if (followupIds.length === 0) return [];
  const stmt = db.prepare(
    'SELECT id, followup_id AS followupId, at, actor, action, detail FROM followup_events WHERE followup_id = ? ORDER BY id',
  );
  return followupIds.flatMap((fid) =>
    (stmt.all(fid) as (Omit<FollowupEvent, 'detail'> & { detail: string })[]).map((e) => ({
      ...e,
      detail: JSON.parse(e.detail) as Record<string, unknown>,
    })),
  );
}

export interface FollowupFilter {
  assignee?: string;
  measureId?: string;
  statuses?: readonly FollowupStatus[];
  /** Only those due strictly before this date (YYYY-MM-DD). */
  dueBefore?: string;
}

/** Follow-ups with the title of their measure; `measureMissing` when a re-ingest removed it. Ordered by id. */
export function listFollowups(db: Db, filter: FollowupFilter = {}): FollowupListItem[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.assignee !== undefined) {
    where.push('f.assignee = ?');
    params.push(filter.assignee);
  }
  if (filter.measureId !== undefined) {
    where.push('f.measure_id = ?');
    params.push(filter.measureId);
  }
  if (filter.statuses !== undefined) {
    where.push(`f.status IN (${filter.statuses.map(() => '?').join(', ') || "''"})`);
    params.push(...filter.statuses);
  }
  if (filter.dueBefore !== undefined) {
    where.push('f.due IS NOT NULL AND f.due < ?');
    params.push(filter.dueBefore);
  }
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, m.title AS measureTitle, (m.id IS NULL) AS measureMissing,
         o.reason AS removedReason, o.measure_title AS removedMeasureTitle, o.document_title AS removedDocumentTitle
       FROM followups f LEFT JOIN measures m ON m.id = f.measure_id
         LEFT JOIN followup_orphans o ON o.followup_id = f.id AND m.id IS NULL
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY f.seq`,
    )
    .all(...params) as (Omit<FollowupListItem, 'measureMissing' | 'removed'> & {
    measureMissing: number;
    removedReason: 'measure_removed' | 'document_removed' | null;
    removedMeasureTitle: string | null;
    removedDocumentTitle: string | null;
  })[];
  return rows.map(({ removedReason, removedMeasureTitle, removedDocumentTitle, ...r }) => ({
    ...r,
    measureMissing: Boolean(r.measureMissing),
    removed: removedReason
      ? { reason: removedReason, measureTitle: removedMeasureTitle ?? '', documentTitle: removedDocumentTitle ?? '' }
      : null,
  }));
}

/** The follow-ups living in one thread (a thread may hold several, e.g. under a digest). */
export function followupsInThread(db: Db, channel: string, threadTs: string): Followup[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM followups f WHERE f.channel = ? AND f.thread_ts = ? ORDER BY f.seq`)
    .all(channel, threadTs) as Followup[];
}

/**
 * Claims today's reminder for a follow-up: true only for the one caller whose conditional UPDATE changed the row,
 * so two processes (or a restart) never send it twice, and never after done/cancelled.
 */
export function claimReminder(db: Db, id: string, today: string): boolean {
  const r = db
    .prepare(
      `UPDATE followups SET last_reminded_on = ?
       WHERE id = ? AND (last_reminded_on IS NULL OR last_reminded_on < ?) AND status NOT IN ('done', 'cancelled')`,
    )
    .run(today, id, today);
  return r.changes === 1;
}

/** Remembers a Slack delivery (event_id, action_ts…); false when it was already processed. */
export function claimProcessed(db: Db, key: string, nowIso: string): boolean {
  return db.prepare('INSERT OR IGNORE INTO processed_events (key, at) VALUES (?, ?)').run(key, nowIso).changes === 1;
}

/** Forgets deliveries claimed before `beforeIso`: Slack retries within minutes, so old keys only take space. */
export function pruneProcessed(db: Db, beforeIso: string): number {
  return db.prepare('DELETE FROM processed_events WHERE at < ?').run(beforeIso).changes;
}

/** Gives a claim back (the work failed), so Slack's retry of that delivery is acted on. */
export function releaseProcessed(db: Db, key: string): void {
  db.prepare('DELETE FROM processed_events WHERE key = ?').run(key);
}

/** Gives back today's reminder claim after a failed send, unless something else changed it meanwhile. */
export function releaseReminder(db: Db, id: string, today: string, previous: string | null): void {
  db.prepare('UPDATE followups SET last_reminded_on = ? WHERE id = ? AND last_reminded_on = ?').run(
    previous,
    id,
    today,
  );
}

export function rememberItemMessage(db: Db, channel: string, ts: string, item: ItemRef): void {
  db.prepare(
    `INSERT INTO item_messages (channel, ts, measure_id, task_id, target_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (channel, ts) DO UPDATE SET measure_id = excluded.measure_id, task_id = excluded.task_id,
       target_id = excluded.target_id`,
  ).run(channel, ts, item.measureId, item.taskId, item.targetId);
}

export function findItemMessage(db: Db, channel: string, ts: string): ItemRef | undefined {
  return db
    .prepare(
      'SELECT measure_id AS measureId, task_id AS taskId, target_id AS targetId FROM item_messages WHERE channel = ? AND ts = ?',
    )
    .get(channel, ts) as ItemRef | undefined;
}

export interface ResolvedItem extends ItemRef {
  /** The target's due date (the default due date of a follow-up on it), or the earliest of the task's/measure's. */
  due: string | null;
  title: string;
}

/** Resolves a typed measure, task or target id to the item it names (case-insensitive ids). */
export function resolveItem(db: Db, id: string): ResolvedItem | undefined {
  const target = db
    .prepare(
      `SELECT g.id AS targetId, g.due, t.id AS taskId, m.id AS measureId, m.title
       FROM targets g JOIN tasks t ON t.id = g.task_id JOIN measures m ON m.id = t.measure_id WHERE g.id = ?`,
    )
    .get(id) as ResolvedItem | undefined;
  if (target) return target;
  const task = db
    .prepare(
      `SELECT NULL AS targetId, t.id AS taskId, m.id AS measureId, m.title,
         (SELECT MIN(due) FROM targets WHERE task_id = t.id) AS due
       FROM tasks t JOIN measures m ON m.id = t.measure_id WHERE t.id = ?`,
    )
    .get(id) as ResolvedItem | undefined;
  if (task) return task;
  return db
    .prepare(
      `SELECT NULL AS targetId, NULL AS taskId, m.id AS measureId, m.title,
         (SELECT MIN(g.due) FROM targets g JOIN tasks t ON t.id = g.task_id WHERE t.measure_id = m.id) AS due
       FROM measures m WHERE m.id = ?`,
    )
    .get(id) as ResolvedItem | undefined;
}
