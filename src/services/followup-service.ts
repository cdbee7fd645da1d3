import type { WebClient } from '@slack/web-api';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { dateInZone } from '../lib/dates.ts';
import { normalizeIdInput } from '../core/ids.ts';
import type { Followup, FollowupEvent, FollowupListItem, ItemRef } from '../core/followups/model.ts';
import { isClosed } from '../core/followups/model.ts';
import { applyChange, type ChangeRefusal, type FollowupChange } from '../core/followups/transitions.ts';
import { canChangeFollowup } from '../core/followups/permissions.ts';
import { compareByDue } from '../core/followups/reminders.ts';
import * as repo from '../repo/followups-repo.ts';
import { getMeasureRow } from '../repo/documents-repo.ts';
import type { FollowupStrings } from '../slack/strings/followups.ts';
import { followupCardBlocks, followupCardText } from '../slack/blocks/followup-card.ts';
import { escapeAndFit, truncate } from '../slack/mrkdwn.ts';

/**
 * Follow-ups: assign, change state, list. The database is written first and Slack second, so a Web API failure
 * (not_in_channel, channel_not_found…) never loses a follow-up: it is recorded on the row and reported to the
 * caller, who tells the person. `client` is null where there is no Slack (the CLI).
 */

export interface FollowupDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  config: { SLACK_ADMIN_USERS: readonly string[] };
  strings: FollowupStrings;
}

export type SlackClient = Pick<WebClient, 'chat' | 'conversations'>;

export const ACTIVE_STATUSES = ['open', 'in_progress', 'blocked'] as const;

const nowIso = (deps: Pick<FollowupDeps, 'clock'>) => deps.clock().toISOString();
export const todayOf = (deps: Pick<FollowupDeps, 'clock' | 'timeZone'>) => dateInZone(deps.clock(), deps.timeZone);

/** The Slack error code of a Web API failure (`not_in_channel`), or the message. */
export function slackErrorCode(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; message?: string };
  return e.data?.error ?? e.code ?? e.message ?? String(err);
}

// ---------------------------------------------------------------- assigning

export interface AssignRequest {
  /** A typed or button-carried measure/task/target id; or null with `item` already known (from the thread). */
  itemId: string | null;
  item?: ItemRef;
  assignee: string;
  actor: string;
  /** undefined → the item's due date (a target's, or the earliest of a task's/measure's). */
  due?: string | null;
  note: string | null;
  /** Where the thread lives; threadTs null → the bot posts a parent message in `channel` (or DMs the actor). */
  where: { channel: string | null; threadTs: string | null };
  /** event_id / view id / trigger id: a Slack retry or double submit returns the existing follow-up. */
  dedupeKey: string | null;
}

export type AssignOutcome =
  | { ok: true; followup: Followup; created: boolean; slackError: string | null }
  | { ok: false; error: 'unknown_item'; id: string }
  | { ok: false; error: 'need_item' };

export async function assignFollowup(deps: FollowupDeps, client: SlackClient | null, req: AssignRequest): Promise<AssignOutcome> {
  let item: ItemRef & { due: string | null };
  if (req.itemId !== null && req.itemId.trim() !== '') {
    const id = normalizeIdInput(req.itemId);
    const found = repo.resolveItem(deps.db, id);
    if (!found) return { ok: false, error: 'unknown_item', id };
    item = found;
  } else if (req.item) {
    item = { ...req.item, due: null };
    if (req.due === undefined) item.due = (req.item.targetId && repo.resolveItem(deps.db, req.item.targetId)?.due) || null;
  } else {
    return { ok: false, error: 'need_item' };
  }
  const { followup, created } = repo.insertFollowup(
    deps.db,
    {
      measureId: item.measureId,
      taskId: item.taskId,
      targetId: item.targetId,
      assignee: req.assignee,
      createdBy: req.actor,
      due: req.due === undefined ? item.due : req.due,
      note: req.note,
      channel: req.where.threadTs ? req.where.channel : null,
      threadTs: req.where.threadTs,
      dedupeKey: req.dedupeKey,
    },
    nowIso(deps),
  );
  if (!created || !client) return { ok: true, followup, created, slackError: null };
  const slackError = await publishCreated(deps, client, followup, req.where.channel ?? req.actor);
  return { ok: true, followup: repo.getFollowup(deps.db, followup.id)!, created, slackError };
}

function cardView(deps: FollowupDeps, f: Followup) {
  const title = getMeasureRow(deps.db, f.measureId)?.title ?? null;
  return { followup: f, measureTitle: title, today: todayOf(deps), strings: deps.strings };
}

/** Posts the card (in the source thread, or as a new parent), then DMs the assignee a link to it. */
async function publishCreated(deps: FollowupDeps, client: SlackClient, f: Followup, fallbackChannel: string): Promise<string | null> {
  const view = cardView(deps, f);
  let error: string | null = null;
  let channel = f.channel ?? fallbackChannel;
  let messageTs: string | undefined;
  try {
    const r = await client.chat.postMessage({
      channel,
      ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
      text: f.threadTs ? deps.strings.fuCreatedNote(f.id, f.assignee, f.createdBy) : followupCardText(view),
      blocks: followupCardBlocks(view),
      metadata: { event_type: 'measures_item', event_payload: { measureId: f.measureId, taskId: f.taskId ?? '', targetId: f.targetId ?? '', followupId: f.id } },
      unfurl_links: false,
    });
    messageTs = r.ts;
    // A DM posted to a user id comes back with the D… channel id: the thread lives there.
    channel = r.channel ?? channel;
    if (messageTs) {
      repo.setSlackRefs(deps.db, f.id, { channel, threadTs: f.threadTs ?? messageTs, messageTs });
      repo.rememberItemMessage(deps.db, channel, messageTs, f);
    }
  } catch (err) {
    error = slackErrorCode(err);
    deps.logger.warn('could not post follow-up card', { id: f.id, channel, error });
    repo.setSlackError(deps.db, f.id, error, nowIso(deps));
    return error;
  }
  if (f.assignee !== f.createdBy) {
    try {
      const link = messageTs ? await permalink(client, channel, messageTs) : '';
      await client.chat.postMessage({
        channel: f.assignee,
        text: deps.strings.fuDm(f.id, f.createdBy, escapeAndFit(view.measureTitle ?? f.measureId, 200), link),
        unfurl_links: false,
      });
    } catch (err) {
      error = slackErrorCode(err);
      deps.logger.warn('could not DM the assignee', { id: f.id, error });
      repo.setSlackError(deps.db, f.id, error, nowIso(deps));
    }
  }
  if (error === null) repo.setSlackError(deps.db, f.id, null, nowIso(deps));
  return error;
}

export async function permalink(client: SlackClient, channel: string, ts: string): Promise<string> {
  try {
    const r = await client.chat.getPermalink({ channel, message_ts: ts });
    return r.permalink ?? '';
  } catch {
    // A missing link must not stop the DM: the message still names the follow-up.
    return '';
  }
}

// ---------------------------------------------------------------- changing

export type ChangeOutcome =
  | { ok: true; followup: Followup; slackError: string | null }
  | { ok: false; error: 'not_found'; id: string }
  | { ok: false; error: 'forbidden'; followup: Followup }
  | { ok: false; error: ChangeRefusal; followup: Followup };

/** Checks a change without making it (modals answer a refusal inline, before their 3-second ack). */
export function checkChange(deps: FollowupDeps, req: { followupId: string; change: FollowupChange; actor: string }): ChangeOutcome | null {
  const f = repo.getFollowup(deps.db, req.followupId.toUpperCase());
  if (!f) return { ok: false, error: 'not_found', id: req.followupId };
  if (!canChangeFollowup(f, req.actor, deps.config.SLACK_ADMIN_USERS)) return { ok: false, error: 'forbidden', followup: f };
  const result = applyChange(f, req.change, nowIso(deps));
  return result.ok ? null : { ok: false, error: result.refusal, followup: f };
}

export function getFollowupById(db: Db, id: string): Followup | undefined {
  return repo.getFollowup(db, id.toUpperCase());
}

export async function changeFollowup(
  deps: FollowupDeps,
  client: SlackClient | null,
  req: { followupId: string; change: FollowupChange; actor: string },
): Promise<ChangeOutcome> {
  const id = req.followupId.toUpperCase();
  const f = repo.getFollowup(deps.db, id);
  if (!f) return { ok: false, error: 'not_found', id };
  if (!canChangeFollowup(f, req.actor, deps.config.SLACK_ADMIN_USERS)) return { ok: false, error: 'forbidden', followup: f };
  const result = applyChange(f, req.change, nowIso(deps));
  if (!result.ok) return { ok: false, error: result.refusal, followup: f };
  const updated = repo.updateFollowup(deps.db, f.id, result.patch, { actor: req.actor, ...result.event });
  if (!client) return { ok: true, followup: updated, slackError: null };
  return { ok: true, followup: updated, slackError: await publishChange(deps, client, updated, req.change, req.actor) };
}

/** Says what changed in the thread, updates the card in place, and DMs a new assignee. */
async function publishChange(deps: FollowupDeps, client: SlackClient, f: Followup, change: FollowupChange, actor: string): Promise<string | null> {
  if (!f.channel || !f.threadTs) return null;
  const s = deps.strings;
  const extra =
    change.kind === 'block' ? s.fuBlockedBecause(escapeAndFit(change.reason, 1000))
    : change.kind === 'due' ? s.fuNowDue(change.due)
    : change.kind === 'reassign' ? s.fuNowAssignee(change.assignee)
    : '';
  const view = cardView(deps, f);
  let error: string | null = null;
  const attempt = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (err) {
      error = slackErrorCode(err);
      deps.logger.warn(`could not ${what}`, { id: f.id, error });
      repo.setSlackError(deps.db, f.id, error, nowIso(deps));
    }
  };
  await attempt('post the change in the thread', () =>
    client.chat.postMessage({
      channel: f.channel!,
      thread_ts: f.threadTs!,
      text: truncate([s.fuChangedNote[change.kind](f.id, actor), extra].filter(Boolean).join('\n'), 3000),
      unfurl_links: false,
    }),
  );
  if (f.messageTs) {
    await attempt('update the card', () =>
      client.chat.update({ channel: f.channel!, ts: f.messageTs!, text: followupCardText(view), blocks: followupCardBlocks(view) }),
    );
  }
  if (change.kind === 'reassign' && change.assignee !== actor) {
    await attempt('DM the new assignee', async () => {
      const link = await permalink(client, f.channel!, f.messageTs ?? f.threadTs!);
      await client.chat.postMessage({
        channel: change.assignee,
        text: s.fuDm(f.id, actor, escapeAndFit(view.measureTitle ?? f.measureId, 200), link),
        unfurl_links: false,
      });
    });
  }
  return error;
}

// ---------------------------------------------------------------- finding

export type ThreadFollowup = { ok: true; followup: Followup } | { ok: false; error: 'none' } | { ok: false; error: 'ambiguous'; ids: string[] };

/**
 * The follow-up a thread command (`@bot done`) is about: the one named, else the thread's only active one (or its
 * only one at all, so `reopen` works after `done`).
 */
export function threadFollowup(db: Db, channel: string, threadTs: string | null, explicitId: string | null): ThreadFollowup {
  if (explicitId !== null) {
    const f = repo.getFollowup(db, explicitId.toUpperCase());
    return f ? { ok: true, followup: f } : { ok: false, error: 'none' };
  }
  if (threadTs === null) return { ok: false, error: 'none' };
  const all = repo.followupsInThread(db, channel, threadTs);
  const active = all.filter((f) => !isClosed(f.status));
  const pick = active.length > 0 ? active : all;
  if (pick.length === 0) return { ok: false, error: 'none' };
  if (pick.length > 1) return { ok: false, error: 'ambiguous', ids: pick.map((f) => f.id) };
  return { ok: true, followup: pick[0]! };
}

/**
 * Which item a thread is about, so `@bot assign @user` needs no id there: a bot message we remembered, the
 * thread's follow-ups, or the `measures_item` metadata on the parent message.
 */
export async function threadItem(db: Db, client: SlackClient | null, channel: string, threadTs: string): Promise<ItemRef | undefined> {
  const remembered = repo.findItemMessage(db, channel, threadTs);
  if (remembered) return remembered;
  const inThread = repo.followupsInThread(db, channel, threadTs).at(-1);
  if (inThread) return { measureId: inThread.measureId, taskId: inThread.taskId, targetId: inThread.targetId };
  if (!client) return undefined;
  try {
    const r = await client.conversations.replies({ channel, ts: threadTs, limit: 1, include_all_metadata: true });
    const meta = r.messages?.[0]?.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
    const p = meta?.event_type === 'measures_item' ? meta.event_payload : undefined;
    if (p && typeof p.measureId === 'string' && p.measureId !== '') {
      const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
      return { measureId: p.measureId, taskId: str(p.taskId), targetId: str(p.targetId) };
    }
  } catch {
    // No access to the thread (not a member): the person can still name the item.
  }
  return undefined;
}

export type ListScope = { kind: 'mine'; user: string } | { kind: 'user'; user: string } | { kind: 'overdue' } | { kind: 'all' };

/** Active follow-ups for a scope, overdue first, then by due date. */
export function listForScope(db: Db, scope: ListScope, today: string): FollowupListItem[] {
  const items = repo.listFollowups(db, {
    statuses: ACTIVE_STATUSES,
    ...(scope.kind === 'mine' || scope.kind === 'user' ? { assignee: scope.user } : {}),
    ...(scope.kind === 'overdue' ? { dueBefore: today } : {}),
  });
  return items.sort(compareByDue);
}

/** A measure's follow-ups (every state) and their history, for the detail view (`followupSectionBlocks`). */
export function measureFollowups(db: Db, measureId: string): { followups: Followup[]; events: FollowupEvent[] } {
  const followups = repo.listFollowups(db, { measureId });
  return { followups, events: repo.listEvents(db, followups.map((f) => f.id)) };
}

/** Every follow-up, for export (CLI). */
export function allFollowups(db: Db): FollowupListItem[] {
  return repo.listFollowups(db);
}

/** What the assign modal shows for an item id (title, default due date), or undefined for an unknown id. */
export function assignModalItem(db: Db, rawId: string): { itemId: string; title: string; due: string | null } | undefined {
  const id = normalizeIdInput(rawId);
  const found = repo.resolveItem(db, id);
  return found ? { itemId: found.targetId ?? found.taskId ?? found.measureId, title: found.title, due: found.due } : undefined;
}

/** Remembers a Slack delivery (event_id, view id…) so a retry or double submit is not acted on twice. */
export function firstDelivery(deps: Pick<FollowupDeps, 'db' | 'clock'>, key: string): boolean {
  return repo.claimProcessed(deps.db, key, nowIso(deps));
}
