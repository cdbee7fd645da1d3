import { describe, expect, it } from 'vitest';
import { BROAD_QUERY_MATCHES, COUNTED_MATCHES } from '../../src/core/search/ranking.ts';
import { reindexAll } from '../../src/repo/search-index-repo.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { testDb } from '../helpers/db.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

/**
 * A broad query counts its matches only up to COUNTED_MATCHES and says so; below that the count is exact. One
 * document whose measures all mention 冷链 (a few thousand also mention 物流), indexed for real.
 */
function dbWith(measures: number, withLogistics: number) {
  const db = testDb();
  db.prepare(
    `INSERT INTO documents (id, file, content_hash, title, kind, ingested_at)
     VALUES ('d1', 'd1.txt', 'h', '冷链物流发展方案', 'policy', '2026-01-01T00:00:00Z')`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO measures (id, document_id, position, kind, label, ordinal, title, text, content_hash)
     VALUES (?, 'd1', ?, 'measure', ?, ?, ?, ?, 'h')`,
  );
  db.transaction(() => {
    for (let i = 0; i < measures; i++) {
      const text = i < withLogistics ? `第${i}项：完善冷链物流设施。` : `第${i}项：完善冷链设施。`;
      insert.run(`d1-${i + 1}`, i, `${i + 1}.`, i + 1, `举措${i + 1}`, text);
    }
  })();
  reindexAll(db, testSegmenter);
  return db;
}

describe('counting the matches of a broad query', () => {
  const db = dbWith(COUNTED_MATCHES + 50, BROAD_QUERY_MATCHES + 200);
  const search = (query: string) => searchMeasures(db, { query, limit: 8, today: '2026-12-01' }, testSegmenter);

  it('more than COUNTED_MATCHES: the bound, said to be one, and a full first page', () => {
    const r = search('冷链');
    expect(r.totalIsLowerBound).toBe(true);
    expect(r.total).toBe(COUNTED_MATCHES);
    expect(r.hits).toHaveLength(8);
  });

  it('a broad query under the bound is counted exactly', () => {
    const r = search('物流');
    expect(r.totalIsLowerBound).toBe(false);
    expect(r.total).toBe(BROAD_QUERY_MATCHES + 200);
  });

  it('a narrow query is counted exactly', () => {
    const r = search('第7项');
    expect(r.totalIsLowerBound).toBe(false);
    expect(r.hits.map((h) => h.measureId)).toContain('d1-8');
  });
});
