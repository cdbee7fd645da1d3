import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import type { Db } from '../../../src/db/open.ts';
import { fixedClock } from '../../../src/lib/clock.ts';
import { deepFreeze } from '../../../src/lib/deep-freeze.ts';
import { silentLogger } from '../../../src/lib/logger.ts';
import { type SearchResult, searchMeasures } from '../../../src/services/search-service.ts';
import { type SlackDeps, slackDeps } from '../../../src/slack/deps.ts';
import { RESULTS_PAGE_SIZE } from '../../../src/slack/kit/limits.ts';
import { runSearch } from '../../../src/slack/search/run-search.ts';
import type { SearchState } from '../../../src/slack/search/search-state.ts';
import { seededDb } from '../../helpers/db.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';

/**
 * A reused (frozen) answer reuses its rendered page only for the same request: two ways of asking the same
 * search share one answer but each gets the page it would get on its own.
 */
const TODAY = '2026-12-01';
let db: Db;
let base: SlackDeps;

beforeAll(async () => {
  db = await seededDb();
  base = slackDeps({
    db,
    clock: fixedClock(`${TODAY}T02:00:00Z`),
    logger: silentLogger,
    config: loadConfig({ LOG_LEVEL: 'silent', DIGEST_TZ: 'Asia/Shanghai' }),
    segmenter: testSegmenter,
  });
}, 60_000);

const answer = (): SearchResult =>
  searchMeasures(
    db,
    { query: '', filters: { department: '商务' }, limit: RESULTS_PAGE_SIZE, today: TODAY },
    testSegmenter,
  );

describe('runSearch with a reused answer', () => {
  it('renders each request’s own page, though both get the same answer object', async () => {
    const shared = deepFreeze(answer());
    const reusing: SlackDeps = { ...base, search: async () => shared };
    const fresh: SlackDeps = { ...base, search: async () => answer() };
    const asDept: SearchState = { source: 'dept', args: '商务', offset: 0 };
    const asFilter: SearchState = { source: 'search', args: '部门:商务', offset: 0 };
    const alone = { dept: await runSearch(asDept, fresh), filter: await runSearch(asFilter, fresh) };
    expect(alone.dept.blocks).not.toEqual(alone.filter.blocks);

    expect(await runSearch(asDept, reusing)).toEqual(alone.dept);
    expect(await runSearch(asFilter, reusing)).toEqual(alone.filter);
    expect(await runSearch(asDept, reusing)).toEqual(alone.dept);
  });

  it('still gives the right page after the same search was typed fifty ways (its pages are capped)', async () => {
    const shared = deepFreeze(answer());
    const reusing: SlackDeps = { ...base, search: async () => shared };
    // An @mention in the text is dropped before searching: each of these is the same search.
    for (let i = 0; i < 50; i++) await runSearch({ source: 'search', args: `部门:商务 <@U${i}>`, offset: 0 }, reusing);
    const first = { source: 'search', args: '部门:商务 <@U0>', offset: 0 } as const;
    const again = await runSearch(first, reusing);
    expect(again).toEqual(await runSearch(first, { ...base, search: async () => answer() }));
  });
});
