import type { AssignOutcome, ChangeOutcome, DueNote, PermissionCheck } from '../../services/followup-service.ts';
import { escapeMrkdwn } from '../kit/mrkdwn.ts';
import type { Strings } from '../strings.ts';
import type { SlackProblem } from './publisher.ts';
import type { FollowupStrings } from './strings.ts';

/** What a person is told about an outcome, as escaped mrkdwn (null: nothing worth saying, e.g. a double click). */

/**
 * A Slack failure after the change was saved. Only a card failure asks for an invitation and a re-post; a failed
 * DM or thread note just says who did not hear about it (the card and lists are up to date).
 */
export function slackFailedText(id: string, problem: SlackProblem, s: FollowupStrings): string {
  const error = escapeMrkdwn(problem.error);
  switch (problem.kind) {
    case 'card':
      return s.fuSlackFailed(id, error);
    case 'dm':
      return s.fuDmFailed(id, escapeMrkdwn(problem.user), error);
    case 'note':
      return s.fuNoteFailed(id, error);
  }
}

export function changeOutcomeText(o: ChangeOutcome, s: FollowupStrings, quietWhenUnchanged: boolean): string | null {
  if (o.ok) return null;
  switch (o.error) {
    case 'not_found':
      return s.fuNotFound(escapeMrkdwn(o.id));
    case 'forbidden':
      return s.fuForbidden(o.followup.id);
    case 'unchanged':
      return quietWhenUnchanged ? null : `${o.followup.id} ${s.fuRefused.unchanged(s.fuStatus[o.followup.status])}`;
    default:
      return s.fuRefused[o.error](s.fuStatus[o.followup.status]);
  }
}

export function assignOutcomeText(o: AssignOutcome, s: FollowupStrings & Pick<Strings, 'tooLong'>): string {
  if (!o.ok) {
    if (o.error === 'unknown_item') return s.fuUnknownItem(escapeMrkdwn(o.id));
    if (o.error === 'duplicate')
      return s.fuDuplicate(o.existing.id, o.existing.assignee, s.fuStatus[o.existing.status]);
    return o.error === 'note_too_long' ? s.tooLong(o.max) : s.fuNeedItem;
  }
  return o.created ? s.fuAssigned(o.followup.id) : s.fuAlreadyAssigned(o.followup.id);
}

/** Why the follow-up's due date is not the one asked for (or is already past). */
export function dueNoteText(id: string, note: DueNote, s: FollowupStrings): string {
  return note.kind === 'target_passed' ? s.fuDueDefaulted(id, note.targetDue, note.due) : s.fuDueInPast(id, note.due);
}

/** Not found, or not allowed to change (or re-post) it. */
export function permissionRefusalText(o: Exclude<PermissionCheck, { ok: true }>, s: FollowupStrings): string {
  return o.error === 'not_found' ? s.fuNotFound(escapeMrkdwn(o.id)) : s.fuForbidden(o.followup.id);
}
