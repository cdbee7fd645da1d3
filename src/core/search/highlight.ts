import { ALIGNED_CHARS, isAligned, normalizeForSearch } from './normalize.ts';

/** A run of snippet text; `hit` marks a matched term (Slack bolds it, the CLI wraps it in **). */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** About how much of a measure a result shows (Han characters are one UTF-16 unit each). */
export const SNIPPET_CHARS = 120;
/** How far before the first match the window may start, to show the clause it sits in. */
const LEAD_CHARS = 24;
const SENTENCE_BREAK = /[。；;！!？?\n]/;

interface Span {
  start: number;
  end: number;
  needles: Set<number>;
}

/** Runs of ALIGNED_CHARS, and any other code point one at a time. */
const PIECES = new RegExp(`[${ALIGNED_CHARS}]+|[\\s\\S]`, 'gu');

/**
 * Normalises the raw text, remembering where each normalised unit came from. Runs that keep their length are
 * normalised whole (one call per run, not per character); any other code point on its own, as before.
 */
function normalizeMapped(raw: string): { text: string; rawStart: number[]; rawEnd: number[] } {
  let text = '';
  const rawStart: number[] = [];
  const rawEnd: number[] = [];
  for (const m of raw.matchAll(PIECES)) {
    const piece = m[0];
    const at = m.index;
    const n = normalizeForSearch(piece);
    if (piece.length > 1 && n.length === piece.length) {
      for (let k = 0; k < n.length; k++) {
        rawStart.push(at + k);
        rawEnd.push(at + k + 1);
      }
      text += n;
      continue;
    }
    // A single code point (or, defensively, a run that changed length): code point by code point.
    let i = at;
    for (const ch of piece) {
      const c = piece.length === ch.length ? n : normalizeForSearch(ch);
      for (let k = 0; k < c.length; k++) {
        rawStart.push(i);
        rawEnd.push(i + ch.length);
      }
      text += c;
      i += ch.length;
    }
  }
  return { text, rawStart, rawEnd };
}

/** Where the (normalised) needles occur in the raw text, as merged spans. */
export function findMatches(raw: string, needles: string[]): Span[] {
  // Most measures are only such runs: one normalisation of the whole text, positions shared with the raw one.
  const aligned = isAligned(raw) ? normalizeForSearch(raw) : undefined;
  const mapped = aligned !== undefined && aligned.length === raw.length ? undefined : normalizeMapped(raw);
  const text = mapped ? mapped.text : aligned!;
  const spans: Span[] = [];
  needles.forEach((needle, ni) => {
    const n = normalizeForSearch(needle);
    if (!n.trim()) return;
    for (let at = text.indexOf(n); at !== -1; at = text.indexOf(n, at + n.length)) {
      const last = at + n.length - 1;
      spans.push({
        start: mapped ? mapped.rawStart[at]! : at,
        end: mapped ? mapped.rawEnd[last]! : last + 1,
        needles: new Set([ni]),
      });
    }
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      for (const n of s.needles) last.needles.add(n);
    } else merged.push({ ...s, needles: new Set(s.needles) });
  }
  return merged;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * A window of about `windowChars` characters of `raw` around the best match (the one with the most distinct
 * terms close after it; the earliest on ties), with matched terms marked. Without any match: the text's start.
 */
export function buildSnippet(raw: string, needles: string[], windowChars: number = SNIPPET_CHARS): SnippetPart[] {
  const text = raw.trim();
  const spans = findMatches(text, needles);
  if (spans.length === 0) {
    const cut = text.length > windowChars;
    return [{ text: tidy(text.slice(0, windowChars)) + (cut ? '…' : ''), hit: false }];
  }
  let best = 0;
  let bestCount = -1;
  spans.forEach((s, i) => {
    const seen = new Set<number>();
    for (let k = i; k < spans.length && spans[k]!.start < s.start + windowChars; k++)
      for (const n of spans[k]!.needles) seen.add(n);
    if (seen.size > bestCount) {
      best = i;
      bestCount = seen.size;
    }
  });
  const anchor = spans[best]!;
  let start = Math.max(0, anchor.start - LEAD_CHARS);
  // Start at the clause the match sits in rather than mid-sentence, when its beginning is close enough.
  const before = text.slice(start, anchor.start);
  for (let i = before.length - 1; i >= 0; i--) {
    if (SENTENCE_BREAK.test(before[i]!)) {
      start += i + 1;
      break;
    }
  }
  if (anchor.start - start > LEAD_CHARS) start = anchor.start - LEAD_CHARS;
  // Nor inside the previous clause's bracket (…等部门按职责分工负责）优化冷链): start after it closes.
  const lead = text.slice(start, anchor.start);
  const close = Math.max(lead.lastIndexOf('）'), lead.lastIndexOf(')'));
  if (close >= 0 && !/[（(]/.test(lead.slice(0, close))) start += close + 1;
  let end = Math.min(text.length, start + windowChars);
  for (const s of spans) if (s.start < end && s.end > end) end = s.end;
  // Avoid splitting a surrogate pair at either edge.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start -= 1;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end += 1;

  const parts: SnippetPart[] = [];
  const push = (t: string, hit: boolean) => {
    if (!t) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += t;
    else parts.push({ text: t, hit });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const s of spans) {
    if (s.end <= start || s.start >= end) continue;
    const from = Math.max(s.start, start);
    push(tidy(text.slice(at, from)), false);
    push(tidy(text.slice(from, Math.min(s.end, end))), true);
    at = Math.min(s.end, end);
  }
  push(tidy(text.slice(at, end)), false);
  if (end < text.length) push('…', false);
  return parts;
}

/** Plain text with hits wrapped in ** (CLI output, JSON snippet strings). */
export function snippetToMarkdown(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `**${p.text}**` : p.text)).join('');
}

/** Plain text without marks. */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}
