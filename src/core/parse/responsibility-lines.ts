import type { Bracket } from './brackets.ts';
import { normalizeText } from './normalize.ts';
import { LINE_ROLE_FIELD } from './role-words.ts';

/**
 * Some documents put the responsibility on its own line after the item instead of in a bracket:
 *   【责任单位】市商务局、市财政局      【牵头单位】A【配合单位】B      责任单位：市商务局
 * Consecutive such lines form one responsibility; a 【完成时限】 line among them is its deadline. Returned as Bracket-shaped spans of the item text (inner =
 * the lines as written) so task splitting treats them like （责任单位：…）.
 */
const ROLE_WORD = `(?:${LINE_ROLE_FIELD}|完成时限|完成时间|时间节点)`;
const LINE = new RegExp(`^(?:【${ROLE_WORD}】\\s*[:：]?|${ROLE_WORD}\\s*[:：])\\s*\\S`);

export function responsibilityLines(text: string): Bracket[] {
  const out: Bracket[] = [];
  let offset = 0;
  // The span of the run of responsibility lines being read; sliced once when the run ends.
  let open: { start: number; end: number } | null = null;
  const close = (): void => {
    if (open) out.push({ ...open, inner: text.slice(open.start, open.end) });
    open = null;
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (LINE.test(normalizeText(trimmed.slice(0, 16)))) {
      const start = offset + (line.length - line.trimStart().length);
      const end = offset + line.trimEnd().length;
      open = open ? { start: open.start, end } : { start, end };
    } else if (trimmed !== '') {
      close();
    }
    offset += line.length + 1;
  }
  close();
  return out;
}
