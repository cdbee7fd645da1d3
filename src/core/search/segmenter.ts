/**
 * What search needs from a Chinese word segmenter. Core search code is written against this interface and is
 * handed an instance; the jieba adapter (src/search/jieba-segmenter.ts) is the one the bot and CLI use, and
 * tests may pass a small fake.
 */
export interface Segmenter {
  /** Precise mode: the single best segmentation, in order (query time). */
  cut(text: string): string[];
  /** Precise mode plus the shorter words inside long ones (index time). */
  cutForSearch(text: string): string[];
  /** Every dictionary word found anywhere in the text, overlapping (index time, recall). */
  cutAll(text: string): string[];
  /** Identifies the dictionaries: a different value means an index built with the other one is stale. */
  fingerprint(): string;
}
