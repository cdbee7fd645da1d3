import type { LadderRow } from '../core/followups/escalation.ts';
import type { Db } from '../db/open.ts';

/** The escalation ladders of overdue follow-ups (table `followup_escalations`), one row per (follow-up, due, step). */

export function ladderOf(db: Db, followupId: string, due: string): LadderRow[] {
  return db
    .prepare(
      'SELECT step, status, sent_on AS sentOn FROM followup_escalations WHERE followup_id = ? AND due = ? ORDER BY step',
    )
    .all(followupId, due) as LadderRow[];
}

/** Claims a step before it is sent: atomic across connections, so exactly one caller gets `true`. */
export function claimEscalation(db: Db, c: { followupId: string; due: string; step: number; nowIso: string }): boolean {
  return (
    db
      .prepare(
        `INSERT INTO followup_escalations (followup_id, due, step, status, claimed_at) VALUES (?, ?, ?, 'claimed', ?)
         ON CONFLICT (followup_id, due, step) DO NOTHING`,
      )
      .run(c.followupId, c.due, c.step, c.nowIso).changes === 1
  );
}

export function settleEscalation(
  db: Db,
  s: {
    followupId: string;
    due: string;
    step: number;
    status: 'sent' | 'failed' | 'skipped';
    on: string;
    error: string | null;
  },
): void {
  db.prepare(
    `UPDATE followup_escalations SET status = ?, sent_on = ?, error = ? WHERE followup_id = ? AND due = ? AND step = ?`,
  ).run(s.status, s.on, s.error?.slice(0, 1000) ?? null, s.followupId, s.due, s.step);
}
