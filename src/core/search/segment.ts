import { NON_WORD_RUN, WORD_CHAR, normalizeForSearch } from './normalize.ts';
import type { Segmenter } from './segmenter.ts';

/**
 * Words for the search index, from a Segmenter (jieba in production). Index time emits every word a reader
 * might search for (`cutForSearch` plus the full mode, so that 市场监管 is found inside 市场监管局 even where the
 * best path reads 市场/监管局); query time uses the precise `cut`. Terms are then ANDed, so over-generating at
 * index time only raises recall.
 *
 * Runs of ASCII letters and digits never reach the segmenter: jieba's dictionary path splits 2022 into 2/0/2/2
 * and 5G into 5/G. They are cut out first and kept whole, so 5G基站 is the two terms 5g + 基站 on both sides.
 */

/** Bump when the way text is turned into index tokens changes here, so existing indexes are rebuilt. */
export const SEGMENTATION_RULES_VERSION = '2';

/** Identifies the rules and the segmenter's dictionaries; stored with the index to know when to rebuild it. */
export function indexFingerprint(segmenter: Segmenter): string {
  return `rules-${SEGMENTATION_RULES_VERSION}:${segmenter.fingerprint()}`;
}

const ASCII_RUN = /[a-z0-9]+/g;

/** Drops punctuation tokens and splits tokens the way unicode61 would, so every token is one FTS token. */
function clean(tokens: string[], into: string[]): void {
  for (const t of tokens) {
    for (const part of t.split(NON_WORD_RUN)) if (part) into.push(part);
  }
}

/** Index-time tokens of raw text (normalised here). A bag of words: order does not matter. */
export function segmentForIndex(segmenter: Segmenter, text: string): string[] {
  const normalized = normalizeForSearch(text);
  const out: string[] = [];
  // Index columns have no phrases over them, so ASCII runs go first and the rest goes to the segmenter in one
  // call per mode (native calls dominate indexing time).
  for (const m of normalized.matchAll(ASCII_RUN)) out.push(m[0]);
  const rest = normalized.replace(ASCII_RUN, ' ');
  if (!WORD_CHAR.test(rest)) return out;
  const search = segmenter.cutForSearch(rest);
  clean(search, out);
  const seen = new Set(search);
  clean(
    segmenter.cutAll(rest).filter((w) => !seen.has(w)),
    out,
  );
  return out;
}

/** Query-time tokens of already-normalised query text, in order, duplicates kept. */
export function segmentQuery(segmenter: Segmenter, normalized: string): string[] {
  const out: string[] = [];
  // In order: ASCII runs where they stand, the stretches between them cut by the segmenter.
  let last = 0;
  const between = (to: number) => {
    const piece = normalized.slice(last, to);
    if (WORD_CHAR.test(piece)) clean(segmenter.cut(piece), out);
  };
  for (const m of normalized.matchAll(ASCII_RUN)) {
    between(m.index);
    out.push(m[0]);
    last = m.index + m[0].length;
  }
  between(normalized.length);
  return out;
}

/** One token per letter or digit, for the exact-substring (phrase) column. */
export function charTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const ch of normalized) if (WORD_CHAR.test(ch)) out.push(ch);
  return out;
}
