import { foldToSimplified } from '../../lib/simplified.ts';

/**
 * One normalisation for indexed text, queries and highlighting, so that what a person types and what a document
 * says meet in the same form: NFKC (full-width digits, letters and brackets become ASCII), traditional characters
 * folded to simplified one by one (冷鏈 → 冷链, 發展 → 发展: lib/simplified.ts), lower case, quotes
 * around terms (“十四五”, 「…」) turned into spaces (a boundary for the segmenter, never part of a word) and the
 * document-number brackets 〔〕 unified with [].
 */

const QUOTES = /["'“”‘’「」『』〝〞‟„‚`]/g;

export function normalizeForSearch(text: string): string {
  const folded = foldToSimplified(text.normalize('NFKC'));
  return folded.toLowerCase().replace(QUOTES, ' ').replace(/〔/g, '[').replace(/〕/g, ']');
}

/** Whether a character is part of a word for the index (what FTS5's unicode61 tokenizer keeps). */
export const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;
export const NON_WORD_RUN = /[^\p{L}\p{N}\p{Co}]+/u;
