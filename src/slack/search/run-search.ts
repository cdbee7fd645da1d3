import { deepFreeze } from '../../lib/deep-freeze.ts';
import { SearchInputError, type SearchResult } from '../../services/search-service.ts';
import { type SlackDeps, todayOf } from '../deps.ts';
import { RESULTS_PAGE_SIZE } from '../kit/limits.ts';
import { escapeMrkdwn } from '../kit/mrkdwn.ts';
import { notice, type Reply } from '../kit/reply.ts';
import { buildSearchResults } from './results-blocks.ts';
import { type SearchState, toSearch } from './search-state.ts';

/**
 * Pages already rendered from a reused answer (services/search-cache.ts hands out the same frozen result while
 * nothing is written; a result is frozen only there), by everything else a page shows (the request as typed,
 * the day, the language): a command asked again is not rendered again. Held by the answer, so its pages go
 * when it does; at most PAGES_PER_ANSWER per answer, the oldest dropped first, as one search can be typed in
 * endless ways (spacing, an @mention in the text) that all get the same answer.
 */
const renderedPages = new WeakMap<SearchResult, Map<string, Reply>>();
const PAGES_PER_ANSWER = 4;

/**
 * Runs a keyword / dept / due search and renders one page. Shared by the subcommands, the More and Share
 * buttons and @mentions, so every surface shows the same thing.
 */
export async function runSearch(
  request: SearchState,
  deps: SlackDeps,
  opts: { sharedBy?: string } = {},
): Promise<Reply> {
  const s = deps.strings;
  const today = todayOf(deps);
  const parsed = toSearch(request, today);
  if (!parsed.ok) {
    return parsed.problem === 'bad_due' ? notice(s.badDue) : notice(s.badInput(escapeMrkdwn(parsed.value)));
  }
  const { query, filters } = parsed.search;
  try {
    const result = await deps.search({ query, filters, limit: RESULTS_PAGE_SIZE, offset: request.offset, today });
    // A shared page names its sharer: rendered each time (one per person would pile up under one answer).
    const keep = Object.isFrozen(result) && !opts.sharedBy;
    const pageKey = JSON.stringify([request, today, deps.locale]);
    const reused = keep ? renderedPages.get(result) : undefined;
    const earlier = reused?.get(pageKey);
    if (earlier) return earlier;
    // A due window lists measures; the search also says how many targets are due in it, the unit the digest counts.
    const page = buildSearchResults({
      ...(result.targetsDue === undefined ? {} : { targetsDue: result.targetsDue }),
      request,
      search: parsed.search,
      total: result.total,
      totalIsLowerBound: result.totalIsLowerBound,
      hits: result.hits,
      unsupported: result.unsupported,
      pageSize: RESULTS_PAGE_SIZE,
      today,
      strings: s,
      ...(opts.sharedBy ? { sharedBy: opts.sharedBy } : {}),
    });
    if (!keep) return page;
    const pages = reused ?? new Map<string, Reply>();
    if (!reused) renderedPages.set(result, pages);
    pages.set(pageKey, deepFreeze(page));
    if (pages.size > PAGES_PER_ANSWER) pages.delete(pages.keys().next().value as string);
    return page;
  } catch (err) {
    // The search service rejects input it cannot search (e.g. only punctuation); say why instead of failing.
    if (err instanceof SearchInputError)
      return notice(s.searchErrors[err.code] ?? s.badInput(escapeMrkdwn(err.message)));
    throw err;
  }
}
