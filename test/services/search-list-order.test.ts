import { describe, expect, it } from 'vitest';
import { reindexAll } from '../../src/repo/search-index-repo.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { testDb } from '../helpers/db.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

/**
 * List mode (filters, no words) shows measures by document file, then position, whichever filter selects them
 * and in whatever order the documents were stored. Two Tianjin documents stored with the later file first,
 * a Hunan one between them; positions stored out of order too.
 */
function db3() {
  const db = testDb();
  const doc = db.prepare(
    `INSERT INTO documents (id, file, content_hash, title, kind, region, region_path, ingested_at)
     VALUES (?, ?, ?, ?, 'policy', ?, ?, '2026-01-01T00:00:00Z')`,
  );
  const measure = db.prepare(
    `INSERT INTO measures (id, document_id, position, kind, label, ordinal, title, text, content_hash)
     VALUES (?, ?, ?, 'measure', ?, ?, ?, ?, 'h')`,
  );
  const task = db.prepare(
    `INSERT INTO tasks (id, measure_id, position, text_from, text_to, content_hash) VALUES (?, ?, 0, 0, 4, 'h')`,
  );
  const dept = db.prepare(`INSERT INTO task_departments (task_id, position, name, role) VALUES (?, 0, ?, ?)`);
  const add = (docId: string, position: number, department: string, role: string) => {
    const id = `${docId}-${position + 1}`;
    measure.run(
      id,
      docId,
      position,
      `${position + 1}.`,
      position + 1,
      `举措${position + 1}`,
      `推进建设。（${department}负责）`,
    );
    task.run(`${id}.1`, id);
    dept.run(`${id}.1`, department, role);
  };
  doc.run('zz', 'z-tianjin.txt', 'h1', '天津市方案乙', '天津市', '天津市');
  add('zz', 1, '市商务局', 'lead');
  add('zz', 0, '市商务局', 'co');
  doc.run('hn', 'm-hunan.txt', 'h2', '湖南省方案', '湖南省', '湖南省');
  add('hn', 0, '省商务厅', 'lead');
  doc.run('aa', 'a-tianjin.txt', 'h3', '天津市方案甲', '天津市', '天津市');
  add('aa', 1, '市发展改革委', 'lead');
  add('aa', 0, '市商务局', 'co');
  reindexAll(db, testSegmenter);
  return db;
}

describe('list mode order', () => {
  const db = db3();
  const list = (filters: Record<string, unknown>, limit = 10, offset = 0) =>
    searchMeasures(db, { query: '', filters, limit, offset, today: '2026-12-01' }, testSegmenter);

  it('a filter on documents lists by file, then position, and pages without skipping', () => {
    const all = list({ region: '天津' });
    expect(all.total).toBe(4);
    expect(all.hits.map((h) => h.measureId)).toEqual(['aa-1', 'aa-2', 'zz-1', 'zz-2']);
    expect(list({ region: '天津' }, 3, 0).hits.map((h) => h.measureId)).toEqual(['aa-1', 'aa-2', 'zz-1']);
    expect(list({ region: '天津' }, 3, 3).hits.map((h) => h.measureId)).toEqual(['zz-2']);
    expect(list({ kind: 'policy' }).hits.map((h) => h.measureId)).toEqual(['aa-1', 'aa-2', 'hn-1', 'zz-1', 'zz-2']);
  });

  it('a department filter lists the measures it leads first, each group by file, then position', () => {
    const r = list({ department: '商务' });
    expect(r.total).toBe(4);
    expect(r.hits.map((h) => h.measureId)).toEqual(['hn-1', 'zz-2', 'aa-1', 'zz-1']);
    expect(list({ department: '商务', region: '天津' }).hits.map((h) => h.measureId)).toEqual(['zz-2', 'aa-1', 'zz-1']);
  });
});
