import type { Followup } from '../../core/followups/model.ts';
import type { ChangeOutcome, DeliveryKind } from '../../services/followup-service.ts';
import {
  followupTitle,
  getFollowupById,
  recordDeliveryFailure,
  recordPosted,
  recordSlackError,
} from '../../services/followup-service.ts';
import { todayOf } from '../deps.ts';
import { DM_TITLE_CHARS, MAX_BLOCKED_REASON_IN_NOTE, MAX_FALLBACK_TEXT } from '../kit/limits.ts';
import { escapeAndFit, truncate } from '../kit/mrkdwn.ts';
import { type SlackClient, slackErrorCode } from '../web-api.ts';
import { type FollowupView, followupCardBlocks, followupCardText } from './card.ts';
import type { FollowupSlackDeps } from './context.ts';

/**
 * Posts about follow-ups in Slack, after the service has written the change: the card (in its thread, or as a
 * parent message, or in a DM to the creator when there is no channel), thread notes, card updates and DMs.
 * Failures are returned (the first one, the card's first), never thrown, and recorded differently:
 * - the card (post, update): on the row as slack_error — lists then offer "Re-post" and the next change posts
 *   the card again;
 * - anything else (the assignee's DM, a thread note): in the history only. The card is fine, so flagging the
 *   row would make the next change post a duplicate card.
 * Every `text` sent here is mrkdwn: user and document text in it is escaped.
 */

/** What went wrong in Slack, for the person who acted: the card (re-post needed) or a message about it. */
export type SlackProblem =
  | { kind: 'card'; error: string }
  | { kind: 'dm'; error: string; user: string }
  | { kind: 'note'; error: string };

function viewOf(deps: FollowupSlackDeps, f: Followup): FollowupView {
  return { followup: f, measureTitle: followupTitle(deps.db, f), today: todayOf(deps), strings: deps.strings };
}

async function failureOf(
  deps: FollowupSlackDeps,
  f: Followup,
  what: string,
  call: () => Promise<unknown>,
): Promise<string | null> {
  try {
    await call();
    return null;
  } catch (err) {
    const error = slackErrorCode(err);
    deps.logger.warn(`could not ${what}`, { id: f.id, error });
    return error;
  }
}

/** A call that posts or updates the card: a failure flags the row. */
async function cardCall(
  deps: FollowupSlackDeps,
  f: Followup,
  what: string,
  call: () => Promise<unknown>,
): Promise<SlackProblem | null> {
  const error = await failureOf(deps, f, what, call);
  if (error === null) return null;
  await deps.write(() => recordSlackError(deps, f.id, error));
  return { kind: 'card', error };
}

/** A call that sends a message about the follow-up (not the card): a failure is history only. */
async function messageCall(
  deps: FollowupSlackDeps,
  f: Followup,
  kind: Exclude<DeliveryKind, 'reminder'>,
  to: string,
  call: () => Promise<unknown>,
): Promise<SlackProblem | null> {
  const error = await failureOf(deps, f, kind === 'dm' ? 'DM the assignee' : 'post the change in the thread', call);
  if (error === null) return null;
  await deps.write(() => recordDeliveryFailure(deps.db, f.id, { kind, error, to }, deps.clock().toISOString()));
  return kind === 'dm' ? { kind, error, user: to } : { kind, error };
}

/** Posts the card where the follow-up lives and records where it went. */
async function postCard(deps: FollowupSlackDeps, client: SlackClient, f: Followup): Promise<SlackProblem | null> {
  const view = viewOf(deps, f);
  const channel = f.channel ?? f.createdBy;
  const inThread = f.channel !== null && f.threadTs !== null;
  return cardCall(deps, f, 'post the follow-up card', async () => {
    const r = await client.chat.postMessage({
      channel,
      ...(inThread ? { thread_ts: f.threadTs! } : {}),
      text: inThread ? deps.strings.fuCreatedNote(f.id, f.assignee, f.createdBy) : followupCardText(view),
      blocks: followupCardBlocks(view),
      metadata: {
        event_type: 'measures_item',
        event_payload: { measureId: f.measureId, taskId: f.taskId ?? '', targetId: f.targetId ?? '', followupId: f.id },
      },
      unfurl_links: false,
    });
    // A DM posted to a user id comes back with the D… channel id: the thread lives there.
    const postedIn = r.channel ?? channel;
    const ts = r.ts;
    if (ts) {
      await deps.write(() =>
        recordPosted(deps, f.id, { channel: postedIn, threadTs: inThread ? f.threadTs! : ts, messageTs: ts }),
      );
    }
  });
}

async function permalink(client: SlackClient, channel: string, ts: string): Promise<string> {
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? '';
  } catch {
    // A missing link must not stop the DM: the message still names the follow-up.
    return '';
  }
}

/** Tells the assignee, in a DM, that `actor` gave them the follow-up, with a link to its card. */
async function dmAssignee(
  deps: FollowupSlackDeps,
  client: SlackClient,
  f: Followup,
  actor: string,
): Promise<SlackProblem | null> {
  const link = f.channel && f.messageTs ? await permalink(client, f.channel, f.messageTs) : '';
  const title = escapeAndFit(followupTitle(deps.db, f) ?? f.measureId, DM_TITLE_CHARS);
  return messageCall(deps, f, 'dm', f.assignee, () =>
    client.chat.postMessage({
      channel: f.assignee,
      text: deps.strings.fuDm(f.id, actor, title, link),
      unfurl_links: false,
    }),
  );
}

/** A new follow-up: the card, then a DM to the assignee (unless they assigned it to themselves). */
export async function publishCreated(
  deps: FollowupSlackDeps,
  client: SlackClient,
  f: Followup,
): Promise<SlackProblem | null> {
  const error = await postCard(deps, client, f);
  if (error) return error;
  const posted = getFollowupById(deps.db, f.id)!;
  return posted.assignee !== posted.createdBy ? dmAssignee(deps, client, posted, posted.createdBy) : null;
}

/**
 * Posts the card again (after "invite me"): a new message where the follow-up lives. The assignee's DM is sent
 * too when the first card never went out (the DM is only sent after a card).
 */
export async function repostCard(
  deps: FollowupSlackDeps,
  client: SlackClient,
  f: Followup,
): Promise<SlackProblem | null> {
  const error = await postCard(deps, client, f);
  if (error) return error;
  const posted = getFollowupById(deps.db, f.id)!;
  return f.messageTs === null && posted.assignee !== posted.createdBy
    ? dmAssignee(deps, client, posted, posted.createdBy)
    : null;
}

/**
 * A change: a note in the thread, the card updated in place, a DM to a new assignee. When the last Slack call
 * about it had failed (or the card was never posted), the card is posted again instead, so "invite me" then any
 * change repairs the thread without a second follow-up.
 */
export async function publishChange(
  deps: FollowupSlackDeps,
  client: SlackClient,
  o: Extract<ChangeOutcome, { ok: true }>,
): Promise<SlackProblem | null> {
  const { followup: f, previous, change, actor } = o;
  const s = deps.strings;
  let problem: SlackProblem | null = null;
  if (previous.slackError !== null || previous.messageTs === null || f.channel === null || f.threadTs === null) {
    problem = await repostCard(deps, client, f);
  } else {
    const extra =
      change.kind === 'block'
        ? s.fuBlockedBecause(escapeAndFit(change.reason, MAX_BLOCKED_REASON_IN_NOTE))
        : change.kind === 'due'
          ? s.fuNowDue(change.due)
          : '';
    const view = viewOf(deps, f);
    const noteProblem = await messageCall(deps, f, 'note', f.channel, () =>
      client.chat.postMessage({
        channel: f.channel!,
        thread_ts: f.threadTs!,
        text: truncate(
          [
            change.kind === 'reassign'
              ? s.fuReassignedTo(f.id, actor, change.assignee)
              : s.fuChangedNote[change.kind](f.id, actor),
            extra,
          ]
            .filter(Boolean)
            .join('\n'),
          MAX_FALLBACK_TEXT,
        ),
        unfurl_links: false,
      }),
    );
    const updateProblem = await cardCall(deps, f, 'update the card', () =>
      client.chat.update({
        channel: f.channel!,
        ts: f.messageTs!,
        text: followupCardText(view),
        blocks: followupCardBlocks(view),
      }),
    );
    // The card's problem first: it is the one the person can fix (invite the bot, re-post).
    problem = updateProblem ?? noteProblem;
  }
  if (change.kind === 'reassign' && change.assignee !== actor) {
    const dmProblem = await dmAssignee(deps, client, getFollowupById(deps.db, f.id)!, actor);
    problem ??= dmProblem;
  }
  return problem;
}
