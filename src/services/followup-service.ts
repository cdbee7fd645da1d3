import { charCount, MAX_NOTE_CHARS } from '../core/followups/limits.ts';
import {
  ACTIVE_STATUSES,
  type Followup,
  type FollowupEvent,
  type FollowupListItem,
  type ItemRef,
  isClosed,
} from '../core/followups/model.ts';
import { canChangeFollowup } from '../core/followups/permissions.ts';
import { compareByDue } from '../core/followups/reminders.ts';
import { applyChange, type ChangeRefusal, type FollowupChange } from '../core/followups/transitions.ts';
import { normalizeIdInput } from '../core/ids.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import { addDays } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import { getMeasureRow } from '../repo/documents-repo.ts';
import * as repo from '../repo/followups-repo.ts';

/**
 * Follow-ups: assign, change state, list — database work only, no Slack. Each write returns what changed; the
 * Slack side (src/slack/followups/publisher.ts) posts about it and reports back with recordPosted /
 * recordSlackError, so a Web API failure (not_in_channel…) never loses a follow-up: it stays on the row, lists
 * offer a re-post, and the next change re-posts the card. The CLI calls the same functions.
 */

export interface FollowupDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: { SLACK_ADMIN_USERS: readonly string[] };
}

const nowIso = (deps: Pick<FollowupDeps, 'clock'>) => deps.clock().toISOString();

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
  /** Where it lives: a thread, or a channel where the bot posts a parent message (null: DM the actor). */
  where: { channel: string | null; threadTs: string | null };
  /** event_id / view id / trigger id: a Slack retry or double submit returns the existing follow-up. */
  dedupeKey: string | null;
  /** YYYY-MM-DD in DIGEST_TZ: a target date before it is not taken as the follow-up's, a given one is warned of. */
  today: string;
}

/** Days ahead a follow-up is due when its item's own target has already passed. */
export const DEFAULT_FOLLOWUP_DAYS = 14;

/** Why the due date is not simply the one asked for, to tell the person who assigned it. */
export type DueNote =
  /** No date given and the item's target had passed: due in DEFAULT_FOLLOWUP_DAYS instead. */
  | { kind: 'target_passed'; targetDue: string; due: string }
  /** The date given is already past: kept (it may be meant), said. */
  | { kind: 'given_past'; due: string };

export type AssignOutcome =
  | { ok: true; followup: Followup; created: boolean; dueNote?: DueNote }
  /** The same item already has a follow-up that is not finished: one item, one follow-up at a time. */
  | { ok: false; error: 'duplicate'; existing: Followup }
  | { ok: false; error: 'unknown_item'; id: string }
  | { ok: false; error: 'need_item' }
  | { ok: false; error: 'note_too_long'; max: number };

export function assignFollowup(deps: FollowupDeps, req: AssignRequest): AssignOutcome {
  if (req.note !== null && charCount(req.note) > MAX_NOTE_CHARS)
    return { ok: false, error: 'note_too_long', max: MAX_NOTE_CHARS };
  let item: ItemRef & { due: string | null };
  if (req.itemId !== null && req.itemId.trim() !== '') {
    const id = normalizeIdInput(req.itemId);
    const found = repo.resolveItem(deps.db, id);
    if (!found) return { ok: false, error: 'unknown_item', id };
    item = found;
  } else if (req.item) {
    // The item came from the thread (item_messages, an older follow-up): a re-ingest may have removed it since.
    const narrowest = req.item.targetId ?? req.item.taskId ?? req.item.measureId;
    const found = repo.resolveItem(deps.db, narrowest);
    if (!found) return { ok: false, error: 'unknown_item', id: narrowest };
    item = found;
  } else {
    return { ok: false, error: 'need_item' };
  }
  const retried = req.dedupeKey !== null && repo.hasDedupeKey(deps.db, req.dedupeKey);
  if (!retried) {
    const same = repo
      .listFollowups(deps.db, { measureId: item.measureId, statuses: ACTIVE_STATUSES })
      .find((f) => f.taskId === item.taskId && f.targetId === item.targetId);
    if (same) return { ok: false, error: 'duplicate', existing: same };
  }
  let due = req.due === undefined ? item.due : req.due;
  let dueNote: DueNote | undefined;
  if (req.due === undefined && item.due !== null && item.due < req.today) {
    due = addDays(req.today, DEFAULT_FOLLOWUP_DAYS);
    dueNote = { kind: 'target_passed', targetDue: item.due, due };
  } else if (req.due !== undefined && req.due !== null && req.due < req.today) {
    dueNote = { kind: 'given_past', due: req.due };
  }
  const { followup, created } = repo.insertFollowup(
    deps.db,
    {
      measureId: item.measureId,
      taskId: item.taskId,
      targetId: item.targetId,
      assignee: req.assignee,
      createdBy: req.actor,
      due,
      note: req.note,
      // Kept even before the bot could post there: a re-post after "invite me" needs to know where.
      channel: req.where.channel,
      threadTs: req.where.threadTs,
      dedupeKey: req.dedupeKey,
    },
    nowIso(deps),
  );
  return { ok: true, followup, created, ...(dueNote && created ? { dueNote } : {}) };
}

// ---------------------------------------------------------------- what Slack did with it

/** The card was posted: remember where (and which item that message is about), and clear a past failure. */
export function recordPosted(
  deps: Pick<FollowupDeps, 'db'>,
  id: string,
  refs: { channel: string; threadTs: string; messageTs: string },
): Followup {
  const db = deps.db;
  return db.transaction(() => {
    repo.setSlackRefs(db, id, refs);
    const f = repo.getFollowup(db, id)!;
    repo.rememberItemMessage(db, refs.channel, refs.messageTs, f);
    if (f.slackError !== null) repo.setSlackError(db, id, null, '');
    return repo.getFollowup(db, id)!;
  })();
}

/**
 * Posting or updating the card failed: kept on the row (lists offer a re-post, the next change re-posts the card)
 * and in its history. Only for the card: see recordDeliveryFailure for everything else.
 */
export function recordSlackError(deps: Pick<FollowupDeps, 'db' | 'clock'>, id: string, error: string): void {
  repo.setSlackError(deps.db, id, error, nowIso(deps));
}

/** What failed besides the card: a DM to the assignee, a note in the thread, a reminder DM. */
export type DeliveryKind = 'dm' | 'note' | 'reminder';

/**
 * A message about the follow-up (not its card) could not be sent: history only. The card is fine, so the row's
 * slack_error must stay clear — setting it would make the next change post a second card.
 */
export function recordDeliveryFailure(
  db: Db,
  id: string,
  failure: { kind: DeliveryKind; error: string; to?: string },
  atIso: string,
): void {
  repo.insertEvent(db, id, atIso, 'system', 'slack_error', { ...failure });
}

/**
 * Remembers which item a bot message in a channel is about (a shared detail view, a digest line), so
 * `@bot assign @user` in its thread needs no id. Unknown ids are ignored.
 */
export function rememberPostedItem(db: Db, channel: string, ts: string, rawId: string): ItemRef | undefined {
  const found = repo.resolveItem(db, normalizeIdInput(rawId));
  if (!found) return undefined;
  const ref = { measureId: found.measureId, taskId: found.taskId, targetId: found.targetId };
  repo.rememberItemMessage(db, channel, ts, ref);
  return ref;
}

/** The measure's title for cards and DMs, or null when a re-ingest removed it. */
export function followupTitle(db: Db, f: Pick<Followup, 'measureId'>): string | null {
  return getMeasureRow(db, f.measureId)?.title ?? null;
}

// ---------------------------------------------------------------- changing

export type ChangeOutcome =
  | { ok: true; followup: Followup; previous: Followup; change: FollowupChange; actor: string }
  | { ok: false; error: 'not_found'; id: string }
  | { ok: false; error: 'forbidden'; followup: Followup }
  | { ok: false; error: ChangeRefusal; followup: Followup };

type ChangeRequest = { followupId: string; change: FollowupChange; actor: string };

/** Checks a change without making it (modals answer a refusal inline, before their 3-second ack). */
export function checkChange(deps: FollowupDeps, req: ChangeRequest): ChangeOutcome | null {
  const f = repo.getFollowup(deps.db, req.followupId.toUpperCase());
  if (!f) return { ok: false, error: 'not_found', id: req.followupId };
  if (!canChangeFollowup(f, req.actor, deps.config.SLACK_ADMIN_USERS))
    return { ok: false, error: 'forbidden', followup: f };
  const result = applyChange(f, req.change, nowIso(deps));
  return result.ok ? null : { ok: false, error: result.refusal, followup: f };
}

export function getFollowupById(db: Db, id: string): Followup | undefined {
  return repo.getFollowup(db, id.toUpperCase());
}

/**
 * Makes a change if the actor may and the state machine allows it. The write is conditional on the row being as
 * read, so a double click handled by two processes changes it once; the loser gets 'unchanged'.
 */
export function changeFollowup(deps: FollowupDeps, req: ChangeRequest): ChangeOutcome {
  const id = req.followupId.toUpperCase();
  const f = repo.getFollowup(deps.db, id);
  if (!f) return { ok: false, error: 'not_found', id };
  if (!canChangeFollowup(f, req.actor, deps.config.SLACK_ADMIN_USERS))
    return { ok: false, error: 'forbidden', followup: f };
  const result = applyChange(f, req.change, nowIso(deps));
  if (!result.ok) return { ok: false, error: result.refusal, followup: f };
  const updated = repo.updateFollowup(deps.db, f.id, result.patch, { actor: req.actor, ...result.event }, f);
  if (updated === 'unchanged') return { ok: false, error: 'unchanged', followup: f };
  return { ok: true, followup: updated, previous: f, change: req.change, actor: req.actor };
}

export type PermissionCheck =
  | { ok: true; followup: Followup }
  | { ok: false; error: 'not_found'; id: string }
  | { ok: false; error: 'forbidden'; followup: Followup };
export type RepostCheck = PermissionCheck;

/** Whether the actor may change the follow-up at all: checked before a modal for a change is opened. */
export function checkMayChange(deps: FollowupDeps, req: { followupId: string; actor: string }): PermissionCheck {
  const f = repo.getFollowup(deps.db, req.followupId.toUpperCase());
  if (!f) return { ok: false, error: 'not_found', id: req.followupId };
  if (!canChangeFollowup(f, req.actor, deps.config.SLACK_ADMIN_USERS))
    return { ok: false, error: 'forbidden', followup: f };
  return { ok: true, followup: f };
}

/** Whether the actor may have a follow-up's card posted again (the same people who may change it). */
export function checkRepost(deps: FollowupDeps, req: { followupId: string; actor: string }): RepostCheck {
  return checkMayChange(deps, req);
}

// ---------------------------------------------------------------- finding

export type ThreadFollowup =
  | { ok: true; followup: Followup }
  | { ok: false; error: 'none' }
  | { ok: false; error: 'ambiguous'; ids: string[] };

/**
 * The follow-up a thread command (`@bot done`) is about: the one named, else the thread's only active one (or its
 * only one at all, so `reopen` works after `done`).
 */
export function threadFollowup(
  db: Db,
  channel: string,
  threadTs: string | null,
  explicitId: string | null,
): ThreadFollowup {
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

export function threadHasFollowup(db: Db, channel: string, threadTs: string | null): boolean {
  return threadTs !== null && repo.followupsInThread(db, channel, threadTs).length > 0;
}

/**
 * Which item a thread is about, so `@bot assign @user` needs no id there: a bot message we remembered when we
 * posted it (item_messages), else the thread's follow-ups. No Slack call: reading thread history would need the
 * *:history scopes, which the app does not ask for.
 */
export function threadItem(db: Db, channel: string, threadTs: string): ItemRef | undefined {
  const remembered = repo.findItemMessage(db, channel, threadTs);
  if (remembered) return remembered;
  const inThread = repo.followupsInThread(db, channel, threadTs).at(-1);
  return inThread ? { measureId: inThread.measureId, taskId: inThread.taskId, targetId: inThread.targetId } : undefined;
}

/**
 * The item id a message is about, for the "Assign follow-up" message shortcut: the `measures_item` metadata the
 * bot put on its own messages (narrowest id first), else what we remembered about the message or its thread.
 */
export function messageItemId(
  db: Db,
  m: {
    channel: string;
    ts: string;
    threadTs: string | null;
    metadata?: { event_type: string; event_payload: Record<string, unknown> } | undefined;
  },
): string | null {
  const p = m.metadata?.event_type === 'measures_item' ? m.metadata.event_payload : undefined;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const fromMeta = str(p?.targetId) ?? str(p?.taskId) ?? str(p?.measureId);
  if (fromMeta) return fromMeta;
  const ref = threadItem(db, m.channel, m.ts) ?? (m.threadTs ? threadItem(db, m.channel, m.threadTs) : undefined);
  return ref ? (ref.targetId ?? ref.taskId ?? ref.measureId) : null;
}

export type ListScope =
  | { kind: 'mine'; user: string }
  | { kind: 'user'; user: string }
  | { kind: 'overdue' }
  | { kind: 'all' }
  | { kind: 'done' };

/** Follow-ups not finished (or, for `done`, the finished ones) for a scope, overdue first, then by due date. */
export function listForScope(db: Db, scope: ListScope, today: string): FollowupListItem[] {
  const items = repo.listFollowups(db, {
    statuses: scope.kind === 'done' ? ['done'] : ACTIVE_STATUSES,
    ...(scope.kind === 'mine' || scope.kind === 'user' ? { assignee: scope.user } : {}),
    ...(scope.kind === 'overdue' ? { dueBefore: today } : {}),
  });
  return items.sort(compareByDue);
}

/** A measure's follow-ups (every state) and their history, for the detail view. */
export function measureFollowups(db: Db, measureId: string): { followups: Followup[]; events: FollowupEvent[] } {
  const followups = repo.listFollowups(db, { measureId });
  return {
    followups,
    events: repo.listEvents(
      db,
      followups.map((f) => f.id),
    ),
  };
}

/** Every follow-up, for export (CLI). */
export function allFollowups(db: Db): FollowupListItem[] {
  return repo.listFollowups(db);
}

/** What the assign modal shows for an item id (title, default due date), or undefined for an unknown id. */
export function assignModalItem(
  db: Db,
  rawId: string,
): { itemId: string; title: string; due: string | null } | undefined {
  const id = normalizeIdInput(rawId);
  const found = repo.resolveItem(db, id);
  return found
    ? { itemId: found.targetId ?? found.taskId ?? found.measureId, title: found.title, due: found.due }
    : undefined;
}
