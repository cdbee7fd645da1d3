import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStamp } from '../../src/db/change-stamp.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { ingestSources } from '../../src/services/ingest-service.ts';
import { cachedSearches } from '../../src/services/search-cache.ts';
import { type SearchRequest, type SearchResult, searchMeasures } from '../../src/services/search-service.ts';
import type { SearchRunner } from '../../src/services/search-threads.ts';
import { seededDbFile } from '../helpers/db.ts';
import { numberedPlan } from '../helpers/numbered-plan.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const today = '2026-12-01';
let dir: string;
let file: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-search-cache-'));
  file = await seededDbFile(dir);
  db = openDatabase(file);
}, 60_000);

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The real search, counting how often it ran. */
function counted(): { run: SearchRunner; runs: () => number } {
  let n = 0;
  return {
    run: async (req) => {
      n++;
      return searchMeasures(db, req, testSegmenter);
    },
    runs: () => n,
  };
}

const ids = (r: SearchResult) => r.hits.map((h) => h.measureId);

describe('cachedSearches', () => {
  it('answers a request asked again from the first run while nothing is written', async () => {
    const c = counted();
    const search = cachedSearches(c.run, () => changeStamp(db));
    const first = await search({ query: '冷链', today });
    const again = await search({ query: '冷链', today });
    expect(c.runs()).toBe(1);
    expect(again).toEqual(searchMeasures(db, { query: '冷链', today }, testSegmenter));
    expect(again).toBe(first);
  });

  it('runs again for anything else in the request: another page, filter, day or query', async () => {
    const c = counted();
    const search = cachedSearches(c.run, () => changeStamp(db));
    const base: SearchRequest = { query: '消费', today };
    const variants: SearchRequest[] = [
      base,
      { ...base, offset: 5 },
      { ...base, limit: 3 },
      { ...base, filters: { department: '商务' } },
      { ...base, today: '2020-01-01' },
      { query: '消费 ', today },
    ];
    for (const req of variants) expect(await search(req)).toEqual(searchMeasures(db, req, testSegmenter));
    expect(c.runs()).toBe(variants.length);
  });

  it('sees a document ingested on the same connection, and a delete by another connection to the file', async () => {
    const c = counted();
    const search = cachedSearches(c.run, () => changeStamp(db));
    const query = '氢能重卡示范';
    expect((await search({ query, today })).total).toBe(0);
    const deps = { db, logger: silentLogger, clock: fixedClock('2026-12-01T02:00:00Z'), segmenter: testSegmenter };
    const plan = numberedPlan('关于氢能重卡示范的实施方案', 2, (k) => `开展氢能重卡示范第${k}批`);
    await ingestSources(deps, [{ file: 'hydrogen.txt', bytes: Buffer.from(plan) }]);
    const afterIngest = await search({ query, today });
    expect(afterIngest.total).toBe(2);

    // Another connection (as the CLI's ingest or removal opens) deletes one of them.
    const other = openDatabase(file);
    try {
      other.prepare('DELETE FROM measures WHERE id = ?').run(afterIngest.hits[0]!.measureId);
    } finally {
      other.close();
    }
    const afterDelete = await search({ query, today });
    expect(ids(afterDelete)).toEqual([afterIngest.hits[1]!.measureId]);
    expect(c.runs()).toBe(3);
  });

  it('does not keep an answer read before a write under the stamp after it (a write while a search is in flight)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let n = 0;
    // Reads at once, answers later: a search whose snapshot predates a write made while it was in flight.
    const run: SearchRunner = async (req) => {
      n++;
      const before = searchMeasures(db, req, testSegmenter);
      await gate;
      return before;
    };
    const search = cachedSearches(run, () => changeStamp(db));
    const query = '碳足迹标识';
    const inFlight = search({ query, today });
    const deps = { db, logger: silentLogger, clock: fixedClock('2026-12-01T02:00:00Z'), segmenter: testSegmenter };
    const plan = numberedPlan('关于推行碳足迹标识的实施方案', 1, () => '推行碳足迹标识认证');
    await ingestSources(deps, [{ file: 'carbon.txt', bytes: Buffer.from(plan) }]);
    release();
    expect((await inFlight).total).toBe(0);
    expect((await search({ query, today })).total).toBe(1);
    expect(n).toBe(2);
  });

  it('shares one run between identical requests in flight, and keeps no error', async () => {
    let n = 0;
    let fail = true;
    const run: SearchRunner = async (req) => {
      n++;
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error('thread gone');
      return searchMeasures(db, req, testSegmenter);
    };
    const search = cachedSearches(run, () => changeStamp(db));
    const both = await Promise.allSettled([search({ query: '养老', today }), search({ query: '养老', today })]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(n).toBe(1);
    fail = false;
    expect((await search({ query: '养老', today })).total).toBeGreaterThan(0);
    expect(n).toBe(2);
  });

  it('hands out answers no caller can change for another', async () => {
    const search = cachedSearches(counted().run, () => changeStamp(db));
    const r = await search({ query: '冷链', today });
    expect(() => r.hits.pop()).toThrow(TypeError);
    expect(() => {
      (r.hits[0] as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect((await search({ query: '冷链', today })).hits[0]!.title).not.toBe('changed');
  });

  it('keeps at most `entries` answers, dropping the least recently asked; 0 keeps none', async () => {
    const c = counted();
    const search = cachedSearches(c.run, () => changeStamp(db), 2);
    for (const query of ['冷链', '物流', '冷链', '养老', '冷链']) await search({ query, today });
    // 冷链 was asked again before 养老 came in, so 物流 was the one dropped.
    expect(c.runs()).toBe(3);
    await search({ query: '物流', today });
    expect(c.runs()).toBe(4);

    const none = counted();
    const uncached = cachedSearches(none.run, () => changeStamp(db), 0);
    await uncached({ query: '冷链', today });
    await uncached({ query: '冷链', today });
    expect(none.runs()).toBe(2);
  });

  it('runs without keeping anything while a write is in progress or the stamp cannot be read', async () => {
    const c = counted();
    const search = cachedSearches(c.run, () => null);
    await search({ query: '冷链', today });
    await search({ query: '冷链', today });
    expect(c.runs()).toBe(2);
    // A stamp that cannot be read (the database busy or gone) is no stamp: the search still runs.
    const unreadable = cachedSearches(c.run, () => {
      throw new Error('database is locked');
    });
    expect((await unreadable({ query: '冷链', today })).total).toBeGreaterThan(0);
    expect(c.runs()).toBe(3);
  });
});
