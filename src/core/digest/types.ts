import type { FollowupStatus } from '../followups/model.ts';
import type { DepartmentRole, DocumentRef, Precision } from '../model.ts';

/** Shapes the digest is computed from and produces. Pure data, no Slack, no SQLite. */

export type { Locale } from '../../lib/strings.ts';

/** Re-exported for the digest's readers; core/followups/model.ts is the one definition. */
export type { FollowupStatus };

/** A dated target with what the digest shows about it (one row of the repository's join). */
export interface DigestTarget extends DocumentRef {
  targetId: string;
  taskId: string;
  measureId: string;
  /** Measure label as written: （三）, 1., 问2. */
  label: string;
  measureTitle: string;
  text: string;
  due: string;
  precision: Precision;
  periodStart: string | null;
  quantity: string | null;
  departments: { name: string; role: DepartmentRole }[];
  /** When its document was last ingested (ISO): a target is "new" to digests posted before that. */
  ingestedAt: string;
}

export interface DigestFollowup {
  id: string;
  measureId: string;
  taskId: string | null;
  targetId: string | null;
  assignee: string;
  status: FollowupStatus;
  /** ISO timestamp, set when the follow-up became done or cancelled. */
  closedAt: string | null;
  createdAt: string;
  /** The last change of its due date (ISO), if any. */
  dueChangedAt: string | null;
}

export interface DigestInput {
  targets: DigestTarget[];
  followups: DigestFollowup[];
  /** The date the digest is computed for (YYYY-MM-DD in DIGEST_TZ). */
  asOf: string;
  horizonDays: number;
  /** Follow-ups closed at or after this instant (ISO) are listed as done; null lists none. */
  doneSince: string | null;
  /**
   * "Only changes since the last digest": keep only targets that are new (their document ingested since),
   * whose follow-ups were created or had their due date changed since, or that became overdue since `date`.
   */
  changesSince?: { instant: string; date: string };
}

export interface FollowupState {
  id: string;
  assignee: string;
  status: FollowupStatus;
}

export interface DigestItem {
  targetId: string;
  taskId: string;
  measureId: string;
  file: string;
  documentTitle: string;
  region: string | null;
  /** Measure label (（三）). */
  label: string;
  text: string;
  quantity: string | null;
  due: string;
  precision: Precision;
  periodStart: string | null;
  /** Lead departments (all listed ones when none is marked lead). */
  departments: string[];
  followups: FollowupState[];
  /** The document is no longer in force on asOf (its targets are kept, but shown as such). */
  documentExpired: boolean;
  /**
   * Where the target is quoted from: a Q&A answer or a commentary restating someone's target is context for the
   * reader, not a commitment of the team (shown as such); `policy` for a measure's own target.
   */
  source: 'policy' | 'qa' | 'commentary';
}

export interface DoneItem {
  followupId: string;
  measureId: string;
  taskId: string | null;
  targetId: string | null;
  assignee: string;
  status: 'done' | 'cancelled';
  closedAt: string;
  /** The target or measure the follow-up was about, when it is still in the index. */
  file: string | null;
  label: string | null;
  text: string | null;
}

export interface Digest {
  asOf: string;
  horizonDays: number;
  /** Due within [asOf, asOf + horizonDays], soonest first. */
  upcoming: DigestItem[];
  /** Past due with no finished follow-up, most recent first (all of them; renderers cap). */
  overdue: DigestItem[];
  /** Follow-ups closed since the previous digest, most recent first. */
  done: DoneItem[];
}

export interface DueGroup {
  due: string;
  items: DigestItem[];
}
