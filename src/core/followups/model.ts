/** Follow-up shapes shared by the repository, services and Block Kit builders. Pure data. */

export const FOLLOWUP_STATUSES = ['open', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

/** Statuses that still need someone's attention (listed, reminded, shown as overdue). */
export const ACTIVE_STATUSES = ['open', 'in_progress', 'blocked'] as const satisfies readonly FollowupStatus[];

export interface Followup {
  id: string;
  measureId: string;
  taskId: string | null;
  targetId: string | null;
  assignee: string;
  createdBy: string;
  due: string | null;
  status: FollowupStatus;
  blockedReason: string | null;
  note: string | null;
  channel: string | null;
  threadTs: string | null;
  messageTs: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  lastRemindedOn: string | null;
  slackError: string | null;
}

/** A follow-up as lists show it: with the title of what it follows, or `measureMissing` after a re-ingest. */
export interface FollowupListItem extends Followup {
  measureTitle: string | null;
  measureMissing: boolean;
  /** What the measure was, when a revision dropped it or its document was removed (followup_orphans). */
  removed: { reason: 'measure_removed' | 'document_removed'; measureTitle: string; documentTitle: string } | null;
}

export type FollowupEventAction =
  | 'created'
  | 'status'
  | 'due'
  | 'reassign'
  | 'note'
  | 'reminded'
  | 'slack_error'
  | 'escalated';

export interface FollowupEvent {
  id: number;
  followupId: string;
  at: string;
  actor: string;
  action: FollowupEventAction;
  detail: Record<string, unknown>;
}

/** What a follow-up is attached to: always a measure, optionally narrowed to a task or one target. */
export interface ItemRef {
  measureId: string;
  taskId: string | null;
  targetId: string | null;
}

export function isClosed(status: FollowupStatus): boolean {
  return !(ACTIVE_STATUSES as readonly FollowupStatus[]).includes(status);
}
