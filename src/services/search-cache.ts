import { deepFreeze } from '../lib/deep-freeze.ts';
import type { SearchRequest, SearchResult } from './search-service.ts';
import type { SearchRunner } from './search-threads.ts';

/**
 * How many recent searches are kept. A team asks the same few things (a digest's measures, a colleague's query,
 * the page a button reruns): each kept result is a page of hits with snippets, a few KB.
 */
export const SEARCH_CACHE_ENTRIES = 256;

interface Entry {
  stamp: string;
  result: Promise<SearchResult>;
}

/** Same request, same key: the fields a search reads, in a fixed order. */
function keyOf(req: SearchRequest): string {
  return JSON.stringify([req.query, req.filters ?? null, req.limit ?? null, req.offset ?? null, req.today]);
}

/**
 * `run` with its recent answers reused while the database is unchanged: a request asked again under the same
 * change stamp (db/change-stamp.ts: any write by this connection or a commit by another changes it) gets the
 * earlier answer, the same object, frozen, so no caller can change another's. Identical requests in flight share
 * one run. Errors are not kept. `stamp` null (a write in progress) runs the search and keeps nothing. The oldest
 * answer goes first past `entries`; 0 keeps none.
 *
 * @example const search = cachedSearches(searchRunner(db, segmenter, threads, logger), () => changeStamp(db));
 */
export function cachedSearches(
  run: SearchRunner,
  stamp: () => string | null,
  entries: number = SEARCH_CACHE_ENTRIES,
): SearchRunner {
  if (entries <= 0) return run;
  const kept = new Map<string, Entry>();
  return (req) => {
    const now = stamp();
    if (now === null) return run(req);
    const key = keyOf(req);
    const hit = kept.get(key);
    if (hit && hit.stamp === now) {
      // Most recently used last, so the first key is the one to drop.
      kept.delete(key);
      kept.set(key, hit);
      return hit.result;
    }
    const result = run(req).then(deepFreeze);
    const entry: Entry = { stamp: now, result };
    kept.delete(key);
    kept.set(key, entry);
    if (kept.size > entries) kept.delete(kept.keys().next().value as string);
    result.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
    return result;
  };
}
