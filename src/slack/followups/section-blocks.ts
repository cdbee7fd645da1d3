import type { KnownBlock } from '@slack/types';
import type { Followup, FollowupEvent } from '../../core/followups/model.ts';
import { canSeeDetails, type FollowupViewer } from '../../core/followups/permissions.ts';
import { inZone } from '../../lib/dates.ts';
import { context, section } from '../kit/elements.ts';
import { escapeAndFit, escapeMrkdwn } from '../kit/mrkdwn.ts';
import { itemLabel } from './card.ts';
import type { FollowupStrings } from './strings.ts';

/** How many history lines per follow-up a detail view shows (the thread holds the full timeline). */
export const HISTORY_LINES_PER_FOLLOWUP = 5;

/** `2026-11-22 09:00` in the configured zone (history instants are stored in UTC). */
export function formatEventTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return inZone(d, timeZone).format('YYYY-MM-DD HH:mm');
}

function eventText(e: FollowupEvent, s: FollowupStrings, timeZone: string, withDetails: boolean): string {
  const d = e.detail;
  const what =
    e.action === 'status'
      ? `${s.fuStatus[d.to as Followup['status']] ?? escapeMrkdwn(String(d.to))}${withDetails && d.reason ? `${s.fuColon}${escapeAndFit(String(d.reason), 200)}` : ''}`
      : e.action === 'due'
        ? escapeMrkdwn(String(d.to ?? s.fuNoDue))
        : e.action === 'reassign'
          ? `<@${escapeMrkdwn(String(d.to))}>`
          : e.action === 'created'
            ? `<@${escapeMrkdwn(String(d.assignee))}>${d.due ? ` · ${escapeMrkdwn(String(d.due))}` : ''}`
            : e.action === 'slack_error'
              ? escapeMrkdwn(String(d.error))
              : '';
  const who = e.actor === 'system' ? '🤖' : `<@${escapeMrkdwn(e.actor)}>`;
  return `${formatEventTime(e.at, timeZone)} ${who} ${s.fuEvent[e.action] ?? escapeMrkdwn(e.action)} ${what}`.trim();
}

export interface FollowupSectionInput {
  followups: Followup[];
  events: FollowupEvent[];
  strings: FollowupStrings;
  /** Who is looking, where: notes and blocked reasons are shown only to those who may read them (canSeeDetails). */
  viewer: FollowupViewer;
  /** DIGEST_TZ: history times are shown in it. */
  timeZone: string;
}

/**
 * A measure's follow-ups and their recent history, for the measure detail view (`/measures show <id>`).
 * Returns no blocks when there are none, so callers can append it unconditionally.
 */
export function followupSectionBlocks(input: FollowupSectionInput): KnownBlock[] {
  const { followups, events, strings: s, viewer, timeZone } = input;
  if (followups.length === 0) return [];
  const blocks: KnownBlock[] = [section(`*${s.fuSection}*`)];
  for (const f of followups) {
    const open = canSeeDetails(f, viewer);
    const due = f.due ?? s.fuNoDue;
    const details = open
      ? [
          f.status === 'blocked' && f.blockedReason ? s.fuBlockedBecause(escapeAndFit(f.blockedReason, 500)) : '',
          f.note ? escapeAndFit(f.note, 500) : '',
        ]
      : [];
    blocks.push(
      section(
        [
          `${s.fuStatusEmoji[f.status]} *${f.id}* · ${s.fuStatus[f.status]} · \`${escapeMrkdwn(itemLabel(f))}\``,
          s.fuCardLine(`<@${f.assignee}>`, escapeMrkdwn(due)),
          ...details,
        ]
          .filter(Boolean)
          .join('\n'),
      ),
    );
    // Who created it and for whom always leads the history; then the latest changes.
    const all = events.filter((e) => e.followupId === f.id);
    const created = all.filter((e) => e.action === 'created').slice(0, 1);
    const rest = all.filter((e) => e.action !== 'created');
    const mine = [...created, ...rest.slice(-(HISTORY_LINES_PER_FOLLOWUP - created.length))];
    if (mine.length > 0)
      blocks.push(context([`*${s.fuHistory}*\n${mine.map((e) => eventText(e, s, timeZone, open)).join('\n')}`]));
  }
  return blocks;
}
