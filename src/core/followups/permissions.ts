import type { Followup } from './model.ts';

/** Who may change a follow-up: its assignee, whoever created it, or a workspace admin named in SLACK_ADMIN_USERS. */
export function canChangeFollowup(f: Pick<Followup, 'assignee' | 'createdBy'>, actor: string, admins: readonly string[]): boolean {
  return actor === f.assignee || actor === f.createdBy || admins.includes(actor);
}
