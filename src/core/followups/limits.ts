/**
 * How long the free text of a follow-up may be, on every path (modal, @mention, slash command, button): the
 * service refuses longer text, and the modals set the same numbers as `max_length` so Slack's client stops
 * the typing earlier. Counted in characters (code points), as a person counts them.
 */
export const MAX_NOTE_CHARS = 1000;
export const MAX_BLOCKED_REASON_CHARS = 1000;

/** Code points, not UTF-16 units: an emoji or a rare Han character counts once. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
