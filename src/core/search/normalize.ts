import { foldToSimplified } from '../../lib/simplified.ts';

/**
 * One normalisation for indexed text, queries and highlighting, so that what a person types and what a document
 * says meet in the same form: NFKC (full-width digits, letters and brackets become ASCII), traditional characters
 * folded to simplified one by one (冷鏈 → 冷链, 發展 → 发展: lib/simplified.ts), lower case, quotes
 * around terms (“十四五”, 「…」) turned into spaces (a boundary for the segmenter, never part of a word) and the
 * document-number brackets 〔〕 unified with [].
 */

const QUOTES = /["'“”‘’「」『』〝〞‟„‚`]/g;

function normalizeWhole(text: string): string {
  const folded = foldToSimplified(text.normalize('NFKC'));
  return folded.toLowerCase().replace(QUOTES, ' ').replace(/〔/g, '[').replace(/〕/g, ']');
}

/**
 * Characters whose normalisation is one UTF-16 unit for one, whatever stands around them: ASCII, the no-break
 * space, · and ×, the dashes, quotes and bullets of General Punctuation up to ․ (but ‗, ‥ and …, which NFKC
 * expands), CJK punctuation (but the combining tone marks 〪–〯) and ideographs, full-width forms. None is a
 * combining mark or composes with its neighbours, so text made only of them normalises character by
 * character, and its normalisation lines up with it.
 */
export const ALIGNED_CHARS =
  '\\u0000-\\u007f\\u00a0\\u00b7\\u00d7\\u2010-\\u2016\\u2018-\\u2024\\u3000-\\u3029\\u3030-\\u303f\\u4e00-\\u9fff\\uff01-\\uff5e';
const ALIGNED = new RegExp(`^[${ALIGNED_CHARS}]*$`);

/** normalizeWhole of each code unit of ALIGNED_CHARS, filled on first sight (0 = not yet; NUL maps to itself). */
const aligned = new Uint16Array(0x10000);
let buffer = new Uint16Array(1024);
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Whether `text` is made only of ALIGNED_CHARS (its normalisation then has its length, index for index). */
export function isAligned(text: string): boolean {
  return ALIGNED.test(text);
}

/**
 * @example normalizeForSearch('５Ｇ基站〔2021〕“十四五”') // '5g基站[2021] 十四五 '
 */
export function normalizeForSearch(text: string): string {
  // Most text (simplified Chinese with its punctuation) takes one pass over a table instead of six over the string.
  if (!ALIGNED.test(text)) return normalizeWhole(text);
  const n = text.length;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let to = aligned[code]!;
    if (to === 0) {
      to = normalizeWhole(text[i]!).charCodeAt(0);
      aligned[code] = to;
    }
    buffer[i] = to;
  }
  // No surrogates in aligned text, so the decoder returns exactly these units.
  return UTF16.decode(buffer.subarray(0, n));
}

/** Whether a character is part of a word for the index (what FTS5's unicode61 tokenizer keeps). */
export const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;
export const NON_WORD_RUN = /[^\p{L}\p{N}\p{Co}]+/u;
