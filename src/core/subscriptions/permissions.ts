import type { Subscription } from './model.ts';

/**
 * Who may remove a subscription: whoever created it, or an admin (SLACK_ADMIN_USERS). Anyone in the channel
 * may list them. Slack's channel managers are not consulted: reading them needs admin-level scopes
 * (admin.conversations.*), more than a digest bot should hold; name such people in SLACK_ADMIN_USERS.
 */
export function canChangeSubscription(
  sub: Pick<Subscription, 'createdBy'>,
  user: string,
  admins: readonly string[],
): boolean {
  return sub.createdBy === user || admins.includes(user);
}
