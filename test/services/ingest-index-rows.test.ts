import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { reindexAll } from '../../src/repo/search-index-repo.ts';
import { warmSegmenter } from '../../src/search/jieba-segmenter.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { testDb } from '../helpers/db.ts';
import { SEEDS_DIR, SHARED_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

/**
 * The ingest builds a document's index rows from what it stores; a rebuild (a new dictionary, a repair) builds
 * them from the tables. Both must give the index the same tokens in the same places, or a search would answer
 * differently after a rebuild. Compared token by token through fts5vocab over the seeds and the first State Council pages.
 */
const CORPUS = path.join(SHARED_DIR, 'corpus', 'govcn-2019');

/** Every token of the index: measure, column, token, position. */
function dump(db: Db): string[] {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_instances USING fts5vocab(main, measure_fts, instance)');
  return (
    db
      .prepare(
        `SELECT s.measure_id || ' ' || v.col || ' ' || v.offset || ' ' || v.term AS row
           FROM temp.index_instances v JOIN search_rows s ON s.id = v.doc`,
      )
      .pluck()
      .all() as string[]
  ).sort();
}

let db: Db;
beforeAll(async () => {
  warmSegmenter(testSegmenter);
  db = testDb();
  const deps = { db, logger: silentLogger, clock: fixedClock('2026-12-01T00:00:00Z'), segmenter: testSegmenter };
  await ingestPaths(deps, [SEEDS_DIR]);
  // Pages the parser refuses (a decision with no numbered items) are left out, one file at a time.
  for (const f of fs
    .readdirSync(CORPUS)
    .filter((x) => x.endsWith('.html'))
    .sort()
    .slice(0, 8)) {
    await ingestPaths(deps, [path.join(CORPUS, f)]).catch((err: Error) => {
      if (err.name !== 'IngestError') throw err;
    });
  }
}, 120_000);

describe('index rows written by the ingest', () => {
  it('are exactly the rows a rebuild from the stored tables writes', () => {
    const measures = db.prepare('SELECT count(*) FROM measures').pluck().get() as number;
    expect(measures).toBeGreaterThan(100);
    const atIngest = dump(db);
    expect(atIngest.length).toBeGreaterThan(10_000);
    reindexAll(db, testSegmenter);
    expect(dump(db)).toEqual(atIngest);
  });
});
