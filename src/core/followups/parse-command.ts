import { isIsoDate } from '../../lib/dates.ts';
import { ID_PATTERN } from '../ids.ts';
import type { FollowupChange } from './transitions.ts';

/**
 * Parses what people type to the bot about follow-ups, in a mention (`@bot done`) or after `/measures`:
 *   assign [<item id>] @user [YYYY-MM-DD] [note]
 *   start | done | cancel | reopen [F<n>]
 *   blocked [F<n>] <reason>
 *   due [F<n>] <date>
 *   reassign [F<n>] @user
 *   repost [F<n>]                     (post the card again after a Slack failure)
 * The verb comes first; the rest may come in any order people write them (`blocked 等待数据 F2`,
 * `reassign @li F2`, `due 2027-06-30 F2`, `assign @wang z8wv-4.1`): the first F<n>, user mention and date are
 * taken wherever they stand.
 * Slack sends user mentions as `<@U123>` or `<@U123|name>`. Chinese verbs are accepted too (完成, 受阻…).
 * The text must already be decoded from Slack's entities (&amp; &lt; &gt;): callers use decodeSlackEntities.
 */

export type FollowupCommand =
  | { kind: 'assign'; itemId: string | null; assignee: string; due: string | null; note: string | null }
  | { kind: 'change'; followupId: string | null; change: FollowupChange }
  | { kind: 'repost'; followupId: string | null }
  | { kind: 'help' };

export type ParseError = 'empty' | 'unknown_verb' | 'missing_user' | 'bad_date' | 'missing_date' | 'missing_reason';

export type ParseResult = { ok: true; command: FollowupCommand } | { ok: false; error: ParseError; verb?: string };

export type FollowupVerb =
  | 'assign'
  | 'start'
  | 'done'
  | 'cancel'
  | 'reopen'
  | 'blocked'
  | 'due'
  | 'reassign'
  | 'repost'
  | 'help';

/** The one verb table: the parser and the mention router both read it (via followupVerb). */
const VERBS: Record<string, FollowupVerb> = {
  assign: 'assign',
  指派: 'assign',
  分配: 'assign',
  start: 'start',
  开始: 'start',
  done: 'done',
  完成: 'done',
  cancel: 'cancel',
  取消: 'cancel',
  reopen: 'reopen',
  重开: 'reopen',
  重新打开: 'reopen',
  blocked: 'blocked',
  block: 'blocked',
  受阻: 'blocked',
  阻塞: 'blocked',
  due: 'due',
  截止: 'due',
  期限: 'due',
  reassign: 'reassign',
  转交: 'reassign',
  改派: 'reassign',
  repost: 'repost',
  重发: 'repost',
  重新发送: 'repost',
  help: 'help',
  帮助: 'help',
};

/** The follow-up verb a word names (case-insensitive), or undefined. */
export function followupVerb(word: string): FollowupVerb | undefined {
  return Object.hasOwn(VERBS, word.toLowerCase()) ? VERBS[word.toLowerCase()] : undefined;
}

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const FOLLOWUP_ID = /^F\d+$/i;

/** The Slack user id in `<@U123>` / `<@U123|name>`, or null. */
export function parseUserMention(token: string): string | null {
  return MENTION.exec(token)?.[1] ?? null;
}

/** Accepts 2024-06-30, 2024/6/30, 2024.6.30 and 2024年6月30日 (full-width digits too); returns YYYY-MM-DD or null. */
export function parseDate(token: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(token.normalize('NFKC'));
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function looksLikeDate(token: string): boolean {
  return /^\d{4}[-/.年]/.test(token.normalize('NFKC'));
}

function normalizeFollowupId(token: string): string {
  return token.toUpperCase();
}

/** Removes and returns the first token that passes `test`, wherever it stands. */
function take(tokens: string[], test: (t: string) => boolean): string | undefined {
  const at = tokens.findIndex(test);
  return at < 0 ? undefined : tokens.splice(at, 1)[0];
}

/** The words of a command (ideographic spaces count as spaces). */
export function commandTokens(text: string): string[] {
  return text
    .replace(/\u3000/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
}

export function isFollowupId(token: string): boolean {
  return FOLLOWUP_ID.test(token);
}

export function parseFollowupCommand(text: string): ParseResult {
  const tokens = commandTokens(text);
  const first = tokens.shift();
  if (!first) return { ok: false, error: 'empty' };
  const verb = followupVerb(first);
  if (!verb) return { ok: false, error: 'unknown_verb', verb: first };
  if (verb === 'help') return { ok: true, command: { kind: 'help' } };

  if (verb === 'assign') {
    const mentionAt = tokens.findIndex((t) => parseUserMention(t) !== null);
    if (mentionAt < 0) return { ok: false, error: 'missing_user', verb };
    const assignee = parseUserMention(tokens[mentionAt]!)!;
    const before = tokens[0];
    tokens.splice(mentionAt, 1);
    // The item: a word shaped like a measure's id (z8wv-4.1) wherever it stands, else a word written before the mention (so a
    // mistyped id is reported, not taken as the note); none when the thread names the item.
    const itemId =
      take(tokens, (t) => t.includes('-') && !looksLikeDate(t) && ID_PATTERN.test(t.toLowerCase())) ??
      (mentionAt > 0 && before !== undefined && !looksLikeDate(before) ? take(tokens, (t) => t === before)! : null);
    let due: string | null = null;
    const date = take(tokens, looksLikeDate);
    if (date !== undefined) {
      due = parseDate(date);
      if (!due) return { ok: false, error: 'bad_date', verb };
    }
    const note = tokens.join(' ').trim();
    return { ok: true, command: { kind: 'assign', itemId, assignee, due, note: note === '' ? null : note } };
  }

  const named = take(tokens, isFollowupId);
  const followupId = named === undefined ? null : normalizeFollowupId(named);
  if (verb === 'repost') return { ok: true, command: { kind: 'repost', followupId } };
  const change = (c: FollowupChange): ParseResult => ({ ok: true, command: { kind: 'change', followupId, change: c } });
  switch (verb) {
    case 'start':
      return change({ kind: 'start' });
    case 'done':
      return change({ kind: 'done' });
    case 'cancel':
      return change({ kind: 'cancel' });
    case 'reopen':
      return change({ kind: 'reopen' });
    case 'blocked': {
      const reason = tokens.join(' ').trim();
      if (!reason) return { ok: false, error: 'missing_reason', verb };
      return change({ kind: 'block', reason });
    }
    case 'due': {
      const date = take(tokens, looksLikeDate) ?? tokens[0];
      if (date === undefined) return { ok: false, error: 'missing_date', verb };
      const due = parseDate(date);
      if (!due) return { ok: false, error: 'bad_date', verb };
      return change({ kind: 'due', due });
    }
    case 'reassign': {
      const mention = take(tokens, (t) => parseUserMention(t) !== null);
      if (!mention) return { ok: false, error: 'missing_user', verb };
      return change({ kind: 'reassign', assignee: parseUserMention(mention)! });
    }
  }
}
