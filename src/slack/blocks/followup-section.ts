import type { KnownBlock } from '@slack/types';
import type { Followup, FollowupEvent } from '../../core/followups/model.ts';
import { escapeAndFit, escapeMrkdwn } from '../mrkdwn.ts';
import type { FollowupStrings } from '../strings/followups.ts';
import { context, section } from './elements.ts';
import { itemLabel } from './followup-card.ts';

/** How many history lines per follow-up a detail view shows (the thread holds the full timeline). */
export const HISTORY_LINES_PER_FOLLOWUP = 5;

function eventText(e: FollowupEvent, s: FollowupStrings): string {
  const d = e.detail;
  const what =
    e.action === 'status'
      ? `${s.fuStatus[d.to as Followup['status']] ?? String(d.to)}${d.reason ? `：${escapeAndFit(String(d.reason), 200)}` : ''}`
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
  return `${e.at.slice(0, 16).replace('T', ' ')} ${who} ${s.fuEvent[e.action] ?? e.action} ${what}`.trim();
}

/**
 * A measure's follow-ups and their recent history, for the measure detail view (`/measures show <id>`).
 * Returns no blocks when there are none, so callers can append it unconditionally.
 */
export function followupSectionBlocks(followups: Followup[], events: FollowupEvent[], strings: FollowupStrings): KnownBlock[] {
  if (followups.length === 0) return [];
  const s = strings;
  const blocks: KnownBlock[] = [section(`*${s.fuSection}*`)];
  for (const f of followups) {
    const due = f.due ?? s.fuNoDue;
    blocks.push(
      section(
        `${s.fuStatusEmoji[f.status]} *${f.id}* · ${s.fuStatus[f.status]} · \`${escapeMrkdwn(itemLabel(f))}\`\n${s.fuCardLine(`<@${f.assignee}>`, due)}` +
          (f.status === 'blocked' && f.blockedReason ? `\n${s.fuBlockedBecause(escapeAndFit(f.blockedReason, 500))}` : ''),
      ),
    );
    const mine = events.filter((e) => e.followupId === f.id).slice(-HISTORY_LINES_PER_FOLLOWUP);
    if (mine.length > 0) blocks.push(context([`*${s.fuHistory}*\n` + mine.map((e) => eventText(e, s)).join('\n')]));
  }
  return blocks;
}
