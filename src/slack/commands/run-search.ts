import { searchMeasures, SearchInputError } from '../../services/search-service.ts';
import { todayOf, type SlackDeps } from '../deps.ts';
import { RESULTS_PAGE_SIZE } from '../limits.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { buildSearchResults } from '../blocks/search-results.ts';
import { notice, type Reply } from '../reply.ts';
import { toSearch, type SearchRequest } from './search-request.ts';

/**
 * Runs a keyword / dept / due search and renders one page. Shared by the subcommands, the More and Share
 * buttons and @mentions, so every surface shows the same thing.
 */
export function runSearch(request: SearchRequest, deps: SlackDeps, opts: { sharedBy?: string } = {}): Reply {
  const s = deps.strings;
  const today = todayOf(deps);
  const parsed = toSearch(request, today);
  if (!parsed.ok) {
    return parsed.problem === 'bad_due' ? notice(s.badDue) : notice(s.badInput(escapeMrkdwn(parsed.value)));
  }
  const { query, filters } = parsed.search;
  try {
    const result = searchMeasures(deps.db, { query, filters, limit: RESULTS_PAGE_SIZE, offset: request.offset, today }, deps.segmenter);
    return buildSearchResults({
      request,
      search: parsed.search,
      total: result.total,
      hits: result.hits,
      pageSize: RESULTS_PAGE_SIZE,
      today,
      strings: s,
      ...(opts.sharedBy ? { sharedBy: opts.sharedBy } : {}),
    });
  } catch (err) {
    // The search service rejects input it cannot search (e.g. only punctuation); say why instead of failing.
    if (err instanceof SearchInputError) return notice(s.searchErrors[err.code] ?? s.badInput(escapeMrkdwn(err.message)));
    throw err;
  }
}
