import type { Db } from '../db/open.ts';
import type { DigestFollowup, DigestTarget } from '../core/digest/types.ts';
import { DOCUMENT_REF_COLUMNS, type DepartmentRow } from './documents-repo.ts';

/** What the digest reads (targets with their context, follow-ups) and its per-(channel, slot) post claims. */

type RawTarget = Omit<DigestTarget, 'departments'>;

/**
 * Every dated target with its task, measure, document and departments, in document / measure / task / target
 * order (the selection's tie-break for equal due dates).
 */
export function listDigestTargets(db: Db): DigestTarget[] {
  const rows = db
    .prepare(
      `SELECT g.id AS targetId, g.task_id AS taskId, t.measure_id AS measureId, m.label, m.title AS measureTitle,
         ${DOCUMENT_REF_COLUMNS}, g.text, g.due, g.precision, g.period_start AS periodStart, g.quantity
       FROM targets g
       JOIN tasks t ON t.id = g.task_id
       JOIN measures m ON m.id = t.measure_id
       JOIN documents d ON d.id = m.document_id
       ORDER BY d.file, m.position, t.position, g.position`,
    )
    .all() as RawTarget[];
  const depts = db
    .prepare('SELECT task_id AS taskId, name, role FROM task_departments ORDER BY task_id, position')
    .all() as (DepartmentRow & { taskId: string })[];
  const byTask = new Map<string, DepartmentRow[]>();
  for (const d of depts) {
    const list = byTask.get(d.taskId) ?? [];
    list.push({ name: d.name, role: d.role });
    byTask.set(d.taskId, list);
  }
  return rows.map((r) => ({ ...r, departments: byTask.get(r.taskId) ?? [] }));
}

export function listDigestFollowups(db: Db): DigestFollowup[] {
  return db
    .prepare(
      `SELECT id, measure_id AS measureId, task_id AS taskId, target_id AS targetId, assignee, status,
         closed_at AS closedAt
       FROM followups ORDER BY seq`,
    )
    .all() as DigestFollowup[];
}

export type DigestPostStatus = 'claimed' | 'posted' | 'failed' | 'skipped';

export interface DigestPostRow {
  channel: string;
  slot: string;
  asOf: string;
  status: DigestPostStatus;
  ts: string | null;
  attempts: number;
  claimedAt: string;
  postedAt: string | null;
  error: string | null;
}

const POST_COLUMNS = `channel, slot, as_of AS asOf, status, ts, attempts, claimed_at AS claimedAt,
  posted_at AS postedAt, error`;

/**
 * Claims (channel, slot) for posting. The INSERT is atomic across connections and processes (the primary key
 * decides), so exactly one caller gets `true`. A slot whose earlier attempt failed is re-claimed by one caller
 * while it has had fewer than `maxAttempts` attempts; so is a claim older than `staleBeforeIso` that never
 * settled (the process died between claim and post, or Slack never answered): no attempt can still be running
 * by then, since each is bounded.
 */
export function claimDigestSlot(
  db: Db,
  claim: { channel: string; slot: string; asOf: string; nowIso: string; maxAttempts: number; staleBeforeIso: string },
): boolean {
  const inserted = db
    .prepare(
      `INSERT INTO digest_posts (channel, slot, as_of, status, attempts, claimed_at)
       VALUES (?, ?, ?, 'claimed', 1, ?) ON CONFLICT (channel, slot) DO NOTHING`,
    )
    .run(claim.channel, claim.slot, claim.asOf, claim.nowIso);
  if (inserted.changes === 1) return true;
  const retried = db
    .prepare(
      `UPDATE digest_posts SET status = 'claimed', attempts = attempts + 1, claimed_at = ?, as_of = ?, error = NULL
       WHERE channel = ? AND slot = ? AND attempts < ?
         AND (status = 'failed' OR (status = 'claimed' AND claimed_at < ?))`,
    )
    .run(claim.nowIso, claim.asOf, claim.channel, claim.slot, claim.maxAttempts, claim.staleBeforeIso);
  return retried.changes === 1;
}

export function markDigestPosted(db: Db, channel: string, slot: string, ts: string, nowIso: string): void {
  db.prepare(`UPDATE digest_posts SET status = 'posted', ts = ?, posted_at = ?, error = NULL WHERE channel = ? AND slot = ?`).run(
    ts,
    nowIso,
    channel,
    slot,
  );
}

export function markDigestFailed(db: Db, channel: string, slot: string, error: string): void {
  db.prepare(`UPDATE digest_posts SET status = 'failed', error = ? WHERE channel = ? AND slot = ?`).run(
    error.slice(0, 1000),
    channel,
    slot,
  );
}

/** An empty week under DIGEST_SKIP_EMPTY: the slot is settled without a message. */
export function markDigestSkipped(db: Db, channel: string, slot: string, nowIso: string): void {
  db.prepare(`UPDATE digest_posts SET status = 'skipped', posted_at = ? WHERE channel = ? AND slot = ?`).run(
    nowIso,
    channel,
    slot,
  );
}

export function getDigestPost(db: Db, channel: string, slot: string): DigestPostRow | undefined {
  return db.prepare(`SELECT ${POST_COLUMNS} FROM digest_posts WHERE channel = ? AND slot = ?`).get(channel, slot) as
    | DigestPostRow
    | undefined;
}

/** The last digest actually posted to a channel before a slot ("done since the last digest" starts there). */
export function lastPostedDigest(db: Db, channel: string, beforeSlot: string): DigestPostRow | undefined {
  return db
    .prepare(
      `SELECT ${POST_COLUMNS} FROM digest_posts WHERE channel = ? AND slot < ? AND status = 'posted'
       ORDER BY slot DESC LIMIT 1`,
    )
    .get(channel, beforeSlot) as DigestPostRow | undefined;
}

export function listDigestPosts(db: Db, channel?: string): DigestPostRow[] {
  return (
    channel === undefined
      ? db.prepare(`SELECT ${POST_COLUMNS} FROM digest_posts ORDER BY slot, channel`).all()
      : db.prepare(`SELECT ${POST_COLUMNS} FROM digest_posts WHERE channel = ? ORDER BY slot`).all(channel)
  ) as DigestPostRow[];
}
