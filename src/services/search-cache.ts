import { deepFreeze } from '../lib/deep-freeze.ts';
import type { SearchRequest, SearchResult } from './search-service.ts';
import type { SearchRunner } from './search-threads.ts';

/**
 * How many recent searches are kept. A team asks the same few things (a digest's measures, a colleague's query,
 * the page a button reruns): each kept result is a page of hits with snippets, a few KB.
 */
export const SEARCH_CACHE_ENTRIES = 256;

/**
 * Same request, same key: every field of the request, in a fixed order (the `satisfies` makes a field added
 * to SearchRequest a type error here until it is part of the key).
 */
function keyOf(req: SearchRequest): string {
  const fields = {
    query: req.query,
    filters: req.filters ?? null,
    limit: req.limit ?? null,
    offset: req.offset ?? null,
    today: req.today,
  } satisfies Record<keyof SearchRequest, unknown>;
  return JSON.stringify([fields.query, fields.filters, fields.limit, fields.offset, fields.today]);
}

/**
 * `run` with its recent answers reused while the database is unchanged: a request asked again under the same
 * change stamp (db/change-stamp.ts: any write by this connection or a commit by another changes it) gets the
 * earlier answer, the same object, frozen, so no caller can change another's. The stamp is read before the
 * search starts, so an answer is never older than the stamp it is kept under (a thread's snapshot begins
 * later). When the stamp changes every kept answer goes. Identical requests in flight share one run; errors
 * are not kept. No stamp (a write in progress, or the stamp could not be read) runs the search and keeps
 * nothing. The least recently asked goes first past `entries`; 0 keeps none.
 *
 * @example const search = cachedSearches(searchRunner(db, segmenter, threads, logger), () => changeStamp(db));
 */
export function cachedSearches(
  run: SearchRunner,
  stamp: () => string | null,
  entries: number = SEARCH_CACHE_ENTRIES,
): SearchRunner {
  if (!(entries > 0)) return run;
  const kept = new Map<string, Promise<SearchResult>>();
  let keptUnder: string | null = null;
  // Not async: a kept answer is handed back as it is, without another promise around it.
  return (req) => {
    let now: string | null;
    try {
      now = stamp();
    } catch {
      now = null;
    }
    if (now === null) return run(req);
    if (now !== keptUnder) {
      kept.clear();
      keptUnder = now;
    }
    const key = keyOf(req);
    const hit = kept.get(key);
    if (hit) {
      // Most recently asked last, so the first key is the one to drop.
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const result = run(req).then(deepFreeze);
    kept.set(key, result);
    if (kept.size > entries) kept.delete(kept.keys().next().value as string);
    result.catch(() => {
      if (kept.get(key) === result) kept.delete(key);
    });
    return result;
  };
}
