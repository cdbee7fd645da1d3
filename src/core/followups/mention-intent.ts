import type { ParseResult } from './parse-command.ts';

/**
 * Whether an @mention is a follow-up command or something else (a search, `due next 90d`, `help`). Words like
 * `due`, `期限`, `完成` and `开始` are also search words, so a mention is a follow-up command only when it parses as
 * one fully and names its follow-up (an F<n> id, or a thread that has one); `assign` always is (it is not a
 * search word and the thread gives the item). A mention that starts with a follow-up verb but does not parse is
 * answered with the parse error only inside a follow-up thread; elsewhere it is searched.
 */
export type MentionIntent = 'followup' | 'followup_error' | 'other';

export function mentionIntent(parsed: ParseResult, ctx: { threadHasFollowup: boolean }): MentionIntent {
  if (!parsed.ok) {
    if (parsed.error === 'empty' || parsed.error === 'unknown_verb') return 'other';
    return ctx.threadHasFollowup ? 'followup_error' : 'other';
  }
  const cmd = parsed.command;
  switch (cmd.kind) {
    case 'help':
      return 'other';
    case 'assign':
      return 'followup';
    case 'change':
    case 'repost':
      return cmd.followupId !== null || ctx.threadHasFollowup ? 'followup' : 'other';
  }
}
