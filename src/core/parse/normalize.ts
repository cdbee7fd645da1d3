import { simplifiedCode } from '../../lib/simplified.ts';

/**
 * Text normalisation for MATCHING only. Output labels, titles and departments are sliced from the original
 * text, so this mapping is deliberately length-preserving: index i of the normalised string is index i of the
 * original. Full-width digits, Latin letters, brackets and punctuation become half-width (（一）→ (一),
 * ，→ ,), the ideographic space becomes a space, the dash family becomes '-', and traditional characters fold
 * to simplified (辦公室 → 办公室, 牽頭 → 牵头) so one set of rules reads documents published in either script.
 */
const DASHES = new Set(['—', '–', '―', '‐', '‑', '－', '﹣']);
const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
const ENCLOSED_FIRST = 0x2460;
const ENCLOSED_LAST = 0x24ff;

/**
 * The normalised code unit of every BMP code unit, filled on first sight (0 = not looked up yet; NUL maps to
 * itself and is simply looked up again). One typed array rather than a Map: the parser normalises each
 * paragraph several times, and punctuation (，。、（）) is a tenth of Chinese text.
 */
const normalized = new Uint16Array(0x10000);

function lookUp(code: number): number {
  if (code >= HAN_FIRST && code <= HAN_LAST) return simplifiedCode(code);
  // Surrogate halves are left as they are: NFKC of half a pair means nothing, and of a pair it could change
  // the length.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  // Enclosed numbers (①, ⑴, ⒈) are labels and list markers, not digits: NFKC would read ①加强 as 1加强 and
  // ①2024年3月底前 as the year 12024.
  if (code >= ENCLOSED_FIRST && code <= ENCLOSED_LAST) return code;
  const ch = String.fromCharCode(code);
  const n = ch === '\u3000' || ch === '\u00a0' ? ' ' : DASHES.has(ch) ? '-' : ch.normalize('NFKC');
  return n.length === 1 ? n.charCodeAt(0) : code;
}

/** Reusable output buffer (grown on demand) and its decoder: one decode per changed string, not a slice per change. */
let buffer = new Uint16Array(4096);
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function normalizedCode(code: number): number {
  let to = normalized[code]!;
  if (to === 0) {
    to = lookUp(code);
    normalized[code] = to;
  }
  return to;
}

/**
 * The parser's rules each read a paragraph through normalizeText (labels, brackets, dates, metadata…), so one
 * paragraph is normalised many times; V8 computes a string's hash once and keeps it (for strings shorter than
 * 16,384 characters, hence MEMO_MAX_LENGTH), so a lookup is far cheaper than the loop. Only paragraph-sized
 * strings are remembered (a whole document is normalised once): long paragraphs are the ones that cost most to
 * normalise again. Bounded twice: at most MEMO_CHARS characters of keys and as many of values (8 MB, plus the
 * Map's own entries, at most MEMO_CHARS / MEMO_MIN_LENGTH of them), and forgotten at the start of each document
 * (forgetNormalized), since a remembered paragraph can keep its whole document alive.
 */
const MEMO_MIN_LENGTH = 16;
const MEMO_MAX_LENGTH = 8192;
const MEMO_CHARS = 2 * 1024 * 1024;
const memo = new Map<string, string>();
let memoChars = 0;

/** Empties the memo: parseText calls it for each document. */
export function forgetNormalized(): void {
  memo.clear();
  memoChars = 0;
}

export function normalizeText(s: string): string {
  if (s.length < MEMO_MIN_LENGTH || s.length > MEMO_MAX_LENGTH) return normalizeUncached(s);
  let out = memo.get(s);
  if (out === undefined) {
    out = normalizeUncached(s);
    if (memoChars + s.length > MEMO_CHARS) forgetNormalized();
    memo.set(s, out);
    memoChars += s.length;
  }
  return out;
}

function normalizeUncached(s: string): string {
  const n = s.length;
  let i = 0;
  // Most strings (ASCII labels, simplified text without full-width punctuation) come back unchanged: find the
  // first code unit that changes before allocating anything.
  let surrogates = false;
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) continue;
    if (normalizedCode(code) !== code) break;
    if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
  }
  if (i === n) return s;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  for (let j = 0; j < i; j++) buffer[j] = s.charCodeAt(j);
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) buffer[i] = code;
    else {
      buffer[i] = normalizedCode(code);
      if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
    }
  }
  // The decoder would turn a lone surrogate into U+FFFD and change the text; such strings are rebuilt in chunks.
  return surrogates ? fromCodes(buffer, n) : UTF16.decode(buffer.subarray(0, n));
}

const CHUNK = 8192;
function fromCodes(codes: Uint16Array, n: number): string {
  let out = '';
  for (let k = 0; k < n; k += CHUNK) out += String.fromCharCode(...codes.subarray(k, Math.min(n, k + CHUNK)));
  return out;
}
