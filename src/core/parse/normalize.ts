import { simplifiedCode } from '../../lib/simplified.ts';

/**
 * Text normalisation for MATCHING only. Output labels, titles and departments are sliced from the original
 * text, so this mapping is deliberately length-preserving: index i of the normalised string is index i of the
 * original. Full-width digits, Latin letters, brackets and punctuation become half-width (（一）→ (一),
 * ，→ ,), the ideographic space becomes a space, the dash family becomes '-', and traditional characters fold
 * to simplified (辦公室 → 办公室, 牽頭 → 牵头) so one set of rules reads documents published in either script.
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

const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;

export function normalizeText(s: string): string {
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // Fast path: ASCII and surrogate halves are left as they are (NFKC would not change them or would change
    // the length); Han characters change only when they are traditional.
    if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) continue;
    let mapped: string;
    if (code >= HAN_FIRST && code <= HAN_LAST) {
      const to = simplifiedCode(code);
      if (to === code) continue;
      mapped = String.fromCharCode(to);
    } else {
      mapped = mapChar(s[i]!);
      if (mapped === s[i]) continue;
    }
    parts.push(s.slice(runStart, i), mapped);
    runStart = i + 1;
  }
  if (runStart === 0) return s;
  parts.push(s.slice(runStart));
  return parts.join('');
}
