import { defineStrings } from '../../lib/strings.ts';
import { followupStrings } from '../followups/strings.ts';

/** Strings of the weekly digest (scheduled post and `/measures digest` preview). Keys start with `digest`. */
export const digestStrings = defineStrings(
  {
    digestTitle: (asOf: string) => `📅 政策目标周报 · ${asOf}`,
    digestSummary: (upcoming: number, overdue: number, done: number, days: number) =>
      `未来 ${days} 天到期目标 *${upcoming}* 个 · 已逾期目标 *${overdue}* 个 · 上次周报以来完成跟进 *${done}* 项`,
    digestFallback: (asOf: string, upcoming: number, overdue: number) =>
      `政策目标周报 ${asOf}：即将到期 ${upcoming} 项，已逾期 ${overdue} 项`,
    digestNothingDue: (days: number) => `未来 ${days} 天没有到期的目标。`,
    digestOverdueHeading: (n: number) => `*⚠️ 已逾期（${n} 项，最近到期的在前）*`,
    digestDoneHeading: '*✅ 上次周报以来已完成的跟进*',
    digestMoreUpcoming: (n: number, cmd: string) => `还有 ${n} 项即将到期的目标未显示，用 \`${cmd}\` 查看全部。`,
    digestMoreOverdue: (n: number, cmd: string) => `另有 ${n} 项逾期目标，用 \`${cmd}\` 查看全部。`,
    digestMoreDone: (n: number) => `另有 ${n} 项已完成。`,
    digestSeeAll: (upcomingCmd: string, overdueCmd: string) =>
      `完整列表：\`${upcomingCmd}\` · \`${overdueCmd}\` · 在本消息的线程中讨论`,
    digestLeads: '牵头',
    digestDue: '时限',
    digestExpiredDoc: '文件已失效',
    /** A target quoted in a Q&A answer or a commentary: background, not the team's commitment. */
    digestQuoted: {
      qa: '问答中引述的目标，供参考，非本单位承诺',
      commentary: '评论中引述的目标，供参考，非本单位承诺',
    },
    digestFollowup: '跟进',
    digestNoFollowup: '尚无跟进人',
    /** A follow-up's state reads the same in the digest as on its card. */
    digestStatus: followupStrings.zh.fuStatus,
    digestAssign: '指派跟进',
    digestShow: '查看',
    digestPreviewNote: '预览仅你可见；定时周报会发到配置的频道。',
    digestHelpLine: '`/measures digest` / `digest {date}` — 预览每周到期与逾期目标周报（仅你可见）',
    digestBadDate: (arg: string) => `“${arg}”不是有效日期，请写成 YYYY-MM-DD，例如 \`/measures digest {date}\`。`,
  },
  {
    digestTitle: (asOf: string) => `📅 Policy targets digest · ${asOf}`,
    digestSummary: (upcoming: number, overdue: number, done: number, days: number) =>
      `Targets due in the next ${days} days: *${upcoming}* · overdue targets: *${overdue}* · follow-ups closed since the last digest: *${done}*`,
    digestFallback: (asOf: string, upcoming: number, overdue: number) =>
      `Policy targets digest ${asOf}: ${upcoming} due soon, ${overdue} overdue`,
    digestNothingDue: (days: number) => `Nothing due in the next ${days} days.`,
    digestOverdueHeading: (n: number) => `*⚠️ Overdue (${n}, most recent first)*`,
    digestDoneHeading: '*✅ Follow-ups closed since the last digest*',
    digestMoreUpcoming: (n: number, cmd: string) => `${n} more due soon not shown; see them all with \`${cmd}\`.`,
    digestMoreOverdue: (n: number, cmd: string) => `And ${n} more overdue; see them all with \`${cmd}\`.`,
    digestMoreDone: (n: number) => `And ${n} more closed.`,
    digestSeeAll: (upcomingCmd: string, overdueCmd: string) =>
      `Full lists: \`${upcomingCmd}\` · \`${overdueCmd}\` · discuss in this message's thread`,
    digestLeads: 'Lead',
    digestDue: 'Due',
    digestExpiredDoc: 'document no longer in force',
    digestQuoted: {
      qa: 'quoted in a Q&A answer: context, not our commitment',
      commentary: 'quoted in a commentary: context, not our commitment',
    },
    digestFollowup: 'Follow-up',
    digestNoFollowup: 'no owner yet',
    digestStatus: followupStrings.en.fuStatus,
    digestAssign: 'Assign follow-up',
    digestShow: 'Show',
    digestPreviewNote: 'Preview visible only to you; the scheduled digest goes to the configured channels.',
    digestHelpLine:
      '`/measures digest` / `digest {date}` — preview the weekly digest of due and overdue targets (only you see it)',
    digestBadDate: (arg: string) => `"${arg}" is not a date; write YYYY-MM-DD, e.g. \`/measures digest {date}\`.`,
  },
);

export type DigestStrings = typeof digestStrings.zh;
