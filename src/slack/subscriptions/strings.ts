import { defineStrings } from '../../lib/strings.ts';

/** Strings of channel subscriptions (`/measures subscribe`, `subscriptions`, `unsubscribe`). Keys start with `sub`. */
const ZH_WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const EN_WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const subscriptionStrings = defineStrings(
  {
    subEverything: '全部目标',
    subSchedule: (weekday: number, time: string, timeZone: string, horizonDays: number) =>
      `每${ZH_WEEKDAYS[weekday]} ${time}（${timeZone}），未来 ${horizonDays} 天`,
    subCronSchedule: (cron: string, timeZone: string, horizonDays: number) =>
      `按 DIGEST_CRON \`${cron}\`（${timeZone}），未来 ${horizonDays} 天`,
    subSkipEmpty: '无内容不发',
    subChangesOnly: '仅变化',
    subCreated: (id: number, what: string, schedule: string) =>
      `✅ 已订阅 #${id}：${what}\n${schedule}。遇法定节假日顺延到下一个工作日。退订：\`/measures unsubscribe ${id}\``,
    subNone: '本频道还没有订阅。用 `/measures subscribe 地区:天津`（或 `部门:商务`、关键词）订阅每周周报。',
    subListTitle: '本频道的周报订阅',
    subLine: (id: string, what: string, schedule: string, by: string) =>
      `*${id}* ${what} — ${schedule}${by ? ` · <@${by}> 创建` : ''}`,
    subFromConfig: '（DIGEST_CHANNELS 配置）',
    subRemoved: (id: number, what: string) => `已退订 #${id}：${what}`,
    subNotFound: (id: string) => `本频道没有订阅 #${id}。用 \`/measures subscriptions\` 查看编号。`,
    subNotAllowed: (id: number) => `只有订阅 #${id} 的创建者或管理员可以退订。`,
    subUnsubscribeUsage: '用法：`/measures unsubscribe <编号>`，编号见 `/measures subscriptions`。',
    subProblem: {
      bad_time: (v: string) => `“${v}”不是有效时间，请写成 HH:MM，例如 08:30。`,
      bad_horizon: (v: string) => `“${v}”不是有效天数，请写 1–366，例如 \`提前:14\`。`,
      bad_time_zone: (v: string) => `“${v}”不是已知时区，例如 \`时区:Asia/Shanghai\`。`,
      bad_due: (v: string) => `“${v}”不是有效的期限筛选，例如 \`年:2023\`。`,
      bad_kind: (v: string) => `“${v}”不是有效类型，可用 举措、问答、建议。`,
      too_many: (v: string) => `一个频道最多 ${v} 个订阅，请先退订一个。`,
    },
    subHelpLines: [
      '`/measures subscribe [关键词] [部门:…] [地区:…] [类型:…] [现行] [周一 09:00] [提前:28] [无则不发] [仅变化]` — 本频道订阅周报',
      '`/measures subscriptions` — 本频道的订阅 · `/measures unsubscribe <编号>` — 退订',
    ],
  },
  {
    subEverything: 'all targets',
    subSchedule: (weekday: number, time: string, timeZone: string, horizonDays: number) =>
      `${EN_WEEKDAYS[weekday]}s ${time} (${timeZone}), next ${horizonDays} days`,
    subCronSchedule: (cron: string, timeZone: string, horizonDays: number) =>
      `on DIGEST_CRON \`${cron}\` (${timeZone}), next ${horizonDays} days`,
    subSkipEmpty: 'skip empty',
    subChangesOnly: 'changes only',
    subCreated: (id: number, what: string, schedule: string) =>
      `✅ Subscribed #${id}: ${what}\n${schedule}. On a public holiday it moves to the next working day. Unsubscribe: \`/measures unsubscribe ${id}\``,
    subNone:
      'This channel has no subscriptions. Use `/measures subscribe 地区:天津` (or `部门:商务`, keywords) for a weekly digest.',
    subListTitle: 'Digest subscriptions of this channel',
    subLine: (id: string, what: string, schedule: string, by: string) =>
      `*${id}* ${what} — ${schedule}${by ? ` · by <@${by}>` : ''}`,
    subFromConfig: '(DIGEST_CHANNELS setting)',
    subRemoved: (id: number, what: string) => `Unsubscribed #${id}: ${what}`,
    subNotFound: (id: string) =>
      `This channel has no subscription #${id}. See the numbers with \`/measures subscriptions\`.`,
    subNotAllowed: (id: number) => `Only the creator of subscription #${id} or an admin can remove it.`,
    subUnsubscribeUsage: 'Usage: `/measures unsubscribe <number>`, numbers from `/measures subscriptions`.',
    subProblem: {
      bad_time: (v: string) => `“${v}” is not a time; write HH:MM, e.g. 08:30.`,
      bad_horizon: (v: string) => `“${v}” is not a number of days from 1 to 366, e.g. \`horizon:14\`.`,
      bad_time_zone: (v: string) => `“${v}” is not a known time zone, e.g. \`tz:Asia/Shanghai\`.`,
      bad_due: (v: string) => `“${v}” is not a due filter, e.g. \`due:2023\`.`,
      bad_kind: (v: string) => `“${v}” is not a kind; use measure, answer or proposal.`,
      too_many: (v: string) => `A channel can have at most ${v} subscriptions; remove one first.`,
    },
    subHelpLines: [
      '`/measures subscribe [keywords] [dept:…] [region:…] [kind:…] [in-force] [mon 09:00] [horizon:28] [skip-empty] [changes]` — weekly digest for this channel',
      '`/measures subscriptions` — this channel’s subscriptions · `/measures unsubscribe <n>` — remove one',
    ],
  },
);
