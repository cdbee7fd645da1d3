import { charCount, MAX_BLOCKED_REASON_CHARS } from './limits.ts';
import type { Followup, FollowupEventAction, FollowupStatus } from './model.ts';
import { isClosed } from './model.ts';

/**
 * The follow-up state machine: open → in_progress → done, blocked (with a reason) from any active state, cancelled,
 * and reopen from done/cancelled. Due date and assignee change only while the follow-up is active.
 */

export type FollowupChange =
  | { kind: 'start' }
  | { kind: 'done' }
  | { kind: 'block'; reason: string }
  | { kind: 'cancel' }
  | { kind: 'reopen' }
  | { kind: 'due'; due: string }
  | { kind: 'reassign'; assignee: string };

export type ChangeKind = FollowupChange['kind'];

const TARGET_STATUS: Partial<Record<ChangeKind, FollowupStatus>> = {
  start: 'in_progress',
  done: 'done',
  block: 'blocked',
  cancel: 'cancelled',
  reopen: 'open',
};

/** Which statuses each status change may start from. */
const ALLOWED_FROM: Record<'start' | 'done' | 'block' | 'cancel' | 'reopen', readonly FollowupStatus[]> = {
  start: ['open', 'blocked'],
  done: ['open', 'in_progress', 'blocked'],
  block: ['open', 'in_progress'],
  cancel: ['open', 'in_progress', 'blocked'],
  reopen: ['done', 'cancelled'],
};

export type ChangeRefusal = 'not_allowed_from_status' | 'unchanged' | 'closed' | 'empty_reason' | 'reason_too_long';

export interface FollowupPatch {
  status?: FollowupStatus;
  blockedReason?: string | null;
  due?: string | null;
  assignee?: string;
  closedAt?: string | null;
  updatedAt: string;
}

export type ChangeResult =
  | { ok: true; patch: FollowupPatch; event: { action: FollowupEventAction; detail: Record<string, unknown> } }
  | { ok: false; refusal: ChangeRefusal };

/** The changes a person can make to a follow-up in its current state (drives which buttons are shown). */
export function availableChanges(status: FollowupStatus): ChangeKind[] {
  const kinds: ChangeKind[] = (Object.keys(ALLOWED_FROM) as (keyof typeof ALLOWED_FROM)[]).filter((k) =>
    ALLOWED_FROM[k].includes(status),
  );
  if (!isClosed(status)) kinds.push('due', 'reassign');
  return kinds;
}

/** Computes the row patch and the history event for a change, or why it cannot be made. `nowIso` is an instant. */
export function applyChange(
  f: Pick<Followup, 'status' | 'due' | 'assignee'>,
  change: FollowupChange,
  nowIso: string,
): ChangeResult {
  switch (change.kind) {
    case 'due':
      if (isClosed(f.status)) return { ok: false, refusal: 'closed' };
      if (f.due === change.due) return { ok: false, refusal: 'unchanged' };
      return {
        ok: true,
        patch: { due: change.due, updatedAt: nowIso },
        event: { action: 'due', detail: { from: f.due, to: change.due } },
      };
    case 'reassign':
      if (isClosed(f.status)) return { ok: false, refusal: 'closed' };
      if (f.assignee === change.assignee) return { ok: false, refusal: 'unchanged' };
      return {
        ok: true,
        patch: { assignee: change.assignee, updatedAt: nowIso },
        event: { action: 'reassign', detail: { from: f.assignee, to: change.assignee } },
      };
    default: {
      const to = TARGET_STATUS[change.kind]!;
      if (f.status === to) return { ok: false, refusal: 'unchanged' };
      if (!ALLOWED_FROM[change.kind].includes(f.status)) return { ok: false, refusal: 'not_allowed_from_status' };
      const reason = change.kind === 'block' ? change.reason.trim() : null;
      if (change.kind === 'block' && !reason) return { ok: false, refusal: 'empty_reason' };
      if (reason && charCount(reason) > MAX_BLOCKED_REASON_CHARS) return { ok: false, refusal: 'reason_too_long' };
      const detail: Record<string, unknown> = { from: f.status, to };
      if (reason) detail.reason = reason;
      return {
        ok: true,
        patch: {
          status: to,
          blockedReason: reason,
          closedAt: isClosed(to) ? nowIso : null,
          updatedAt: nowIso,
        },
        event: { action: 'status', detail },
      };
    }
  }
}
