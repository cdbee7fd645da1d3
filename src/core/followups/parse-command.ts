import { isIsoDate } from '../../lib/dates.ts';
import type { FollowupChange } from './transitions.ts';

/**
 * Parses what people type to the bot about follow-ups, in a mention (`@bot done`) or after `/measures`:
 *   assign [<item id>] @user [YYYY-MM-DD] [note]
 *   start | done | cancel | reopen [F<n>]
 *   blocked [F<n>] <reason>
 *   due [F<n>] <date>
 *   reassign [F<n>] @user
 * Slack sends user mentions as `<@U123>` or `<@U123|name>`. Chinese verbs are accepted too (完成, 受阻…).
 */

export type FollowupCommand =
  | { kind: 'assign'; itemId: string | null; assignee: string; due: string | null; note: string | null }
  | { kind: 'change'; followupId: string | null; change: FollowupChange }
  | { kind: 'help' };

export type ParseError = 'empty' | 'unknown_verb' | 'missing_user' | 'bad_date' | 'missing_date' | 'missing_reason';

export type ParseResult = { ok: true; command: FollowupCommand } | { ok: false; error: ParseError; verb?: string };

const VERBS: Record<string, 'assign' | 'start' | 'done' | 'cancel' | 'reopen' | 'blocked' | 'due' | 'reassign' | 'help'> = {
  assign: 'assign', 指派: 'assign', 分配: 'assign',
  start: 'start', 开始: 'start',
  done: 'done', 完成: 'done',
  cancel: 'cancel', 取消: 'cancel',
  reopen: 'reopen', 重开: 'reopen', 重新打开: 'reopen',
  blocked: 'blocked', block: 'blocked', 受阻: 'blocked', 阻塞: 'blocked',
  due: 'due', 截止: 'due', 期限: 'due',
  reassign: 'reassign', 转交: 'reassign', 改派: 'reassign',
  help: 'help', 帮助: 'help',
};

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

/** Removes the bot's own mention (or, when its id is unknown, a leading mention) from an app_mention text. */
export function stripBotMention(text: string, botUserId?: string): string {
  if (botUserId) return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').trim();
  return text.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/, '').trim();
}

function normalizeFollowupId(token: string): string {
  return token.toUpperCase();
}

export function parseFollowupCommand(text: string): ParseResult {
  // Slack escapes & < > in message text; mentions keep their angle brackets, so only &amp; needs undoing here.
  const tokens = text.replace(/\u3000/g, ' ').trim().split(/\s+/).filter((t) => t !== '');
  const first = tokens.shift();
  if (!first) return { ok: false, error: 'empty' };
  const verb = VERBS[first.toLowerCase()];
  if (!verb) return { ok: false, error: 'unknown_verb', verb: first };
  if (verb === 'help') return { ok: true, command: { kind: 'help' } };

  if (verb === 'assign') {
    let itemId: string | null = null;
    if (tokens[0] !== undefined && parseUserMention(tokens[0]) === null) itemId = tokens.shift()!;
    const assignee = tokens[0] !== undefined ? parseUserMention(tokens[0]) : null;
    if (!assignee) return { ok: false, error: 'missing_user', verb };
    tokens.shift();
    let due: string | null = null;
    if (tokens[0] !== undefined && looksLikeDate(tokens[0])) {
      due = parseDate(tokens[0]);
      if (!due) return { ok: false, error: 'bad_date', verb };
      tokens.shift();
    }
    const note = unescapeSlack(tokens.join(' ')).trim();
    return { ok: true, command: { kind: 'assign', itemId, assignee, due, note: note === '' ? null : note } };
  }

  const followupId = tokens[0] !== undefined && FOLLOWUP_ID.test(tokens[0]) ? normalizeFollowupId(tokens.shift()!) : null;
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
      const reason = unescapeSlack(tokens.join(' ')).trim();
      if (!reason) return { ok: false, error: 'missing_reason', verb };
      return change({ kind: 'block', reason });
    }
    case 'due': {
      if (tokens[0] === undefined) return { ok: false, error: 'missing_date', verb };
      const due = parseDate(tokens[0]);
      if (!due) return { ok: false, error: 'bad_date', verb };
      return change({ kind: 'due', due });
    }
    case 'reassign': {
      const assignee = tokens[0] !== undefined ? parseUserMention(tokens[0]) : null;
      if (!assignee) return { ok: false, error: 'missing_user', verb };
      return change({ kind: 'reassign', assignee });
    }
  }
}

/** Slack sends &, < and > escaped in message text; notes are stored as the person typed them. */
function unescapeSlack(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
