import type { DueLike } from '../../core/digest/due-phrase.ts';
import { daysBetween } from '../../lib/dates.ts';
import type { Strings } from '../strings.ts';
import { escapeMrkdwn, truncate } from './mrkdwn.ts';

/** Shared display helpers for measure-shaped data. All output is escaped mrkdwn. */

/** Policy titles are long (关于印发…的通知); keep the part people recognise. */
export function shortTitle(title: string, max = 40): string {
  const inner = title.match(/《([^》]+)》/)?.[1];
  return truncate(inner ?? title, max);
}

export function code(id: string): string {
  return `\`${id.replace(/`/g, "'")}\``;
}

export function dueText(target: DueLike, today: string, s: Strings): string {
  const days = daysBetween(today, target.due);
  const when = days < 0 ? `⚠️ ${s.overdue}` : days === 0 ? s.dueToday : s.upcoming(days);
  return `${escapeMrkdwn(s.duePhrase(target))}（${when}）`;
}

export function listNames(names: string[], max = 6): string {
  const shown = names.slice(0, max).map(escapeMrkdwn).join('、');
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}
