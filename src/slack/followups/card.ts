import type { Button, KnownBlock } from '@slack/types';
import { MAX_BLOCKED_REASON_CHARS, MAX_NOTE_CHARS } from '../../core/followups/limits.ts';
import type { Followup } from '../../core/followups/model.ts';
import { ACTIVE_STATUSES } from '../../core/followups/model.ts';
import { availableChanges } from '../../core/followups/transitions.ts';
import { button, context, section } from '../kit/elements.ts';
import { MAX_FALLBACK_TEXT } from '../kit/limits.ts';
import { escapeAndFit, escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import { FOLLOWUP_BUTTONS, type FollowupButton } from './actions.ts';
import type { FollowupStrings } from './strings.ts';

/** The follow-up card: the bot's message in the item's thread, updated in place (chat.update) on every change. */

/** A measure title is cut to this in card lines and fallback texts (the detail view has the full text). */
const TITLE_CHARS = 200;

export interface FollowupView {
  followup: Followup;
  /** The measure's title, or null when a re-ingest removed the measure. */
  measureTitle: string | null;
  today: string;
  strings: FollowupStrings;
}

/** The buttons a follow-up in this state offers (reassign is done by mention: `@bot reassign @user`). */
export function followupButtons(f: Followup, s: FollowupStrings): Button[] {
  return availableChanges(f.status).flatMap((k) => {
    const b: FollowupButton | null = FOLLOWUP_BUTTONS[k];
    return b ? [button(b.actionId, b.label(s), f.id, b.style)] : [];
  });
}

export function itemLabel(f: Pick<Followup, 'measureId' | 'taskId' | 'targetId'>): string {
  return f.targetId ?? f.taskId ?? f.measureId;
}

/** One line saying who, by when and in which state, as escaped mrkdwn. */
export function followupLine(v: FollowupView): string {
  const { followup: f, strings: s, today } = v;
  const overdue = f.due !== null && f.due < today && (ACTIVE_STATUSES as readonly string[]).includes(f.status);
  const due = f.due === null ? s.fuNoDue : overdue ? `${f.due} ⚠️ ${s.fuOverdue}` : f.due;
  const title = v.measureTitle === null ? s.fuMeasureMissing : escapeAndFit(v.measureTitle, TITLE_CHARS);
  return [
    `${s.fuStatusEmoji[f.status]} *${f.id}* · ${s.fuStatus[f.status]} · \`${escapeMrkdwn(itemLabel(f))}\` ${title}`,
    s.fuCardLine(`<@${f.assignee}>`, due),
  ].join('\n');
}

export function followupCardBlocks(v: FollowupView): KnownBlock[] {
  const { followup: f, strings: s } = v;
  const details = [
    f.blockedReason && f.status === 'blocked'
      ? s.fuBlockedBecause(escapeAndFit(f.blockedReason, MAX_BLOCKED_REASON_CHARS))
      : '',
    f.note ? escapeAndFit(f.note, MAX_NOTE_CHARS) : '',
    s.fuCreatedBy(f.createdBy),
  ];
  const blocks: KnownBlock[] = [section(followupLine(v)), context(details)];
  const buttons = followupButtons(f, s);
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `followup_${f.id}`, elements: buttons });
  return blocks;
}

/**
 * Notification / fallback text of the card. Slack renders it as mrkdwn in notifications, so the document's title
 * is escaped like everywhere else (`<!channel>` in a title must not ping).
 */
export function followupCardText(v: FollowupView): string {
  const f = v.followup;
  const title = v.measureTitle === null ? v.strings.fuMeasureMissing : escapeAndFit(v.measureTitle, TITLE_CHARS);
  return truncate(
    `${v.strings.fuCardTitle(f.id)} · ${v.strings.fuStatus[f.status]} · ${escapeMrkdwn(itemLabel(f))} ${title}`,
    MAX_FALLBACK_TEXT,
  );
}
