import type { ActionsBlock, KnownBlock } from '@slack/types';
import { duePhrase } from '../../core/digest/due-phrase.ts';
import { groupByDue } from '../../core/digest/select-digest.ts';
import type { Digest, DigestItem, DoneItem, Locale } from '../../core/digest/types.ts';
import { ACTIONS } from '../ids.ts';
import { button, context, header, section } from '../kit/elements.ts';
import { code, listNames, shortTitle } from '../kit/format.ts';
import { MAX_BLOCK_ID, MAX_BLOCKS_PER_MESSAGE, MAX_SECTION_TEXT } from '../kit/limits.ts';
import { escapeAndFit, escapeMrkdwn } from '../kit/mrkdwn.ts';
import { type Reply, reply } from '../kit/reply.ts';
import { blockTextLength, MAX_MESSAGE_BLOCK_TEXT } from '../kit/text-budget.ts';
import type { DigestStrings } from './strings.ts';

/** Overdue items listed by default; the rest are counted ("and N more") and reachable with `/measures due`. */
export const DIGEST_OVERDUE_CAP = 10;
/** Closed follow-ups listed in the one "done" section. */
export const DIGEST_DONE_CAP = 15;
/** A target sentence is one clause; longer text is cut so that an item stays a glance. */
const MAX_TARGET_TEXT = 400;

export interface DigestMessageInput {
  digest: Digest;
  strings: DigestStrings;
  locale: Locale;
  overdueCap?: number;
  /** Extra context line at the top (the ephemeral preview says it is a preview). */
  note?: string;
}

/**
 * Puts the quantity of a target sentence in bold. Slack only honours `*…*` at word boundaries, which Chinese
 * text has none of, so zero-width spaces make the boundary; `*` already in the text is neutralised.
 */
export function boldQuantity(text: string, quantity: string | null, max = MAX_TARGET_TEXT): string {
  const clean = text.replace(/\*/g, '∗');
  const escaped = escapeAndFit(clean, max);
  if (!quantity) return escaped;
  const q = escapeMrkdwn(quantity.replace(/\*/g, '∗'));
  const at = escaped.indexOf(q);
  if (at < 0 || q.trim() === '') return escaped;
  return `${escaped.slice(0, at)}\u200b*${q}*\u200b${escaped.slice(at + q.length)}`;
}

function followupLine(item: DigestItem, s: DigestStrings): string {
  if (item.followups.length === 0) return `${s.digestFollowup}: _${s.digestNoFollowup}_`;
  const parts = item.followups
    .slice(0, 3)
    .map((f) => `<@${escapeMrkdwn(f.assignee)}> ${s.digestStatus[f.status]} ${code(f.id)}`);
  const more = item.followups.length > 3 ? ` +${item.followups.length - 3}` : '';
  return `${s.digestFollowup}: ${parts.join(' · ')}${more}`;
}

/** One item: its text section and its two buttons (2 blocks). */
export function digestItemBlocks(item: DigestItem, s: DigestStrings, locale: Locale): KnownBlock[] {
  const where = [item.region, shortTitle(item.documentTitle, 30)]
    .filter(Boolean)
    .map((x) => escapeMrkdwn(x!))
    .join(' · ');
  const lines = [
    `${code(item.taskId)} ${where} ${escapeMrkdwn(item.label)}${item.documentExpired ? ` _(${s.digestExpiredDoc})_` : ''}${item.source !== 'policy' ? ` _(${s.digestQuoted[item.source]})_` : ''}`,
    boldQuantity(item.text, item.quantity),
    [
      `${s.digestDue}: ${escapeMrkdwn(duePhrase(item, locale))}`,
      item.departments.length > 0 ? `${s.digestLeads}: ${listNames(item.departments, 4)}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    followupLine(item, s),
  ];
  const actions: ActionsBlock = {
    type: 'actions',
    block_id: `digest:${item.targetId}`.slice(0, MAX_BLOCK_ID),
    elements: [
      // Both carry the target id: ids name any level, so the follow-up lands on this target and the detail view
      // opens on its measure with this target marked.
      button(ACTIONS.ASSIGN_FOLLOWUP, s.digestAssign, item.targetId, 'primary'),
      button(ACTIONS.SHOW_MEASURE, s.digestShow, item.targetId),
    ],
  };
  return [section(lines.join('\n')), actions];
}

function doneLine(d: DoneItem, s: DigestStrings): string {
  const what = d.text ? escapeAndFit(d.text, 120) : code(d.targetId ?? d.taskId ?? d.measureId);
  return `• ${code(d.followupId)} <@${escapeMrkdwn(d.assignee)}> ${s.digestStatus[d.status]} — ${what}`;
}

/** Joins lines into one section text, stopping (with a count) before the section limit. */
function linesSection(headingText: string, lines: string[], more: (n: number) => string): KnownBlock {
  let text = headingText;
  let shown = 0;
  for (const line of lines) {
    const tail = shown + 1 < lines.length ? more(lines.length - shown - 1).length + 1 : 0;
    if (text.length + 1 + line.length + tail > MAX_SECTION_TEXT) break;
    text += `\n${line}`;
    shown++;
  }
  if (shown < lines.length) text += `\n${more(lines.length - shown)}`;
  return section(text);
}

/** `/measures due …` arguments that list what the digest could not fit. */
export function seeAllCommands(d: Digest): { upcoming: string; overdue: string } {
  return { upcoming: `/measures due next ${d.horizonDays}d`, overdue: '/measures due overdue' };
}

/**
 * The digest as one message (the thread parent): header, counts, due-soon items grouped by date, overdue items
 * (most recent first, capped), follow-ups closed since the last digest, and how to see the rest. Always within
 * MAX_BLOCKS_PER_MESSAGE: upcoming items come first, overdue gets what is left (at most `overdueCap`).
 */
export function buildDigestMessage(input: DigestMessageInput): Reply {
  const { digest: d, strings: s, locale } = input;
  const cap = input.overdueCap ?? DIGEST_OVERDUE_CAP;
  const cmds = seeAllCommands(d);
  const head: KnownBlock[] = [
    header(s.digestTitle(d.asOf)),
    context([
      s.digestSummary(d.upcoming.length, d.overdue.length, d.done.length, d.horizonDays),
      ...(input.note ? [input.note] : []),
    ]),
  ];
  const tail: KnownBlock[] = [];
  if (d.done.length > 0) {
    tail.push(
      linesSection(
        s.digestDoneHeading,
        d.done.slice(0, DIGEST_DONE_CAP).map((x) => doneLine(x, s)),
        s.digestMoreDone,
      ),
    );
    if (d.done.length > DIGEST_DONE_CAP) tail.push(context([s.digestMoreDone(d.done.length - DIGEST_DONE_CAP)]));
  }
  tail.push(context([s.digestSeeAll(cmds.upcoming, cmds.overdue)]));

  let budget = MAX_BLOCKS_PER_MESSAGE - head.length - tail.length;
  // Total text is limited too (msg_blocks_too_long): items are ~300–700 characters each.
  let textBudget = MAX_MESSAGE_BLOCK_TEXT - blockTextLength(head) - blockTextLength(tail);
  const moreUpcoming = context([s.digestMoreUpcoming(d.upcoming.length, cmds.upcoming)]);
  const moreOverdue = context([s.digestMoreOverdue(d.overdue.length, cmds.overdue)]);

  // Overdue: heading + items + one "N more" line; keep at least half of the room (blocks and text) for what is
  // due soon.
  const overdue: KnownBlock[] = [];
  if (d.overdue.length > 0) {
    const room = d.upcoming.length > 0 ? Math.floor(budget / 2) : budget - 1;
    const textRoom = d.upcoming.length > 0 ? Math.floor(textBudget / 2) : textBudget;
    const maxShown = Math.max(0, Math.min(cap, d.overdue.length, Math.floor((room - 2) / 2)));
    overdue.push(section(s.digestOverdueHeading(d.overdue.length)));
    let text = blockTextLength(overdue) + blockTextLength([moreOverdue]);
    let shown = 0;
    for (const item of d.overdue.slice(0, maxShown)) {
      const blocks = digestItemBlocks(item, s, locale);
      const t = blockTextLength(blocks);
      if (text + t > textRoom) break;
      overdue.push(...blocks);
      text += t;
      shown++;
    }
    if (shown < d.overdue.length) overdue.push(context([s.digestMoreOverdue(d.overdue.length - shown, cmds.overdue)]));
    budget -= overdue.length;
    textBudget -= blockTextLength(overdue);
  }

  const upcoming: KnownBlock[] = [];
  if (d.upcoming.length === 0) {
    upcoming.push(section(escapeMrkdwn(s.digestNothingDue(d.horizonDays))));
  } else {
    let shown = 0;
    let text = 0;
    const moreText = blockTextLength([moreUpcoming]);
    outer: for (const g of groupByDue(d.upcoming)) {
      const groupHead = section(`*${escapeMrkdwn(g.due)}*`);
      let headed = false;
      for (const item of g.items) {
        const blocks = [...(headed ? [] : [groupHead]), ...digestItemBlocks(item, s, locale)];
        const last = shown + 1 >= d.upcoming.length;
        const t = blockTextLength(blocks);
        if (upcoming.length + blocks.length + (last ? 0 : 1) > budget || text + t + (last ? 0 : moreText) > textBudget)
          break outer;
        upcoming.push(...blocks);
        headed = true;
        text += t;
        shown++;
      }
    }
    if (shown < d.upcoming.length)
      upcoming.push(context([s.digestMoreUpcoming(d.upcoming.length - shown, cmds.upcoming)]));
  }

  const blocks = [...head, ...upcoming, ...overdue, ...tail];
  return reply(s.digestFallback(d.asOf, d.upcoming.length, d.overdue.length), blocks);
}
