import type { KnownBlock } from '@slack/types';
import type { ParsedSearch } from '../../core/search/query-text.ts';
import type { SearchHit } from '../../services/search-service.ts';
import { ACTIONS } from '../ids.ts';
import { button, context, divider, fitBlocks, header, section } from '../kit/elements.ts';
import { code, listNames, shortTitle } from '../kit/format.ts';
import { MAX_BLOCKS_PER_MESSAGE } from '../kit/limits.ts';
import { boldMatches, escapeAndFit, escapeMrkdwn } from '../kit/mrkdwn.ts';
import { type Reply, reply } from '../kit/reply.ts';
import type { Strings } from '../strings.ts';
import { encodeSearchState, type SearchState } from './search-state.ts';

export interface SearchResultsInput {
  request: SearchState;
  search: ParsedSearch;
  total: number;
  /** `total` is a lower bound (a broad query's count stops at COUNTED_MATCHES): shown as "10,000+". */
  totalIsLowerBound?: boolean;
  hits: SearchHit[];
  pageSize: number;
  today: string;
  strings: Strings;
  /** Set when the message is being posted publicly: no buttons, a "shared by" line. */
  sharedBy?: string;
  /** Operators of other search syntaxes the query used, searched as plain words (NEAR(…), *). */
  unsupported?: string[];
  /** A due-window listing: how many targets (not measures) are due in the window. */
  targetsDue?: number;
}

const SNIPPET_CHARS = 600;

/** The title line people read first: what was searched, or the filters when there were no keywords. */
export function searchTitle(search: ParsedSearch, s: Strings): string {
  if (search.query !== '') return search.query;
  if (search.chips.length === 0) return s.allMeasures;
  return search.chips
    .map(([k, v]) => (k === 'inForce' ? s.filterNames.inForce : `${s.filterNames[k]}:${chipValue(k, v, search, s)}`))
    .join(' ');
}

function hitBlocks(hit: SearchHit, today: string, s: Strings, withButton: boolean): KnownBlock[] {
  const title = `*${escapeMrkdwn(hit.label)} ${escapeAndFit(hit.title, 200)}*`;
  const snippet = boldMatches(hit.snippet, SNIPPET_CHARS);
  const body = snippet && !hit.snippet.every((p) => hit.title.includes(p.text)) ? `${title}\n${snippet}` : title;
  const dues = [...new Map(hit.targets.map((t) => [t.due, t] as const)).values()].sort((a, b) =>
    a.due.localeCompare(b.due),
  );
  const meta = [
    code(hit.measureId),
    [hit.region, shortTitle(hit.documentTitle)]
      .filter(Boolean)
      .map((x) => escapeMrkdwn(x!))
      .join(' · '),
    hit.kind !== 'measure' ? s.kinds[hit.kind] : '',
    hit.documentStatus === 'expired' || hit.documentStatus === 'not_yet' ? s.status[hit.documentStatus] : '',
    hit.departments.length
      ? `${s.departments}: ${listNames(hit.leadDepartments.length ? [...hit.leadDepartments, ...hit.departments.filter((d) => !hit.leadDepartments.includes(d))] : hit.departments)}`
      : '',
    dues.length
      ? `${s.due}: ${dues
          .slice(0, 4)
          .map((d) => s.dueItem(s.duePhrase(d), d.due < today))
          .join('、')}${dues.length > 4 ? ' …' : ''}`
      : '',
  ];
  return [
    section(body, withButton ? button(ACTIONS.SHOW_MEASURE, s.details, hit.measureId) : undefined),
    context([meta.filter(Boolean).join('  |  ')]),
  ];
}

/** A filter's value in the reader's language: 问答 rather than qa, 已过期 rather than overdue. */
function chipValue(key: string, value: string, search: ParsedSearch, s: Strings): string {
  if (key === 'kind' && search.filters.kind && Object.hasOwn(s.kinds, search.filters.kind)) {
    return s.kinds[search.filters.kind as keyof typeof s.kinds];
  }
  if (key === 'due') {
    if (value === 'overdue') return s.overdue;
    const days = /^next (\d+)d$/.exec(value)?.[1];
    if (days) return s.nextDays(Number(days));
  }
  return value;
}

/** Search results as a message: header, count and filters, 2 blocks per hit, then More / Share. */
export function buildSearchResults(input: SearchResultsInput): Reply {
  const { request, search, total, hits, strings: s, today, sharedBy } = input;
  const atLeast = input.totalIsLowerBound ?? false;
  const from = hits.length ? request.offset + 1 : 0;
  const to = request.offset + hits.length;
  const chips = search.chips.map(([k, v]) =>
    k === 'inForce' ? s.filterNames.inForce : `${s.filterNames[k]}: ${escapeMrkdwn(chipValue(k, v, search, s))}`,
  );
  const head: KnownBlock[] = [
    header(s.resultsHeader(searchTitle(search, s))),
    context([
      s.resultsCount(total, from, to, atLeast) +
        (input.targetsDue === undefined || total === 0 ? '' : ` · ${s.resultsTargetsDue(input.targetsDue)}`),
      ...(chips.length ? [`${s.filtersLabel}: ${chips.join(' · ')}`] : []),
      ...(sharedBy ? [s.sharedBy(sharedBy)] : []),
    ]),
  ];
  if (input.unsupported && input.unsupported.length > 0)
    head.push(context([s.unsupportedSyntax(input.unsupported.join(' '))]));
  if (hits.length === 0) {
    head.push(section(s.noResultsHint));
    return reply(`${searchTitle(search, s)}: ${s.resultsCount(total, from, to, atLeast)}`, head);
  }
  const tail: KnownBlock[] = [];
  if (!sharedBy) {
    const buttons = [];
    const remaining = total - to;
    if (request.offset > 0) {
      const previous = Math.max(0, request.offset - input.pageSize);
      buttons.push(button(ACTIONS.SEARCH_PREVIOUS, s.previous, encodeSearchState({ ...request, offset: previous })));
    }
    // Past the counted bound there are still more (the count stopped there, the matches did not).
    if (remaining > 0 || atLeast) {
      buttons.push(
        button(
          ACTIONS.SEARCH_MORE,
          s.more(remaining, atLeast),
          encodeSearchState({ ...request, offset: to }),
          'primary',
        ),
      );
    }
    buttons.push(button(ACTIONS.SHARE_RESULTS, s.share, encodeSearchState(request)));
    tail.push(divider(), { type: 'actions', block_id: 'search_actions', elements: buttons });
  }
  const blocks = fitBlocks(
    head,
    hits.map((h) => hitBlocks(h, today, s, !sharedBy)),
    tail,
    MAX_BLOCKS_PER_MESSAGE,
    s.andMore,
  );
  const fallback =
    `${searchTitle(search, s)}: ${s.resultsCount(total, from, to, atLeast)}\n` +
    hits.map((h) => `${h.measureId} ${h.label} ${h.title}`).join('\n');
  return reply(fallback, blocks);
}
