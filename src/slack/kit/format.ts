import type { DueLike } from '../../core/digest/due-phrase.ts';
import { daysBetween } from '../../lib/dates.ts';
import type { Strings } from '../strings.ts';
import { escapeMrkdwn, truncate } from './mrkdwn.ts';

/** Shared display helpers for measure-shaped data. All output is escaped mrkdwn. */

/** Policy titles are long (关于印发…的通知); keep the part people recognise. */
export function shortTitle(title: string, max = 40): string {
  const inner = title.match(/《([^》]+)》/)?.[1] ?? title;
  if (inner.length <= max) return inner;
  // Cut where a reader would: before a bracket or after a clause mark, never inside （2021—2025年） or a number.
  const cut = truncate(inner, max).slice(0, -1);
  const open = Math.max(cut.lastIndexOf('（'), cut.lastIndexOf('('));
  const closed = Math.max(cut.lastIndexOf('）'), cut.lastIndexOf(')'));
  let end = open > closed ? open : cut.length;
  while (end > max / 2 && /[\d\-—–年月日.]/.test(cut[end - 1]!) && /[\d\-—–年月日.]/.test(inner[end] ?? '')) end--;
  return `${(end > max / 2 ? cut.slice(0, end) : cut).replace(/[、，,\s]+$/, '')}…`;
}

export function code(id: string): string {
  return `\`${id.replace(/`/g, "'")}\``;
}

export function dueText(target: DueLike, today: string, s: Strings): string {
  const days = daysBetween(today, target.due);
  const when = days < 0 ? `⚠️ ${s.overdue}` : days === 0 ? s.dueToday : s.upcoming(days);
  return `${escapeMrkdwn(s.duePhrase(target))}${s.inParens(when)}`;
}

export function listNames(names: string[], max = 6): string {
  const shown = names.slice(0, max).map(escapeMrkdwn).join('、');
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}
