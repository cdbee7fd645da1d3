import { normalizeText } from './normalize.ts';

export interface Bracket {
  /** Index of the opening bracket in the text. */
  start: number;
  /** Index just after the closing bracket. */
  end: number;
  /** Inner text as written. */
  inner: string;
}

/**
 * Top-level round brackets, full- or half-width (mixed pairs like （…) included), the tortoise-shell brackets
 * 〔…〕 some provinces use for responsibility (〔责任单位：省发展改革委〕) and square brackets [...] / ［…］ that
 * district sites use ([牵头单位:区卫健局;责任单位:…]), nesting respected.
 */
export function findBrackets(text: string): Bracket[] {
  const n = normalizeText(text);
  const out: Bracket[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < n.length; i++) {
    const c = n[i];
    if (c === '(' || c === '〔' || c === '[') {
      if (depth === 0) open = i;
      depth++;
    } else if ((c === ')' || c === '〕' || c === ']') && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: open, end: i + 1, inner: text.slice(open + 1, i) });
    } else if (c === '\n') {
      // A bracket never spans paragraphs; an unclosed one is a typo.
      depth = 0;
    }
  }
  return out;
}

const BEFORE_OK = /[。!?;\n]/;
const AFTER_OK = /[。;\n]/;

/**
 * Responsibility brackets close a clause group: they follow a full stop (…龙头。（省商务厅）) or are followed by one
 * (…龙头（省商务厅）。) or end the paragraph. Brackets inside a sentence (充电桩(站)布局) are explanations.
 * Takes the normalised text (normalizeText) so callers normalise once, not once per bracket.
 */
export function atClauseBoundary(normalized: string, b: Bracket): boolean {
  const n = normalized;
  let i = b.start - 1;
  while (i >= 0 && n[i] === ' ') i--;
  if (i < 0 || BEFORE_OK.test(n[i]!)) return true;
  let j = b.end;
  while (j < n.length && n[j] === ' ') j++;
  return j >= n.length || AFTER_OK.test(n[j]!);
}
