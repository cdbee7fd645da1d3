import { createRequire } from 'node:module';

/**
 * Traditional characters folded to simplified (發 → 发, 鏈 → 链) with OpenCC's traditional → mainland table, one
 * character at a time and one code unit for one, so a folded string lines up index for index with the original.
 * Character by character rather than phrase by phrase: the parser slices its output from the original text by
 * these indexes, and search needs only that indexed text and queries fold the same way. Each CJK unified
 * ideograph is looked up in OpenCC once and remembered in a table; text without traditional characters is
 * returned as it is.
 */

const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
type Convert = (text: string) => string;
let converter: Convert | undefined;
/** OpenCC's dictionaries take tens of milliseconds to load: on the first ideograph looked up, not at start-up. */
function toSimplified(text: string): string {
  converter ??= (
    createRequire(import.meta.url)('opencc-js/t2cn') as { Converter(o: { from: 't'; to: 'cn' }): Convert }
  ).Converter({ from: 't', to: 'cn' });
  return converter(text);
}
/** Simplified code of each ideograph, filled on first sight (0 = not looked up yet). */
const simplified = new Uint16Array(HAN_LAST - HAN_FIRST + 1);

/**
 * The simplified form of one UTF-16 code unit; anything but a CJK unified ideograph, and an ideograph whose
 * simplified form lies outside the basic plane, is returned as it is.
 */
export function simplifiedCode(code: number): number {
  if (code < HAN_FIRST || code > HAN_LAST) return code;
  const k = code - HAN_FIRST;
  let out = simplified[k]!;
  if (out === 0) {
    const s = toSimplified(String.fromCharCode(code));
    out = s.length === 1 ? s.charCodeAt(0) : code;
    simplified[k] = out;
  }
  return out;
}

/**
 * `text` with every traditional ideograph replaced by its simplified form; same length.
 *
 * @example foldToSimplified('冷鏈物流發展') // '冷链物流发展'
 */
export function foldToSimplified(text: string): string {
  let out: string[] | undefined;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < HAN_FIRST) continue;
    const to = simplifiedCode(code);
    if (to === code) continue;
    out ??= [];
    out.push(text.slice(runStart, i), String.fromCharCode(to));
    runStart = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(runStart));
  return out.join('');
}
