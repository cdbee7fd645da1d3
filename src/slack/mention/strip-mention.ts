/**
 * Removes the bot's own mention from an app_mention text (anywhere, when its user id is known), else the leading
 * mention, and the punctuation people put after it: `<@U1>: 冷链` reads like `/measures 冷链`.
 */
export function stripBotMention(text: string, botUserId?: string): string {
  const withoutBot = botUserId ? text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ') : text;
  const stripped = withoutBot === text ? text.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/, '') : withoutBot;
  return stripped.replace(/^[\s,:：]+/, '').trim();
}
