import type { AssignOutcome, ChangeOutcome, RepostCheck } from '../../services/followup-service.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import type { FollowupStrings } from '../strings/followups.ts';

/** What a person is told about an outcome, as escaped mrkdwn (null: nothing worth saying, e.g. a double click). */

export function slackFailedText(id: string, error: string, s: FollowupStrings): string {
  return s.fuSlackFailed(id, escapeMrkdwn(error));
}

export function changeOutcomeText(o: ChangeOutcome, s: FollowupStrings, quietWhenUnchanged: boolean): string | null {
  if (o.ok) return null;
  switch (o.error) {
    case 'not_found':
      return s.fuNotFound(escapeMrkdwn(o.id));
    case 'forbidden':
      return s.fuForbidden(o.followup.id);
    case 'unchanged':
      return quietWhenUnchanged ? null : s.fuRefused.unchanged();
    default:
      return s.fuRefused[o.error](s.fuStatus[o.followup.status]);
  }
}

export function assignOutcomeText(o: AssignOutcome, s: FollowupStrings): string {
  if (!o.ok) return o.error === 'unknown_item' ? s.fuUnknownItem(escapeMrkdwn(o.id)) : s.fuNeedItem;
  return o.created ? s.fuAssigned(o.followup.id) : s.fuAlreadyAssigned(o.followup.id);
}

export function repostRefusalText(o: Exclude<RepostCheck, { ok: true }>, s: FollowupStrings): string {
  return o.error === 'not_found' ? s.fuNotFound(escapeMrkdwn(o.id)) : s.fuForbidden(o.followup.id);
}
