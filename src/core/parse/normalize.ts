/**
 * Text normalisation for MATCHING only. Output labels, titles and departments are sliced from the original
 * text, so this mapping is deliberately length-preserving: index i of the normalised string is index i of the
 * original. Full-width digits, Latin letters, brackets and punctuation become half-width (（一）→ (一),
 * ，→ ,), the ideographic space becomes a space, and the dash family becomes '-'.
 */
const DASHES = new Set(['—', '–', '―', '‐', '‑', '－', '﹣']);

const cache = new Map<string, string>();

function mapChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    const n = ch === '\u3000' || ch === '\u00a0' ? ' ' : DASHES.has(ch) ? '-' : ch.normalize('NFKC');
    out = n.length === 1 ? n : ch;
    cache.set(ch, out);
  }
  return out;
}

export function normalizeText(s: string): string {
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // Fast path: ASCII, Han and surrogate halves are left as they are (NFKC would not change them or would
    // change the length).
    if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xd800 && code <= 0xdfff)) continue;
    const mapped = mapChar(s[i]!);
    if (mapped === s[i]) continue;
    parts.push(s.slice(runStart, i), mapped);
    runStart = i + 1;
  }
  if (runStart === 0) return s;
  parts.push(s.slice(runStart));
  return parts.join('');
}
