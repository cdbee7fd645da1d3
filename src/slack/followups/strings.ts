import type { FollowupEventAction, FollowupStatus } from '../../core/followups/model.ts';
import type { ParseError } from '../../core/followups/parse-command.ts';
import type { ChangeKind, ChangeRefusal } from '../../core/followups/transitions.ts';
import { defineStrings } from '../../lib/strings.ts';

/** Status emoji are not words: one table for both languages. */
const STATUS_EMOJI = { open: '⚪', in_progress: '🔵', done: '✅', blocked: '⛔', cancelled: '✖️' } satisfies Record<
  FollowupStatus,
  string
>;

import { MAX_BLOCKED_REASON_CHARS } from '../../core/followups/limits.ts';

type Refusal = ChangeRefusal;

/** Strings of follow-ups: cards, modals, thread notes, reminders, lists, App Home. Keys start with `fu`. */
export const followupStrings = defineStrings(
  {
    fuStatus: {
      open: '待处理',
      in_progress: '进行中',
      done: '已完成',
      blocked: '受阻',
      cancelled: '已取消',
    } satisfies Record<FollowupStatus, string>,
    fuStatusEmoji: STATUS_EMOJI,
    fuAssignButton: '指派跟进',
    fuStart: '开始',
    fuDone: '完成',
    fuBlocked: '受阻',
    fuCancel: '取消',
    fuReopen: '重新打开',
    fuChangeDue: '修改期限',
    fuModalTitle: '指派跟进',
    fuModalSubmit: '指派',
    fuModalClose: '取消',
    fuModalItem: (id: string, title: string) => `*${id}* ${title}`,
    fuModalItemFromMessage: '跟进将保留在所选消息的线程中。',
    fuModalItemId: '举措 / 任务 / 目标编号',
    fuModalItemIdHint: '搜索结果中显示的编号：举措（…-4）、任务（…-4.1）或目标（…-4.1.t1）',
    fuAssignee: '负责人',
    fuDue: '期限',
    fuNote: '备注',
    fuBlockedTitle: '标记为受阻',
    fuBlockedReason: '受阻原因',
    fuDueTitle: '修改期限',
    fuSave: '保存',
    fuCardTitle: (id: string) => `跟进 ${id}`,
    fuCardLine: (assignee: string, due: string) => `负责人 ${assignee} · 期限 ${due}`,
    fuNoDue: '未定',
    fuOverdue: '已逾期',
    fuMeasureMissing: '（该举措已不在索引中）',
    fuBlockedBecause: (reason: string) => `受阻原因：${reason}`,
    fuCreatedBy: (user: string) => `由 <@${user}> 指派`,
    fuCreatedNote: (id: string, assignee: string, actor: string) => `<@${actor}> 将跟进 ${id} 指派给 <@${assignee}>`,
    fuChangedNote: {
      start: (id: string, actor: string) => `<@${actor}> 开始处理 ${id}`,
      done: (id: string, actor: string) => `<@${actor}> 将 ${id} 标记为完成 ✅`,
      block: (id: string, actor: string) => `<@${actor}> 将 ${id} 标记为受阻 ⛔`,
      cancel: (id: string, actor: string) => `<@${actor}> 取消了 ${id}`,
      reopen: (id: string, actor: string) => `<@${actor}> 重新打开了 ${id}`,
      due: (id: string, actor: string) => `<@${actor}> 修改了 ${id} 的期限`,
      reassign: (id: string, actor: string) => `<@${actor}> 转交了 ${id}`,
    } satisfies Record<ChangeKind, (id: string, actor: string) => string>,
    fuNowDue: (due: string) => `新期限：${due}`,
    fuNowAssignee: (user: string) => `新负责人：<@${user}>`,
    fuReassignedTo: (id: string, actor: string, user: string) => `<@${actor}> 将 ${id} 转交给 <@${user}>`,
    fuDm: (id: string, actor: string, title: string, link: string) =>
      `<@${actor}> 指派给你一项跟进 ${id}：${title}${link ? `\n<${link}|打开线程>` : ''}`,
    fuReminder: (id: string, title: string, due: string, overdue: boolean, link: string, workingDays: number) =>
      `⏰ 跟进 ${id}「${title}」${overdue ? `已于 ${due} 逾期（${workingDays} 个工作日）` : `将于 ${due} 到期（还有 ${workingDays} 个工作日）`}${link ? `\n<${link}|打开线程>` : ''}`,
    fuForbidden: (id: string) => `抱歉，只有负责人、指派人或管理员可以修改跟进 ${id}。`,
    fuRefused: {
      not_allowed_from_status: (status: string) => `当前状态（${status}）下不能这样修改。`,
      unchanged: (status: string) => `已是“${status}”状态。`,
      closed: () => '该跟进已关闭，请先重新打开。',
      empty_reason: () => '请填写受阻原因。',
      reason_too_long: () => `受阻原因过长（最多 ${MAX_BLOCKED_REASON_CHARS} 个字符），请缩短后再试。`,
    } satisfies Record<Refusal, (status: string) => string>,
    fuNotFound: (id: string) => `没有找到跟进 ${id}。`,
    fuNoThreadFollowup: '这个线程里没有跟进。请写明编号，例如 `@我 done F3`。',
    fuAmbiguous: (ids: string) => `这个线程里有多个跟进（${ids}），请写明编号，例如 \`done F3\`。`,
    fuUnknownItem: (id: string) => `没有找到编号为 \`${id}\` 的举措、任务或目标。`,
    fuNeedItem: '请写明举措编号，例如 `assign {id} @某人 {date}`。',
    fuParseError: {
      empty: '请告诉我要做什么，例如 `assign {id} @某人 {date} 备注`、`done`、`blocked 原因`。',
      unknown_verb: '不认识这个指令。可用：assign、start、done、blocked、due、reassign、cancel、reopen、repost。',
      missing_user: '请 @提及负责人（若在 /measures 中提及无效，请管理员在应用设置中开启“转义用户名”）。',
      bad_date: '日期格式应为 YYYY-MM-DD，例如 {date}。',
      missing_date: '请写上新期限，例如 `due {date}`。',
      missing_reason: '请写上受阻原因，例如 `blocked 等待数据`。',
    } satisfies Record<ParseError, string>,
    fuHelp: [
      '`@我 assign {id} @某人 {date} 备注` — 指派跟进（在举措消息的线程中可省略编号）',
      '`@我 start` / `done` / `cancel` / `reopen` — 修改线程中跟进的状态',
      '`@我 blocked 等待数据 F2` / `due {date} F2` / `reassign @某人 F2` / `repost F2` — 跟进编号可写在任意位置，在跟进线程中可省略',
      '`/measures followups [mine | @某人 | overdue | all | done]` — 列出跟进',
    ].join('\n'),
    fuAssignHelp:
      '`/measures assign {id} @某人 {date} 备注` — 指派跟进（在线程中请 @我 assign …，或用消息快捷方式“指派跟进”）',
    fuListHelp:
      '`/measures followups [mine | @某人 | overdue | all | done]` — 列出跟进（未完成的；`done` 列出已完成的）',
    fuAssigned: (id: string) => `已创建跟进 ${id}。`,
    fuAlreadyAssigned: (id: string) => `跟进 ${id} 已存在。`,
    fuDuplicate: (id: string, assignee: string, status: string) =>
      `这一项已有未完成的跟进 ${id}（负责人 <@${assignee}>，${status}），没有再建一个。要换人请 \`@我 reassign @某人 ${id}\`；要改期限请 \`@我 due <日期> ${id}\`。`,
    fuDueDefaulted: (id: string, targetDue: string, due: string) =>
      `注意：文件中的目标日期 ${targetDue} 已过，跟进 ${id} 的期限定为 ${due}（两周后）。要改请 \`@我 due <日期> ${id}\`。`,
    fuDueInPast: (id: string, due: string) =>
      `注意：跟进 ${id} 的期限 ${due} 已经过去，它一开始就是逾期的。要改请 \`@我 due <日期> ${id}\`。`,
    fuSlackFailed: (id: string, error: string) =>
      `跟进 ${id} 已保存，但发送 Slack 消息失败（${error}）。请先邀请我加入频道（\`/invite @我\`），再在 \`/measures followups\` 中点“重新发送”，或在频道中写 \`@我 repost ${id}\`。不要重新指派：那会产生重复的跟进。`,
    fuDmFailed: (id: string, user: string, error: string) =>
      `跟进 ${id} 已保存，卡片也已更新，但未能私信通知 <@${user}>（${error}）。请直接告诉对方；对方也可在 \`/measures followups\` 中看到它。`,
    fuNoteFailed: (id: string, error: string) =>
      `跟进 ${id} 已保存，卡片也已更新，但未能在线程中发布说明（${error}）。`,
    fuReposted: (id: string) => `已重新发送跟进 ${id}。`,
    fuRepostButton: '重新发送',
    fuNotPosted: (error: string) => `⚠️ 未能发送到 Slack（${error}）`,
    fuListTitle: (scope: string) => scope,
    fuScopes: {
      mine: '我的跟进',
      user: (u: string) => `<@${u}> 的跟进`,
      overdue: '已逾期的跟进',
      all: '全部未完成的跟进（待处理、进行中、受阻）',
      done: '已完成的跟进',
    },
    fuListEmpty: '没有跟进。',
    fuHomeTitle: '我的跟进',
    fuHomeEmpty: '目前没有指派给你的跟进。',
    fuSection: '跟进',
    fuHistory: '历史',
    fuColon: '：',
    fuEvent: {
      created: '创建并指派给',
      status: '状态',
      due: '期限',
      reassign: '转交',
      note: '备注',
      reminded: '提醒',
      escalated: '升级提醒',
      slack_error: 'Slack 发送失败',
    } satisfies Record<FollowupEventAction, string>,
    fuAndMore: (n: number) => `还有 ${n} 条未显示`,
    // The escalation ladder of an overdue follow-up (DM, thread reply to the creator, channel post).
    escDm: (id: string, title: string, due: string, days: number, link: string) =>
      `⏰ 跟进 ${id}「${title}」已于 ${due} 到期，逾期 ${days} 个工作日，请更新状态或期限。${link ? `\n<${link}|打开线程>` : ''}`,
    escThread: (id: string, creator: string, assignee: string, due: string, days: number) =>
      `<@${creator}> 跟进 ${id} 已逾期 ${days} 个工作日（期限 ${due}），负责人 <@${assignee}> 尚未完成。`,
    escChannel: (id: string, title: string, assignee: string, due: string, days: number, link: string) =>
      `⚠️ 跟进 ${id}「${title}」已逾期 ${days} 个工作日（期限 ${due}，负责人 <@${assignee}>）。${link ? `\n<${link}|打开线程>` : ''}`,
  },
  {
    fuStatus: {
      open: 'Open',
      in_progress: 'In progress',
      done: 'Done',
      blocked: 'Blocked',
      cancelled: 'Cancelled',
    } satisfies Record<FollowupStatus, string>,
    fuStatusEmoji: STATUS_EMOJI,
    fuAssignButton: 'Assign follow-up',
    fuStart: 'Start',
    fuDone: 'Done',
    fuBlocked: 'Blocked',
    fuCancel: 'Cancel',
    fuReopen: 'Reopen',
    fuChangeDue: 'Change due date',
    fuModalTitle: 'Assign follow-up',
    fuModalSubmit: 'Assign',
    fuModalClose: 'Cancel',
    fuModalItem: (id: string, title: string) => `*${id}* ${title}`,
    fuModalItemFromMessage: 'The follow-up will stay in the thread of the message you picked.',
    fuModalItemId: 'Measure / task / target id',
    fuModalItemIdHint: 'The id shown in search results: a measure (…-4), a task (…-4.1) or a target (…-4.1.t1)',
    fuAssignee: 'Assignee',
    fuDue: 'Due',
    fuNote: 'Note',
    fuBlockedTitle: 'Mark as blocked',
    fuBlockedReason: 'What is blocking it?',
    fuDueTitle: 'Change due date',
    fuSave: 'Save',
    fuCardTitle: (id: string) => `Follow-up ${id}`,
    fuCardLine: (assignee: string, due: string) => `Assignee ${assignee} · due ${due}`,
    fuNoDue: 'not set',
    fuOverdue: 'overdue',
    fuMeasureMissing: '(this measure is no longer in the index)',
    fuBlockedBecause: (reason: string) => `Blocked: ${reason}`,
    fuCreatedBy: (user: string) => `Assigned by <@${user}>`,
    fuCreatedNote: (id: string, assignee: string, actor: string) => `<@${actor}> assigned ${id} to <@${assignee}>`,
    fuChangedNote: {
      start: (id: string, actor: string) => `<@${actor}> started ${id}`,
      done: (id: string, actor: string) => `<@${actor}> marked ${id} done ✅`,
      block: (id: string, actor: string) => `<@${actor}> marked ${id} blocked ⛔`,
      cancel: (id: string, actor: string) => `<@${actor}> cancelled ${id}`,
      reopen: (id: string, actor: string) => `<@${actor}> reopened ${id}`,
      due: (id: string, actor: string) => `<@${actor}> changed the due date of ${id}`,
      reassign: (id: string, actor: string) => `<@${actor}> reassigned ${id}`,
    },
    fuNowDue: (due: string) => `New due date: ${due}`,
    fuNowAssignee: (user: string) => `New assignee: <@${user}>`,
    fuReassignedTo: (id: string, actor: string, user: string) => `<@${actor}> handed ${id} over to <@${user}>`,
    fuDm: (id: string, actor: string, title: string, link: string) =>
      `<@${actor}> assigned you follow-up ${id}: ${title}${link ? `\n<${link}|Open the thread>` : ''}`,
    fuReminder: (id: string, title: string, due: string, overdue: boolean, link: string, workingDays: number) =>
      `⏰ Follow-up ${id} “${title}” ${overdue ? `was due ${due} (${workingDays} working day${workingDays === 1 ? '' : 's'} ago)` : `is due ${due} (in ${workingDays} working day${workingDays === 1 ? '' : 's'})`}${link ? `\n<${link}|Open the thread>` : ''}`,
    fuForbidden: (id: string) =>
      `Sorry, only the assignee, whoever assigned it or an admin can change follow-up ${id}.`,
    fuRefused: {
      not_allowed_from_status: (status: string) => `That change is not possible while it is ${status}.`,
      unchanged: (status: string) => `is already ${status.toLowerCase()}.`,
      closed: () => 'This follow-up is closed; reopen it first.',
      empty_reason: () => 'Please say what is blocking it.',
      reason_too_long: () =>
        `That reason is too long (at most ${MAX_BLOCKED_REASON_CHARS} characters). Please shorten it.`,
    } satisfies Record<Refusal, (status: string) => string>,
    fuNotFound: (id: string) => `There is no follow-up ${id}.`,
    fuNoThreadFollowup: 'There is no follow-up in this thread. Name one, e.g. `@me done F3`.',
    fuAmbiguous: (ids: string) => `This thread has several follow-ups (${ids}); name one, e.g. \`done F3\`.`,
    fuUnknownItem: (id: string) => `No measure, task or target has the id \`${id}\`.`,
    fuNeedItem: 'Please name the measure, e.g. `assign {id} @someone {date}`.',
    fuParseError: {
      empty: 'Tell me what to do, e.g. `assign {id} @someone {date} note`, `done`, `blocked reason`.',
      unknown_verb: 'I do not know that one. Try: assign, start, done, blocked, due, reassign, cancel, reopen, repost.',
      missing_user:
        'Please @mention the assignee (if mentions do not work in /measures, an admin must enable "Escape channels, users, and links").',
      bad_date: 'Dates look like YYYY-MM-DD, e.g. {date}.',
      missing_date: 'Please give the new due date, e.g. `due {date}`.',
      missing_reason: 'Please say what is blocking it, e.g. `blocked waiting for data`.',
    } satisfies Record<ParseError, string>,
    fuHelp: [
      '`@me assign {id} @someone {date} note` — assign a follow-up (the id may be left out under a measure message)',
      '`@me start` / `done` / `cancel` / `reopen` — change the thread’s follow-up',
      '`@me blocked waiting for data F2` / `due {date} F2` / `reassign @someone F2` / `repost F2` — the follow-up id may stand anywhere, and be left out in its thread',
      '`/measures followups [mine | @someone | overdue | all | done]` — list follow-ups',
    ].join('\n'),
    fuAssignHelp:
      '`/measures assign {id} @someone {date} note` — assign a follow-up (in threads: @me assign …, or the “Assign follow-up” message shortcut)',
    fuListHelp:
      '`/measures followups [mine | @someone | overdue | all | done]` — list open follow-ups (`done`: finished ones)',
    fuAssigned: (id: string) => `Follow-up ${id} created.`,
    fuAlreadyAssigned: (id: string) => `Follow-up ${id} already exists.`,
    fuDuplicate: (id: string, assignee: string, status: string) =>
      `This item already has an unfinished follow-up, ${id} (<@${assignee}>, ${status.toLowerCase()}), so no second one was made. To hand it over: \`@me reassign @someone ${id}\`; to change its date: \`@me due <date> ${id}\`.`,
    fuDueDefaulted: (id: string, targetDue: string, due: string) =>
      `Note: the document's target date ${targetDue} has passed, so follow-up ${id} is due ${due} (in two weeks). To change it: \`@me due <date> ${id}\`.`,
    fuDueInPast: (id: string, due: string) =>
      `Note: follow-up ${id} is due ${due}, which has already passed, so it starts overdue. To change it: \`@me due <date> ${id}\`.`,
    fuSlackFailed: (id: string, error: string) =>
      `Follow-up ${id} is saved, but posting to Slack failed (${error}). Invite me to the channel (\`/invite @me\`), then press “Re-post” in \`/measures followups\` or write \`@me repost ${id}\` there. Do not assign it again: that would make a duplicate.`,
    fuDmFailed: (id: string, user: string, error: string) =>
      `Follow-up ${id} is saved and its card is up to date, but I could not DM <@${user}> (${error}). Please tell them; they can also find it under \`/measures followups\`.`,
    fuNoteFailed: (id: string, error: string) =>
      `Follow-up ${id} is saved and its card is up to date, but the note in the thread could not be posted (${error}).`,
    fuReposted: (id: string) => `Follow-up ${id} posted again.`,
    fuRepostButton: 'Re-post',
    fuNotPosted: (error: string) => `⚠️ not posted to Slack (${error})`,
    fuListTitle: (scope: string) => `Follow-ups: ${scope}`,
    fuScopes: {
      mine: 'mine',
      user: (u: string) => `<@${u}>’s`,
      overdue: 'overdue',
      all: 'all not finished (open, in progress, blocked)',
      done: 'done',
    },
    fuListEmpty: 'No follow-ups.',
    fuHomeTitle: 'My follow-ups',
    fuHomeEmpty: 'Nothing is assigned to you right now.',
    fuSection: 'Follow-ups',
    fuHistory: 'History',
    fuColon: ': ',
    fuEvent: {
      created: 'created, assigned to',
      status: 'status',
      due: 'due date',
      reassign: 'reassigned',
      note: 'note',
      reminded: 'reminded',
      escalated: 'escalated',
      slack_error: 'Slack post failed',
    },
    fuAndMore: (n: number) => `${n} more not shown`,
    escDm: (id: string, title: string, due: string, days: number, link: string) =>
      `⏰ Follow-up ${id} “${title}” was due ${due} and is ${days} working day${days === 1 ? '' : 's'} overdue. Please update its status or due date.${link ? `\n<${link}|Open thread>` : ''}`,
    escThread: (id: string, creator: string, assignee: string, due: string, days: number) =>
      `<@${creator}> follow-up ${id} is ${days} working day${days === 1 ? '' : 's'} overdue (due ${due}); <@${assignee}> has not finished it.`,
    escChannel: (id: string, title: string, assignee: string, due: string, days: number, link: string) =>
      `⚠️ Follow-up ${id} “${title}” is ${days} working day${days === 1 ? '' : 's'} overdue (due ${due}, owner <@${assignee}>).${link ? `\n<${link}|Open thread>` : ''}`,
  },
);

export type FollowupStrings = typeof followupStrings.zh;
