import {
  commandTokens,
  type FollowupVerb,
  followupVerb,
  isFollowupId,
  type ParseResult,
  parseDate,
  parseFollowupCommand,
} from './parse-command.ts';

/**
 * Whether an @mention is a follow-up command or something else (a search, `due next 90d`, `help`). Words like
 * `due`, `期限`, `完成` and `开始` are also search words, so a mention is a follow-up command only when it parses as
 * one fully and names its follow-up (an F<n> id, or a thread that has one); `assign` always is (it is not a
 * search word and the thread gives the item).
 *
 * Inside a follow-up thread (every digest thread after one assignment) searches must still work: a verb whose
 * argument is neither what it takes nor an F<n> id is a search or subcommand — `due next 28d`, `期限 2023年`,
 * `完成 情况`, `开始 时间`. A follow-up verb that does not parse otherwise (`blocked` without a reason, `due` alone)
 * is answered with the parse error inside a follow-up thread; elsewhere it is searched.
 */
export type MentionIntent = 'followup' | 'followup_error' | 'other';

export interface MentionDecision {
  intent: MentionIntent;
  parsed: ParseResult;
}

/**
 * Verb words nobody searches for: a mention starting with one is always a follow-up command (or its error),
 * never a search. 取消 and 重发 are not among them (取消限购, 重发通知 are searched).
 */
const COMMAND_ONLY = new Set([
  'assign',
  '指派',
  '分配',
  'blocked',
  'block',
  '受阻',
  '阻塞',
  'reassign',
  '转交',
  '改派',
  'cancel',
  'reopen',
  '重开',
  '重新打开',
]);

/** Verbs that take nothing but an optional F<n>: anything else after them makes the mention a search. */
const NO_ARGUMENT: ReadonlySet<FollowupVerb> = new Set(['start', 'done', 'cancel', 'reopen', 'repost']);

/**
 * True when the words after the verb are not a follow-up command's argument, so the mention is a search:
 * no F<n> named (anywhere), and either a no-argument verb followed by words, or `due` followed by something not a date.
 */
function searchShaped(verb: FollowupVerb, args: string[]): boolean {
  const [first] = args;
  if (first === undefined || args.some(isFollowupId)) return false;
  if (NO_ARGUMENT.has(verb)) return true;
  if (verb === 'due') return !args.some((a) => parseDate(a) !== null);
  return false;
}

export function mentionIntent(text: string, ctx: { threadHasFollowup: boolean }): MentionDecision {
  const parsed = parseFollowupCommand(text);
  const decide = (intent: MentionIntent): MentionDecision => ({ intent, parsed });
  const [word, ...args] = commandTokens(text);
  const verb = word === undefined ? undefined : followupVerb(word);
  if (verb === undefined || verb === 'help') return decide('other');
  const commandOnly = COMMAND_ONLY.has(word!.toLowerCase());
  if (!commandOnly && searchShaped(verb, args)) return decide('other');
  // Naming an F<n> makes a broken command clearly about that follow-up, wherever it is written.
  const namesFollowup = args.some(isFollowupId);
  if (!parsed.ok) return decide(ctx.threadHasFollowup || namesFollowup || commandOnly ? 'followup_error' : 'other');
  const cmd = parsed.command;
  switch (cmd.kind) {
    case 'help':
      return decide('other');
    case 'assign':
      return decide('followup');
    case 'change':
    case 'repost':
      return decide(cmd.followupId !== null || ctx.threadHasFollowup || commandOnly ? 'followup' : 'other');
  }
}
