import { dateInZone } from '../../lib/dates.ts';
import { defineStrings } from '../../lib/strings.ts';
import type { FollowupStatus } from '../followups/model.ts';
import { duePhrase } from './due-phrase.ts';
import { groupByDue } from './select-digest.ts';
import type { Digest, DigestItem, Locale } from './types.ts';

/** The digest as plain text (CLI output, and the notification fallback of the Slack message). */

const LABELS = defineStrings(
  {
    title: (asOf: string, days: number) => `政策目标周报 · ${asOf}（未来 ${days} 天）`,
    upcoming: '即将到期',
    overdue: (n: number) => `已逾期（${n} 项）`,
    done: '上次周报以来已完成的跟进',
    nothing: '未来几周没有到期的目标。',
    more: (n: number) => `……另有 ${n} 项`,
    expired: '（文件已失效）',
    quoted: '（引述自问答或评论，供参考，非本单位承诺）',
    leads: '牵头',
    followup: '跟进',
    status: {
      open: '待处理',
      in_progress: '进行中',
      done: '已完成',
      blocked: '受阻',
      cancelled: '已取消',
    } satisfies Record<FollowupStatus, string>,
  },
  {
    title: (asOf: string, days: number) => `Policy targets digest · ${asOf} (next ${days} days)`,
    upcoming: 'Due soon',
    overdue: (n: number) => `Overdue (${n})`,
    done: 'Follow-ups closed since the last digest',
    nothing: 'Nothing due in the coming weeks.',
    more: (n: number) => `… and ${n} more`,
    expired: '(document no longer in force)',
    quoted: '(quoted in a Q&A or commentary: context, not our commitment)',
    leads: 'lead',
    followup: 'follow-up',
    status: {
      open: 'open',
      in_progress: 'in progress',
      done: 'done',
      blocked: 'blocked',
      cancelled: 'cancelled',
    } satisfies Record<FollowupStatus, string>,
  },
);

function itemLine(item: DigestItem, locale: Locale): string {
  const l = LABELS[locale];
  const where = [item.region, item.file].filter(Boolean).join(' · ');
  const parts = [`  ${item.taskId} ${item.text} — ${duePhrase(item, locale)}`];
  parts.push(
    `    ${where}${item.label ? ` ${item.label}` : ''}${item.documentExpired ? ` ${l.expired}` : ''}${item.source !== 'policy' ? ` ${l.quoted}` : ''}`,
  );
  if (item.departments.length > 0)
    parts.push(`    ${l.leads}: ${item.departments.join(locale === 'zh' ? '、' : ', ')}`);
  for (const f of item.followups) parts.push(`    ${l.followup} ${f.id}: ${f.assignee} (${l.status[f.status]})`);
  return parts.join('\n');
}

/** `timeZone` (DIGEST_TZ): when follow-ups were closed is shown as a date there, not as a UTC instant. */
export function renderDigestText(d: Digest, locale: Locale, timeZone: string, overdueCap = 10): string {
  const l = LABELS[locale];
  const out: string[] = [l.title(d.asOf, d.horizonDays), ''];
  if (d.upcoming.length === 0 && d.overdue.length === 0 && d.done.length === 0) {
    out.push(l.nothing);
    return `${out.join('\n')}\n`;
  }
  if (d.upcoming.length > 0) {
    out.push(`${l.upcoming}:`);
    for (const g of groupByDue(d.upcoming)) {
      out.push(g.due);
      for (const item of g.items) out.push(itemLine(item, locale));
    }
    out.push('');
  } else {
    out.push(l.nothing, '');
  }
  if (d.overdue.length > 0) {
    out.push(`${l.overdue(d.overdue.length)}:`);
    for (const item of d.overdue.slice(0, overdueCap)) out.push(itemLine(item, locale));
    if (d.overdue.length > overdueCap) out.push(`  ${l.more(d.overdue.length - overdueCap)}`);
    out.push('');
  }
  if (d.done.length > 0) {
    out.push(`${l.done}:`);
    for (const f of d.done) {
      const closed = dateInZone(new Date(f.closedAt), timeZone);
      out.push(`  ${f.followupId} ${l.status[f.status]} ${closed} ${f.assignee}${f.text ? ` — ${f.text}` : ''}`);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
