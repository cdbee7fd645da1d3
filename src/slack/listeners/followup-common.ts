import type { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { SlackDeps } from '../deps.ts';
import { todayOf } from '../deps.ts';
import type { FollowupStrings } from '../strings/followups.ts';
import type { FollowupDeps, AssignOutcome, ChangeOutcome } from '../../services/followup-service.ts';
import { listForScope } from '../../services/followup-service.ts';
import { buildHomeView } from '../blocks/home.ts';
import { homeFollowupBlocks } from '../blocks/home-followups.ts';
import { indexSummary } from '../../app/index-summary.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

/** Shared by the follow-up listeners: deps, payload schemas, and how outcomes are told to the person. */

export function fuStrings(deps: SlackDeps): FollowupStrings {
  return deps.strings;
}

export function followupDeps(deps: SlackDeps): FollowupDeps {
  return { db: deps.db, clock: deps.clock, logger: deps.logger, timeZone: deps.timeZone, config: deps.config, strings: fuStrings(deps) };
}

/** A button press on a follow-up card, in a channel/thread or in the App Home tab. */
export const followupButtonSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z
    .object({ type: z.string().optional(), channel_id: z.string().optional(), message_ts: z.string().optional(), thread_ts: z.string().optional(), is_ephemeral: z.boolean().optional() })
    .passthrough()
    .optional(),
  view: z.object({ type: z.string() }).passthrough().optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).passthrough().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(2000).default(''), action_ts: z.string().optional() }).passthrough()).min(1),
});
export type FollowupButton = z.infer<typeof followupButtonSchema>;

/** Where a button was pressed: a channel (and thread) to answer in, or the Home tab (no channel). */
export function placeOf(p: FollowupButton): { user: string; channel: string | null; threadTs: string | null; inHome: boolean } {
  const channel = p.channel?.id ?? p.container?.channel_id ?? null;
  return {
    user: p.user.id,
    channel,
    threadTs: p.message?.thread_ts ?? p.container?.thread_ts ?? p.message?.ts ?? null,
    inHome: p.view?.type === 'home' || p.container?.type === 'view',
  };
}

/** A view_submission: the fields the follow-up modals read. */
export const viewSubmissionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.record(z.object({
      type: z.string().optional(),
      value: z.string().nullable().optional(),
      selected_user: z.string().nullable().optional(),
      selected_date: z.string().nullable().optional(),
    }).passthrough())) }),
  }).passthrough(),
});

/** The text for a failed or refused change (null when there is nothing worth saying, e.g. a double click). */
export function changeOutcomeText(o: ChangeOutcome, s: FollowupStrings, quietWhenUnchanged: boolean): string | null {
  if (o.ok) return o.slackError ? s.fuSlackFailed(o.followup.id, o.slackError) : null;
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
  if (o.slackError) return s.fuSlackFailed(o.followup.id, o.slackError);
  return o.created ? s.fuAssigned(o.followup.id) : s.fuAlreadyAssigned(o.followup.id);
}

/**
 * Tells one person something privately: an ephemeral message where they are (in the thread), else a DM.
 * Failures are logged, not thrown: the change itself already happened.
 */
export async function tell(client: WebClient, deps: SlackDeps, where: { user: string; channel: string | null; threadTs?: string | null }, text: string): Promise<void> {
  try {
    if (where.channel) {
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, text, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) });
      return;
    }
  } catch (err) {
    deps.logger.warn('ephemeral failed, sending a DM instead', { error: (err as Error).message });
  }
  try {
    await client.chat.postMessage({ channel: where.user, text });
  } catch (err) {
    deps.logger.warn('could not tell the user', { error: (err as Error).message });
  }
}

/** The "my follow-ups" section of the Home tab (for buildHomeView's extraSections), within the 100-block view. */
export function followupHomeSection(deps: SlackDeps, user: string): KnownBlock[] {
  const today = todayOf(deps);
  // The base view keeps its search help on top (a handful of blocks); follow-ups get the room left.
  return homeFollowupBlocks(listForScope(deps.db, { kind: 'mine', user }, today), today, fuStrings(deps), 90);
}

/** Re-publishes the Home tab after a change made there, so its buttons match the new states. */
export async function publishHome(client: WebClient, deps: SlackDeps, user: string): Promise<void> {
  const view = buildHomeView({ ...indexSummary(deps.db), strings: deps.strings, extraSections: [followupHomeSection(deps, user)] });
  await client.views.publish({ user_id: user, view });
}
