import type { Segmenter } from '../search/segmenter.ts';

/**
 * A Segmenter that remembers what it cut. The ingest service segments a document's text with it before taking
 * the write lock, then indexes inside the short write transaction with the same instance: the cuts are then
 * look-ups, so jieba's CPU time is spent while the bot can still write.
 */
export function cachingSegmenter(inner: Segmenter): Segmenter {
  const caches = {
    cut: new Map<string, string[]>(),
    cutForSearch: new Map<string, string[]>(),
    cutAll: new Map<string, string[]>(),
  };
  const memo = (kind: keyof typeof caches) => (text: string) => {
    const cache = caches[kind];
    let out = cache.get(text);
    if (!out) {
      out = inner[kind](text);
      cache.set(text, out);
    }
    return out;
  };
  return {
    cut: memo('cut'),
    cutForSearch: memo('cutForSearch'),
    cutAll: memo('cutAll'),
    fingerprint: () => inner.fingerprint(),
  };
}
