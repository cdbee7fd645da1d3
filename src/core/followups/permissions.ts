import type { Followup } from './model.ts';

/** Who may change a follow-up: its assignee, whoever created it, or a workspace admin named in SLACK_ADMIN_USERS. */
export function canChangeFollowup(
  f: Pick<Followup, 'assignee' | 'createdBy'>,
  actor: string,
  admins: readonly string[],
): boolean {
  return actor === f.assignee || actor === f.createdBy || admins.includes(actor);
}

/** Who is looking at a follow-up: a person (when known) in a place (a channel id, null for the Home tab or a DM). */
export interface FollowupViewer {
  user: string | null;
  channel: string | null;
}

/**
 * Whether the viewer may read a follow-up's free text (note, blocked reason, history details). These are written
 * in the follow-up's channel, which may be private: they are shown there, and to the assignee and creator anywhere.
 * Everyone else sees the state and the assignee only.
 */
export function canSeeDetails(
  f: Pick<Followup, 'assignee' | 'createdBy' | 'channel'>,
  viewer: FollowupViewer,
): boolean {
  if (viewer.user !== null && (viewer.user === f.assignee || viewer.user === f.createdBy)) return true;
  return f.channel !== null && viewer.channel === f.channel;
}
