import { type ForceStatus, refStatus } from '../core/documents/in-force.ts';
import type { ItemKind } from '../core/model.ts';
import { SearchInputError } from '../core/search/errors.ts';
import { facetMatch, scopeMatch } from '../core/search/facets.ts';
import { hasFilters, type ResolvedFilters, resolveFilters, type SearchFilters } from '../core/search/filters.ts';
import { buildSnippet, type SnippetPart } from '../core/search/highlight.ts';
import {
  headingMatch,
  highlightNeedles,
  isBlankQuery,
  type ParsedQuery,
  parseQuery,
  titleMatch,
  wordMatch,
  wordOrCharMatch,
} from '../core/search/query.ts';
import { COUNTED_MATCHES, FEW_WORD_HITS, type MatchTier, matchTiers, toScore } from '../core/search/ranking.ts';
import { indexFingerprint } from '../core/search/segment.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import type { Db } from '../db/open.ts';
import { isIsoDate } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import { readIndexFingerprint, reindexAll, repairIndex, writeIndexFingerprint } from '../repo/search-index-repo.ts';
import {
  allMatchingIds,
  countListed,
  countMatches,
  countMatchesUpTo,
  countTargetsInWindow,
  facetScope,
  hasAtLeastMatches,
  loadHits,
  pageFacetListed,
  pageListed,
  pageMatchesTiered,
} from '../repo/search-repo.ts';

export { QueryTooLongError, SearchInputError, type SearchInputErrorCode } from '../core/search/errors.ts';
export type { SearchFilters } from '../core/search/filters.ts';
export type { SnippetPart } from '../core/search/highlight.ts';
export { snippetText, snippetToMarkdown } from '../core/search/highlight.ts';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

export interface SearchHit {
  measureId: string;
  documentId: string;
  file: string;
  documentTitle: string;
  region: string | null;
  kind: ItemKind;
  label: string;
  title: string;
  snippet: SnippetPart[];
  /** Higher is better; 0 in list mode. */
  score: number;
  /** Every department named in the measure's responsibility brackets, in order, without repeats. */
  departments: string[];
  leadDepartments: string[];
  targets: { id: string; taskId: string; text: string; due: string; precision: string; periodStart: string | null }[];
  documentStatus: ForceStatus;
}

export interface SearchResult {
  /** The query as received (trimmed). */
  query: string;
  /** Matches in all, before limit/offset; COUNTED_MATCHES when there are more (totalIsLowerBound). */
  total: number;
  /** True when there are more than COUNTED_MATCHES matches and `total` is that bound ("10,000+"). */
  totalIsLowerBound: boolean;
  hits: SearchHit[];
  /** Operators of other search syntaxes the query used, searched as plain words (`NEAR(…)`, `*`, `^`). */
  unsupported: string[];
  /**
   * For a list by due window (no keywords): the dated targets due in the window among the listed measures, the
   * unit the digest counts. Counted in the same read as the list, so the two agree while documents change.
   */
  targetsDue?: number;
}

export interface SearchRequest {
  query: string;
  filters?: SearchFilters;
  limit?: number;
  offset?: number;
  /** YYYY-MM-DD in the configured time zone: the date `inForce` and documentStatus are judged on. */
  today: string;
}

function checkPaging(limit: number | undefined, offset: number | undefined): { limit: number; offset: number } {
  const l = limit ?? DEFAULT_LIMIT;
  const o = offset ?? 0;
  if (!Number.isInteger(l) || l < 1 || l > MAX_LIMIT) {
    throw new SearchInputError('bad_limit', `The number of results must be between 1 and ${MAX_LIMIT}.`);
  }
  if (!Number.isInteger(o) || o < 0) throw new SearchInputError('bad_limit', 'The result offset must be 0 or more.');
  return { limit: l, offset: o };
}

/**
 * Searches measures by words (ANDed, bm25 with title > departments > body), adding exact substrings for 1–2
 * character queries and when words find fewer than FEW_WORD_HITS (after the word matches, ranked apart); a
 * query with more than BROAD_QUERY_MATCHES matches lists those with its words in a title, then in the
 * departments, first; or, with an empty query and some filter, lists the filtered measures by document and
 * position. Bad input throws SearchInputError. `planSearch` then `runSearchPlan`, in this thread.
 *
 * @example searchMeasures(db, { query: '冷链 部门:商务', today: '2026-12-01' }, segmenter).hits[0]?.label
 */
export function searchMeasures(db: Db, req: SearchRequest, segmenter: Segmenter): SearchResult {
  return runSearchPlan(db, planSearch(req, segmenter));
}

/**
 * A search request checked and its keywords read: everything a search decides without the database. Plain data
 * (it crosses to a search thread, services/search-threads.ts), so the segmenter is needed only where it is built.
 */
export interface SearchPlan {
  query: string;
  limit: number;
  offset: number;
  today: string;
  filters: ResolvedFilters;
  /** Whether the request gave any filter (the resolved filters may be empty for, e.g., a kind-only filter). */
  filtered: boolean;
  /** The keywords as read; null for a blank query (list mode). */
  parsed: ParsedQuery | null;
}

/** Checks a request and reads its keywords: the part of a search that needs the segmenter. Throws SearchInputError. */
export function planSearch(req: SearchRequest, segmenter: Segmenter): SearchPlan {
  if (!isIsoDate(req.today)) throw new SearchInputError('bad_date', `"${req.today}" is not a date (YYYY-MM-DD).`);
  const { limit, offset } = checkPaging(req.limit, req.offset);
  const filters = resolveFilters(req.filters, req.today);
  const query = req.query.trim();
  const filtered = hasFilters(req.filters);
  if (isBlankQuery(query) && !filtered) {
    throw new SearchInputError('empty', 'Type something to search for (for example 冷链 or 5G基站), or give a filter.');
  }
  const parsed = isBlankQuery(query) ? null : parseQuery(query, segmenter);
  return { query, limit, offset, today: req.today, filters, filtered, parsed };
}

/**
 * Runs a planned search: SQL and the rows' snippets, no segmenter. Its statements read one snapshot (a read
 * transaction), so a count, its page and their rows agree even while another connection writes.
 */
export function runSearchPlan(db: Db, plan: SearchPlan): SearchResult {
  return db.transaction(() => runPlanInSnapshot(db, plan))();
}

function runPlanInSnapshot(db: Db, plan: SearchPlan): SearchResult {
  const { query, limit, offset, filters, parsed } = plan;
  let total: number;
  let totalIsLowerBound = false;
  let page: { measureId: string; rank: number }[];
  let needles: string[] = [];
  let unsupported: string[] = [];
  let targetsDue: number | undefined;
  if (parsed === null) {
    if (filters.dueFrom !== undefined || filters.dueTo !== undefined) targetsDue = countTargetsInWindow(db, filters);
    // The filters as a facet MATCH when they have a positive facet (in force alone has none) and a department
    // filter, if any, became tokens (its lead-first order needs its lead tokens); else SQL.
    const scope = facetScope(db, filters, undefined, true);
    const listed = scope.empty || scope.residual.departmentPatterns ? null : facetMatch(scope);
    if (scope.empty) {
      total = 0;
      page = [];
    } else if (listed !== null) {
      const lead = scope.leadGroups ? facetMatch({ groups: scope.leadGroups, exclude: scope.exclude }) : null;
      total = countMatches(db, listed, scope.residual);
      page = pageFacetListed(db, listed, lead, scope.residual, limit, offset).map((measureId) => ({
        measureId,
        rank: 0,
      }));
    } else {
      total = countListed(db, filters);
      page = pageListed(db, filters, limit, offset).map((measureId) => ({ measureId, rank: 0 }));
    }
  } else {
    needles = highlightNeedles(parsed);
    unsupported = parsed.unsupported;
    // Department, region, kind and in-force filters become facet tokens ANDed into every MATCH (intersected inside FTS5);
    // only the rest is joined per match.
    const scope = facetScope(db, filters);
    if (scope.empty) return { query, total: 0, totalIsLowerBound: false, hits: [], unsupported };
    const rest = scope.residual;
    const scoped = (m: string) => scopeMatch(m, scope);
    const words = scoped(wordMatch(parsed));
    // One pass counts the word matches, up to the bound past which a count is only "10,000+". It also says
    // whether words alone find enough or exact substrings must be added (always, for 1–2 characters); the
    // union is counted only when the words left the count below the bound (a union is slower to count). A
    // filtered 1–2 character query goes straight to the union: filters rarely leave 10,000 matches.
    const unionOnly = parsed.short && plan.filtered;
    const wordCount = unionOnly ? null : countMatchesUpTo(db, words, rest, COUNTED_MATCHES + 1);
    let counted = wordCount ?? 0;
    const substrings = parsed.short || counted < FEW_WORD_HITS;
    const union = scoped(wordOrCharMatch(parsed));
    if (substrings && counted <= COUNTED_MATCHES) counted = countMatchesUpTo(db, union, rest, COUNTED_MATCHES + 1);
    totalIsLowerBound = counted > COUNTED_MATCHES;
    total = Math.min(counted, COUNTED_MATCHES);
    const tierMatch: Record<MatchTier, () => string> = {
      title: () => scoped(titleMatch(parsed)),
      heading: () => scoped(headingMatch(parsed)),
      words: () => words,
      union: () => union,
    };
    const tiers = matchTiers({ substrings, wordCount, counted }).map((t) => tierMatch[t]());
    page = pageMatchesTiered(db, tiers, rest, limit, offset);
  }
  const hits = hydrate(db, page, needles, plan.today);
  return { query, total, totalIsLowerBound, hits, unsupported, ...(targetsDue === undefined ? {} : { targetsDue }) };
}

/**
 * Every measure a query and its filters select, with the same word / substring choice as `searchMeasures`, or
 * null when the query selects everything (no words, no filters). A channel subscription's scope.
 */
export function matchingMeasureIds(
  db: Db,
  req: { query: string; filters?: SearchFilters; today: string },
  segmenter: Segmenter,
): Set<string> | null {
  const filters = resolveFilters(req.filters, req.today);
  const query = req.query.trim();
  if (isBlankQuery(query)) return hasFilters(req.filters) ? new Set(allMatchingIds(db, null, filters)) : null;
  const parsed = parseQuery(query, segmenter);
  const scope = facetScope(db, filters);
  if (scope.empty) return new Set();
  const scoped = (m: string) => scopeMatch(m, scope);
  let match = scoped(wordMatch(parsed));
  if (parsed.short || !hasAtLeastMatches(db, match, scope.residual, FEW_WORD_HITS)) {
    match = scoped(wordOrCharMatch(parsed));
  }
  return new Set(allMatchingIds(db, match, scope.residual));
}

function hydrate(db: Db, page: { measureId: string; rank: number }[], needles: string[], today: string): SearchHit[] {
  if (page.length === 0) return [];
  const { rows, departments, targets } = loadHits(
    db,
    page.map((p) => p.measureId),
  );
  const byId = new Map(rows.map((r) => [r.measureId, r]));
  return page.flatMap(({ measureId, rank }) => {
    const r = byId.get(measureId);
    if (!r) return [];
    const depts = departments.filter((d) => d.measureId === measureId);
    return [
      {
        measureId,
        documentId: r.documentId,
        file: r.file,
        documentTitle: r.documentTitle,
        region: r.region,
        kind: r.kind,
        label: r.label,
        title: r.title,
        snippet: buildSnippet(r.text, needles),
        score: toScore(rank),
        departments: [...new Set(depts.map((d) => d.name))],
        leadDepartments: [...new Set(depts.filter((d) => d.role === 'lead').map((d) => d.name))],
        targets: targets
          .filter((t) => t.measureId === measureId)
          .map(({ id, taskId, text, due, precision, periodStart }) => ({
            id,
            taskId,
            text,
            due,
            precision,
            periodStart,
          })),
        documentStatus: refStatus(r, today),
      },
    ];
  });
}

/**
 * Whether the search index was built with this segmenter's dictionary and these rules: ensureSearchIndexFresh
 * would not rebuild it, and a read-only search can trust it.
 */
export function searchIndexIsFresh(db: Db, segmenter: Segmenter): boolean {
  return readIndexFingerprint(db) === indexFingerprint(segmenter);
}

/**
 * Start-up check: rebuilds the whole index when the user dictionary or the segmentation rules changed since it
 * was built (or it was never built by this module), otherwise only repairs drift. Cheap when nothing changed:
 * the segmenter's dictionaries are not loaded unless something is (re)indexed.
 */
export function ensureSearchIndexFresh(
  db: Db,
  logger: Logger,
  segmenter: Segmenter,
): { rebuilt: boolean; measures: number } {
  const fingerprint = indexFingerprint(segmenter);
  if (readIndexFingerprint(db) !== fingerprint) {
    const started = Date.now();
    const measures = reindexAll(db, segmenter);
    writeIndexFingerprint(db, fingerprint);
    logger.info('search index rebuilt (dictionary or segmentation changed)', {
      measures,
      elapsedMs: Date.now() - started,
    });
    return { rebuilt: true, measures };
  }
  const { added, removed } = repairIndex(db, segmenter);
  if (added || removed) logger.warn('search index repaired', { added, removed });
  return { rebuilt: false, measures: added };
}
