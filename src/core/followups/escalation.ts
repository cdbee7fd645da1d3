import { type WorkCalendar, workingDaysBetween } from '../../lib/work-calendar.ts';
import { ACTIVE_STATUSES, type FollowupStatus } from './model.ts';

/**
 * The escalation ladder of an overdue follow-up that is not done: DM the assignee → reply in its thread
 * mentioning the creator → post in the channels subscribed to it. Steps happen on working days only, at most
 * one per working day, each after its delay in working days (the first counted from the due date, the others
 * from the previous step). A new due date starts a new ladder; done or cancelled ends it.
 */

export const ESCALATION_STEPS = { dmAssignee: 1, threadCreator: 2, channel: 3 } as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[keyof typeof ESCALATION_STEPS];
export const LAST_STEP: EscalationStep = 3;

export interface LadderRow {
  step: number;
  status: 'claimed' | 'sent' | 'failed' | 'skipped';
  /** The day (YYYY-MM-DD) the step was settled; null while claimed. */
  sentOn: string | null;
}

export interface EscalationInput {
  status: FollowupStatus;
  due: string | null;
  today: string;
  calendar: WorkCalendar;
  /** Working days before steps 1, 2 and 3. */
  delaysWorkingDays: readonly [number, number, number];
  /** The rows of this follow-up's ladder for its current due date. */
  ladder: LadderRow[];
}

/**
 * The step due today, or null. A step left `claimed` (in flight, or a crash between claim and send) holds the
 * ladder: it may have gone out, and a missing step beats a repeated one.
 *
 * @example nextEscalationStep({ status: 'open', due: '2025-03-14', today: '2025-03-17', … ladder: [] }) // 1
 */
export function nextEscalationStep(input: EscalationInput): EscalationStep | null {
  const { due, today, calendar } = input;
  if (!(ACTIVE_STATUSES as readonly FollowupStatus[]).includes(input.status)) return null;
  if (due === null || due >= today || !calendar.isWorkingDay(today)) return null;
  const last = input.ladder.reduce<LadderRow | undefined>(
    (a, r) => (a === undefined || r.step > a.step ? r : a),
    undefined,
  );
  if (last && (last.status === 'claimed' || last.sentOn === null)) return null;
  const next = (last?.step ?? 0) + 1;
  if (next > LAST_STEP) return null;
  const from = last?.sentOn ?? due;
  if (last && from >= today) return null;
  return workingDaysBetween(calendar, from, today) >= input.delaysWorkingDays[next - 1]!
    ? (next as EscalationStep)
    : null;
}
