import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { NON_WORD_RUN, WORD_CHAR, normalizeForSearch } from './normalize.ts';

/**
 * Chinese word segmentation for the search index (jieba). Index time emits every word a reader might search for
 * (`cutForSearch` plus jieba's full mode, so that 市场监管 is found inside 市场监管局 even where the segmenter's
 * best path reads 市场/监管局); query time uses the precise `cut`. Terms are then ANDed, so over-generating at
 * index time only raises recall.
 *
 * Runs of ASCII letters and digits never reach jieba: its dictionary path splits 2022 into 2/0/2/2 and 5G into
 * 5/G. They are cut out first and kept whole, so 5G基站 is the two terms 5g + 基站 on both sides.
 */

/** The user dictionary of domain words jieba splits badly (冷链, 车联网, department names…). */
export const USER_DICT_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dict', 'user.dict.utf8');

/** Bump when the way text is turned into index tokens changes, so existing indexes are rebuilt. */
const SEGMENTER_VERSION = '1';

let loaded = false;

/** nodejieba keeps one dictionary per process; load ours once, on first use, never at import time. */
function jieba(): typeof nodejieba {
  if (!loaded) {
    nodejieba.load({ userDict: USER_DICT_PATH });
    loaded = true;
  }
  return nodejieba;
}

/**
 * Loads the dictionaries now (about a second) instead of on the first search, which may be a Slack request with
 * a 3-second deadline. Idempotent.
 */
export function warmSegmenter(): void {
  jieba().cut('冷链');
}

/** Identifies the dictionary and segmentation rules; stored with the index to know when to rebuild it. */
export function segmenterFingerprint(dictPath: string = USER_DICT_PATH): string {
  return createHash('sha256').update(SEGMENTER_VERSION).update('\0').update(fs.readFileSync(dictPath)).digest('hex');
}

const ASCII_RUN = /[a-z0-9]+/g;

/** Drops punctuation tokens and splits tokens the way unicode61 would, so every token is one FTS token. */
function clean(tokens: string[], into: string[]): void {
  for (const t of tokens) {
    for (const part of t.split(NON_WORD_RUN)) if (part) into.push(part);
  }
}

function segmentNormalized(normalized: string, mode: 'index' | 'query'): string[] {
  const out: string[] = [];
  if (mode === 'query') {
    // In order: ASCII runs where they stand, the stretches between them cut by jieba.
    let last = 0;
    const between = (to: number) => {
      const piece = normalized.slice(last, to);
      if (WORD_CHAR.test(piece)) clean(jieba().cut(piece), out);
    };
    for (const m of normalized.matchAll(ASCII_RUN)) {
      between(m.index);
      out.push(m[0]);
      last = m.index + m[0].length;
    }
    between(normalized.length);
    return out;
  }
  // Index columns are bags of words (no phrases over them), so order does not matter: ASCII runs first, then the
  // rest in one jieba call per mode (native calls dominate indexing time).
  for (const m of normalized.matchAll(ASCII_RUN)) out.push(m[0]);
  const rest = normalized.replace(ASCII_RUN, ' ');
  if (!WORD_CHAR.test(rest)) return out;
  const search = jieba().cutForSearch(rest);
  clean(search, out);
  const seen = new Set(search);
  clean(
    jieba()
      .cutAll(rest)
      .filter((w) => !seen.has(w)),
    out,
  );
  return out;
}

/** Index-time tokens of raw text (normalised here). */
export function segmentForIndex(text: string): string[] {
  return segmentNormalized(normalizeForSearch(text), 'index');
}

/** Query-time tokens of already-normalised query text, in order, duplicates kept. */
export function segmentQuery(normalized: string): string[] {
  return segmentNormalized(normalized, 'query');
}

/** One token per letter or digit, for the exact-substring (phrase) column. */
export function charTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const ch of normalized) if (WORD_CHAR.test(ch)) out.push(ch);
  return out;
}
