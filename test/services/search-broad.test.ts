import { describe, expect, it } from 'vitest';
import { BROAD_QUERY_MATCHES, COUNTED_MATCHES } from '../../src/core/search/ranking.ts';
import { reindexAll } from '../../src/repo/search-index-repo.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { testDb } from '../helpers/db.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

/** One document holding the given measures (id, title, text, in file order), indexed for real. */
function indexedDocument(measures: [id: string, title: string, text: string][]) {
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
    for (const [i, [id, title, text]] of measures.entries()) insert.run(id, i, `${i + 1}.`, i + 1, title, text);
  })();
  reindexAll(db, testSegmenter);
  return db;
}

/**
 * A broad query counts its matches only up to COUNTED_MATCHES and says so; below that the count is exact. One
 * document whose measures all mention 冷链 (a few thousand also mention 物流).
 */
function dbWith(measures: number, withLogistics: number) {
  return indexedDocument(
    Array.from({ length: measures }, (_, i) => [
      `d1-${i + 1}`,
      `举措${i + 1}`,
      i < withLogistics ? `第${i}项：完善冷链物流设施。` : `第${i}项：完善冷链设施。`,
    ]),
  );
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

describe('the pages of a broad query', () => {
  // 冷链 in every text; in the title of five measures near the end (so file order does not put them first); in
  // the department (冷链物流办, lead) of five in the middle.
  const measures = BROAD_QUERY_MATCHES + 500;
  const five = (from: number) => Array.from({ length: 5 }, (_, i) => `d1-${from + i}`);
  const inTitle = five(BROAD_QUERY_MATCHES + 1);
  const inDepartment = five(Math.floor(BROAD_QUERY_MATCHES / 2) + 1);
  const db = dbWith(measures, 0);
  db.transaction(() => {
    for (const id of inTitle) db.prepare('UPDATE measures SET title = ? WHERE id = ?').run(`冷链举措${id}`, id);
    for (const id of inDepartment) {
      db.prepare(
        `INSERT INTO tasks (id, measure_id, position, text_from, text_to, content_hash) VALUES (?, ?, 0, 0, 1, 'h')`,
      ).run(`${id}.1`, id);
      db.prepare(
        `INSERT INTO task_departments (task_id, position, name, role) VALUES (?, 0, '冷链物流办', 'lead')`,
      ).run(`${id}.1`);
    }
  })();
  reindexAll(db, testSegmenter);
  const page = (limit: number, offset: number) =>
    searchMeasures(db, { query: '冷链', limit, offset, today: '2026-12-01' }, testSegmenter).hits.map(
      (h) => h.measureId,
    );

  it('lists title matches, then department matches, then the rest, each once, whatever the page size', () => {
    const first = page(12, 0);
    expect(first.slice(0, 5).sort()).toEqual([...inTitle].sort());
    expect(first.slice(5, 10).sort()).toEqual([...inDepartment].sort());
    expect(first.slice(10).some((id) => inTitle.includes(id) || inDepartment.includes(id))).toBe(false);
    // Pages of 3 and 4 across both tier boundaries give the same rows in the same order.
    const byThree = [0, 3, 6, 9].flatMap((o) => page(3, o));
    expect(byThree).toEqual(first);
    const byFour = [0, 4, 8].flatMap((o) => page(4, o));
    expect(byFour).toEqual(first);
  });
});

describe('a short query whose characters are also inside longer words', () => {
  // 冷 is a word of its own in "今年冬天很冷" and only a run of characters inside 冷链, 冷库 and 冷藏 (jieba keeps
  // them whole). The substring measures come first in the file and are short and dense with 冷, the word
  // measures long, so bm25 over the union would put substring measures first.
  const db = indexedDocument([
    ...Array.from({ length: 7 }, (_, i): [string, string, string] => [
      `sub-${i}`,
      `冷链${i}`,
      '冷链冷库冷藏冷链冷库冷藏。',
    ]),
    ...Array.from({ length: 5 }, (_, k): [string, string, string] => [
      `word-${k + 7}`,
      `举措${k + 7}`,
      `今年冬天很冷。${'完善城乡商贸流通设施，'.repeat(30)}`,
    ]),
    ...Array.from({ length: 100 }, (_, k): [string, string, string] => [
      `none-${k + 12}`,
      `举措${k + 12}`,
      '完善设施。',
    ]),
  ]);
  const page = (limit: number, offset: number) =>
    searchMeasures(db, { query: '冷', limit, offset, today: '2026-12-01' }, testSegmenter);

  it('counts both kinds and lists the measures holding it as a word first, each once across pages', () => {
    const all = page(20, 0);
    expect(all.total).toBe(12);
    const ids = all.hits.map((h) => h.measureId);
    expect(ids.slice(0, 5).sort()).toEqual(['word-10', 'word-11', 'word-7', 'word-8', 'word-9']);
    expect(ids.slice(5).sort()).toEqual(['sub-0', 'sub-1', 'sub-2', 'sub-3', 'sub-4', 'sub-5', 'sub-6']);
    const byThree = [0, 3, 6, 9].flatMap((o) => page(3, o).hits.map((h) => h.measureId));
    expect(byThree).toEqual(ids);
  });
});
