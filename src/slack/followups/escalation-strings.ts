import { defineStrings } from '../../lib/strings.ts';

/** Strings of the escalation ladder of overdue follow-ups. Keys start with `esc`. */
export const escalationStrings = defineStrings(
  {
    escDm: (id: string, title: string, due: string, days: number, link: string) =>
      `⏰ 跟进 ${id}「${title}」已于 ${due} 到期，逾期 ${days} 个工作日，请更新状态或期限。${link ? `\n<${link}|打开线程>` : ''}`,
    escThread: (id: string, creator: string, assignee: string, due: string, days: number) =>
      `<@${creator}> 跟进 ${id} 已逾期 ${days} 个工作日（期限 ${due}），负责人 <@${assignee}> 尚未完成。`,
    escChannel: (id: string, title: string, assignee: string, due: string, days: number, link: string) =>
      `⚠️ 跟进 ${id}「${title}」已逾期 ${days} 个工作日（期限 ${due}，负责人 <@${assignee}>）。${link ? `\n<${link}|打开线程>` : ''}`,
  },
  {
    escDm: (id: string, title: string, due: string, days: number, link: string) =>
      `⏰ Follow-up ${id} “${title}” was due ${due} and is ${days} working day${days === 1 ? '' : 's'} overdue. Please update its status or due date.${link ? `\n<${link}|Open thread>` : ''}`,
    escThread: (id: string, creator: string, assignee: string, due: string, days: number) =>
      `<@${creator}> follow-up ${id} is ${days} working day${days === 1 ? '' : 's'} overdue (due ${due}); <@${assignee}> has not finished it.`,
    escChannel: (id: string, title: string, assignee: string, due: string, days: number, link: string) =>
      `⚠️ Follow-up ${id} “${title}” is ${days} working day${days === 1 ? '' : 's'} overdue (due ${due}, owner <@${assignee}>).${link ? `\n<${link}|Open thread>` : ''}`,
  },
);
