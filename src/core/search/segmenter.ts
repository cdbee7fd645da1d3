/**
 * What search needs from a Chinese word segmenter. Core search code is written against this interface and is
 * handed an instance; the jieba adapter (src/search/jieba-segmenter.ts) is the one the bot and CLI use, and
 * tests may pass a small fake.
 */
export interface Segmenter {
  /** Precise mode: the single best segmentation, in order (query time). */
  cut(text: string): string[];
  /**
   * The words an index stores, space-separated, in one call (index time): search mode (precise mode plus the
   * shorter words inside long ones), in order with repeats, then the words of full mode (every dictionary
   * word found anywhere, overlapping) that search mode did not give.
   *
   * @example
   * segmenter.cutForIndex('市场监管局') // '市场 监管局 市场监管 场监'  (words depend on the dictionary)
   */
  cutForIndex(text: string): string;
  /**
   * cutForIndex of each text, computed off the main thread, for a segmenter that can (jieba's runs on libuv's
   * thread pool): the caller goes on parsing or writing meanwhile. Optional; indexColumnsAhead falls back to
   * cutForIndex.
   */
  cutForIndexBatch?(texts: string[]): Promise<string[]>;
  /** Identifies the dictionaries: a different value means an index built with the other one is stale. */
  fingerprint(): string;
}
