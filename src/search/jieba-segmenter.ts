import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import type { Segmenter } from '../core/search/segmenter.ts';

/**
 * The jieba adapter behind core/search's Segmenter: native nodejieba plus our user dictionary of domain words
 * it splits badly (冷链, 车联网, department names…). Everything impure about segmentation lives here: reading
 * the dictionary file and loading jieba's process-wide dictionaries (about a second), which happens on the
 * first cut, never at import time.
 */

/** The user dictionary shipped with the bot. */
export const USER_DICT_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dict', 'user.dict.utf8');

/**
 * nodejieba always loads the dictionaries of its keyword extractor (a 6 MB idf table and stop words) beside the
 * segmentation ones; the bot never extracts keywords, so one-line stand-ins take their place (they must not be
 * empty). Segmentation is unchanged; the process is about 18 MB smaller and loads faster.
 */
const UNUSED_IDF_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dict', 'no-keywords.idf.utf8');
const UNUSED_STOP_WORDS_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dict', 'no-keywords.stop.utf8');

/** nodejieba holds one dictionary set per process: which user dictionary it has loaded, if any. */
let loadedUserDict: string | undefined;

export function createJiebaSegmenter(options: { userDictPath?: string } = {}): Segmenter {
  const userDict = options.userDictPath ?? USER_DICT_PATH;
  let fingerprint: string | undefined;
  const jieba = (): typeof nodejieba => {
    if (loadedUserDict !== userDict) {
      nodejieba.load({ userDict, idfDict: UNUSED_IDF_PATH, stopWordDict: UNUSED_STOP_WORDS_PATH });
      loadedUserDict = userDict;
    }
    return nodejieba;
  };
  const cutForIndex = (text: string): string => {
    const j = jieba();
    return hasNativeCutForIndex(j) ? j.cutForIndex(text) : joinIndexWords(j.cutForSearch(text), j.cutAll(text));
  };
  return {
    cut: (text) => jieba().cut(text),
    cutForIndex,
    // Cutting only reads jieba's dictionaries, so a pool thread can cut while the main thread cuts queries; a
    // load() meanwhile (another user dictionary) leaves the batch on the dictionaries it started with.
    cutForIndexBatch: async (texts) => {
      const j = jieba();
      return hasNativeCutForIndexBatch(j) ? j.cutForIndexBatch(texts) : texts.map(cutForIndex);
    },
    // jieba's own dictionaries come with the package version; ours is hashed so an edit triggers a rebuild.
    fingerprint: () => (fingerprint ??= createHash('sha256').update(fs.readFileSync(userDict)).digest('hex')),
  };
}

/**
 * Whether the loaded binding has the patched cutForIndex: the patched index.js always defines the wrapper, but
 * an `npm rebuild nodejieba` may bring back the unpatched binary, where calling it throws. Probed once.
 */
let nativeCutForIndex: boolean | undefined;
function hasNativeCutForIndex(j: typeof nodejieba): boolean {
  if (nativeCutForIndex === undefined) {
    try {
      nativeCutForIndex = typeof j.cutForIndex('冷链') === 'string';
    } catch {
      nativeCutForIndex = false;
    }
  }
  return nativeCutForIndex;
}

/** Whether the loaded binding has the patched cutForIndexBatch (see hasNativeCutForIndex). Probed once. */
let nativeCutForIndexBatch: boolean | undefined;
function hasNativeCutForIndexBatch(j: typeof nodejieba): boolean {
  if (nativeCutForIndexBatch === undefined) {
    try {
      j.cutForIndexBatch([]).catch(() => {});
      nativeCutForIndexBatch = true;
    } catch {
      nativeCutForIndexBatch = false;
    }
  }
  return nativeCutForIndexBatch;
}

/**
 * cutForIndex from jieba's two modes, in JS: what patches/nodejieba+3.5.8.patch computes natively (one call
 * and one string, about half the time of two calls returning arrays). Used only if the native method is
 * missing (nodejieba built without the patch).
 */
export function joinIndexWords(search: string[], all: string[]): string {
  const seen = new Set(search);
  return [...search, ...all.filter((w) => !seen.has(w))].join(' ');
}

/**
 * Loads jieba's dictionaries now instead of on the first search, which may be a Slack request with a 3-second
 * deadline. Idempotent.
 */
export function warmSegmenter(segmenter: Segmenter): void {
  segmenter.cut('冷链');
}
