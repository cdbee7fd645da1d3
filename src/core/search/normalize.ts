import * as OpenCC from 'opencc-js/t2cn';

/**
 * One normalisation for indexed text, queries and highlighting, so that what a person types and what a document
 * says meet in the same form: NFKC (full-width digits, letters and brackets become ASCII), traditional characters
 * folded to simplified (冷鏈 → 冷链, 發展 → 发展: OpenCC's traditional → mainland converter), lower case, quotes
 * around terms (“十四五”, 「…」) turned into spaces (a boundary for the segmenter, never part of a word) and the
 * document-number brackets 〔〕 unified with [].
 */

/** Built once: loading OpenCC's dictionaries costs tens of milliseconds, converting is cheap. */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Characters OpenCC never changes; most text is only these, so it skips the converter. */
const NOTHING_TO_FOLD = /^[\t\n\r\u0020-\u2e7f]*$/;

const QUOTES = /["'“”‘’「」『』〝〞‟„‚`]/g;

/**
 * Highlighting normalises character by character, where a converter call costs more than the rest of the work:
 * single characters are remembered (a few thousand distinct ones in any corpus; the cap bounds the memory).
 */
const foldedChars = new Map<string, string>();
const MAX_FOLDED_CHARS = 20_000;

function fold(nfkc: string): string {
  if (NOTHING_TO_FOLD.test(nfkc)) return nfkc;
  if (nfkc.length > 2) return toSimplified(nfkc);
  const known = foldedChars.get(nfkc);
  if (known !== undefined) return known;
  const out = toSimplified(nfkc);
  if (foldedChars.size < MAX_FOLDED_CHARS) foldedChars.set(nfkc, out);
  return out;
}

export function normalizeForSearch(text: string): string {
  const folded = fold(text.normalize('NFKC'));
  return folded.toLowerCase().replace(QUOTES, ' ').replace(/〔/g, '[').replace(/〕/g, ']');
}

/** Whether a character is part of a word for the index (what FTS5's unicode61 tokenizer keeps). */
export const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;
export const NON_WORD_RUN = /[^\p{L}\p{N}\p{Co}]+/u;
