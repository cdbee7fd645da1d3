import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { testDb } from '../helpers/db.ts';
import { SEEDS_DIR, SHARED_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

interface EvalFile {
  queries: { query: string; expect: { file: string; label: string }[] }[];
}

const evalFile = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'eval', 'queries.json'), 'utf8')) as EvalFile;
let db: Db;

beforeAll(async () => {
  db = testDb();
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock('2024-01-01T00:00:00Z'), segmenter: testSegmenter }, [
    SEEDS_DIR,
  ]);
}, 60_000);

describe('search relevance on the seeds (shared/eval/queries.json)', () => {
  it.each(evalFile.queries.map((q) => [q.query, q.expect] as const))(
    '%s: every expected measure is in the top 5',
    (query, expected) => {
      const top = searchMeasures(db, { query, limit: 5, today: '2024-01-01' }, testSegmenter).hits.map(
        (h) => `${h.file} ${h.label}`,
      );
      for (const e of expected) expect(top).toContain(`${e.file} ${e.label}`);
    },
  );

  it('recall@5 over all expected pairs is 1.0', () => {
    let found = 0;
    let all = 0;
    for (const q of evalFile.queries) {
      const top = searchMeasures(db, { query: q.query, limit: 5, today: '2024-01-01' }, testSegmenter).hits;
      for (const e of q.expect) {
        all += 1;
        if (top.some((h) => h.file === e.file && h.label === e.label)) found += 1;
      }
    }
    expect(all).toBeGreaterThan(0);
    expect(found / all).toBe(1);
  });
});
