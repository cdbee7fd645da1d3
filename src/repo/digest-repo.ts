import type { DigestFollowup, DigestTarget } from '../core/digest/types.ts';
import type { Db } from '../db/open.ts';
import { type DepartmentRow, DOCUMENT_REF_COLUMNS } from './documents-repo.ts';

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
         ${DOCUMENT_REF_COLUMNS}, d.ingested_at AS ingestedAt, g.text, g.due, g.precision, g.period_start AS periodStart,
         g.quantity
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

/**
 * The follow-ups as they stood just before `cutoffIso` (a replay's end of day; now for a current digest): those
 * created later are left out, and a status changed later reads as it was then (the last status change before
 * the cutoff, else `open`, the state every follow-up starts in), so a 2022 replay shows no 2026 closings.
 */
export function listDigestFollowups(db: Db, cutoffIso: string): DigestFollowup[] {
  return db
    .prepare(
      `SELECT f.id, f.measure_id AS measureId, f.task_id AS taskId, f.target_id AS targetId, f.assignee,
         f.created_at AS createdAt,
         (SELECT MAX(e.at) FROM followup_events e WHERE e.followup_id = f.id AND e.action = 'due' AND e.at < :cutoff)
           AS dueChangedAt,
         CASE WHEN EXISTS (SELECT 1 FROM followup_events e WHERE e.followup_id = f.id AND e.action = 'status' AND e.at >= :cutoff)
           THEN COALESCE((SELECT json_extract(e.detail, '$.to') FROM followup_events e
                          WHERE e.followup_id = f.id AND e.action = 'status' AND e.at < :cutoff ORDER BY e.id DESC LIMIT 1), 'open')
           ELSE f.status END AS status,
         CASE WHEN f.closed_at >= :cutoff THEN NULL ELSE f.closed_at END AS closedAt
       FROM followups f WHERE f.created_at < :cutoff ORDER BY f.seq`,
    )
    .all({ cutoff: cutoffIso }) as DigestFollowup[];
}

export type DigestPostStatus = 'claimed' | 'posted' | 'failed' | 'skipped';

export interface DigestPostRow {
  /** Whose slot it is: `s<id>` (a subscription) or `env:<channel>` (a DIGEST_CHANNELS channel). */
  subscription: string;
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

const POST_COLUMNS = `subscription, channel, slot, as_of AS asOf, status, ts, attempts, claimed_at AS claimedAt,
  posted_at AS postedAt, error`;

/**
 * Claims (subscription, slot) for posting. The INSERT is atomic across connections and processes (the primary
 * key decides), so exactly one caller gets `true`. A slot whose earlier attempt failed is re-claimed by one
 * caller while it has had fewer than `maxAttempts` attempts, the last one at least `retryAfterMs` ago; so is a
 * claim older than `staleBeforeIso` that never settled (the process died between claim and post, or Slack never
 * answered): no attempt can still be running by then, since each is bounded.
 */
export function claimDigestSlot(
  db: Db,
  claim: {
    subscription: string;
    channel: string;
    slot: string;
    asOf: string;
    nowIso: string;
    maxAttempts: number;
    staleBeforeIso: string;
    retryAfterMs?: number;
  },
): boolean {
  const inserted = db
    .prepare(
      `INSERT INTO digest_posts (subscription, channel, slot, as_of, status, attempts, claimed_at)
       VALUES (?, ?, ?, ?, 'claimed', 1, ?) ON CONFLICT (subscription, slot) DO NOTHING`,
    )
    .run(claim.subscription, claim.channel, claim.slot, claim.asOf, claim.nowIso);
  if (inserted.changes === 1) return true;
  const retried = db
    .prepare(
      `UPDATE digest_posts SET status = 'claimed', attempts = attempts + 1, claimed_at = ?, as_of = ?, error = NULL
       WHERE subscription = ? AND slot = ? AND attempts < ?
         AND ((status = 'failed' AND claimed_at <= ?) OR (status = 'claimed' AND claimed_at < ?))`,
    )
    .run(
      claim.nowIso,
      claim.asOf,
      claim.subscription,
      claim.slot,
      claim.maxAttempts,
      new Date(Date.parse(claim.nowIso) - (claim.retryAfterMs ?? 0)).toISOString(),
      claim.staleBeforeIso,
    );
  return retried.changes === 1;
}

export function markDigestPosted(db: Db, subscription: string, slot: string, ts: string, nowIso: string): void {
  db.prepare(
    `UPDATE digest_posts SET status = 'posted', ts = ?, posted_at = ?, error = NULL WHERE subscription = ? AND slot = ?`,
  ).run(ts, nowIso, subscription, slot);
}

export function markDigestFailed(db: Db, subscription: string, slot: string, error: string): void {
  db.prepare(`UPDATE digest_posts SET status = 'failed', error = ? WHERE subscription = ? AND slot = ?`).run(
    error.slice(0, 1000),
    subscription,
    slot,
  );
}

/** An empty week of a skip-empty subscription: the slot is settled without a message. */
export function markDigestSkipped(db: Db, subscription: string, slot: string, nowIso: string): void {
  db.prepare(`UPDATE digest_posts SET status = 'skipped', posted_at = ? WHERE subscription = ? AND slot = ?`).run(
    nowIso,
    subscription,
    slot,
  );
}

export function getDigestPost(db: Db, subscription: string, slot: string): DigestPostRow | undefined {
  return db
    .prepare(`SELECT ${POST_COLUMNS} FROM digest_posts WHERE subscription = ? AND slot = ?`)
    .get(subscription, slot) as DigestPostRow | undefined;
}

/**
 * The last digest of this subscription actually posted before an instant ("done since the last digest" and
 * "changes since the last digest" start there). A manual `--post` is recorded too, under its own slot.
 */
export function lastPostedDigest(db: Db, subscription: string, beforeIso: string): DigestPostRow | undefined {
  return db
    .prepare(
      `SELECT ${POST_COLUMNS} FROM digest_posts WHERE subscription = ? AND slot < ? AND status = 'posted'
       ORDER BY slot DESC LIMIT 1`,
    )
    .get(subscription, beforeIso) as DigestPostRow | undefined;
}

export function listDigestPosts(db: Db, channel?: string): DigestPostRow[] {
  return (
    channel === undefined
      ? db.prepare(`SELECT ${POST_COLUMNS} FROM digest_posts ORDER BY slot, channel, subscription`).all()
      : db
          .prepare(`SELECT ${POST_COLUMNS} FROM digest_posts WHERE channel = ? ORDER BY slot, subscription`)
          .all(channel)
  ) as DigestPostRow[];
}
