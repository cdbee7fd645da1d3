/**
 * Text helpers for mrkdwn. Slack treats `<…>` as links/mentions and `&` as an entity start, so anything a
 * person or a document wrote is escaped before it goes into mrkdwn: `<!channel>` in a query must not ping and
 * `<https://evil|gov.cn>` must not become a link. Formatting characters (*, _, ~, `) are left alone: they cannot
 * ping or link, and policy text rarely contains them.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts to at most `max` UTF-16 units (the stricter way to count: an emoji is 2), never splitting a character,
 * ending with … when something was cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Truncates text that is already mrkdwn without leaving half an entity (`&am`) or half a mention/link
 * (`<@U12`) at the cut, which Slack would show broken or reject.
 */
export function truncateMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  const cut = truncate(mrkdwn, max).slice(0, -1);
  return `${cut.replace(/&[a-z#0-9]*$/i, '').replace(/<[^>]*$/, '')}…`;
}

/**
 * Escapes, then truncates so that the escaped result fits `max` (escaping lengthens text: `<` → `&lt;`),
 * never cutting through an entity.
 */
export function escapeAndFit(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  let n = 0;
  for (const ch of text) {
    const e = escapeMrkdwn(ch);
    if (n + e.length > max - 1) break;
    out += e;
    n += e.length;
  }
  return `${out}…`;
}

/** Snippet pieces (matched words flagged) as mrkdwn with the matches in bold. */
export function boldMatches(pieces: { text: string; hit: boolean }[], max: number): string {
  let out = '';
  let used = 0;
  for (const p of pieces) {
    // Bold markers must touch non-space characters or Slack shows the asterisks literally.
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text) ?? [];
    const escaped = escapeMrkdwn(core.replace(/\*/g, '∗'));
    const piece = p.hit && core !== '' ? `${lead}*${escaped}*${trail}` : `${lead}${escaped}${trail}`;
    if (used + piece.length > max - 1) {
      out += '…';
      break;
    }
    out += piece;
    used += piece.length;
  }
  return out;
}

/** Plain text (header, button labels) needs no escaping but must fit its limit. */
export function plain(text: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: truncate(text.trim() === '' ? '—' : text, max), emoji: true };
}

/**
 * Undoes Slack's escaping of typed text (command text with should_escape, message text): &amp; &lt; &gt;.
 * Mentions Slack itself formats (<@U123|name>, <#C123|name>) are left as they are.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
