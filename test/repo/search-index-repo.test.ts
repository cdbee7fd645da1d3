import { beforeAll, describe, expect, it } from 'vitest';
import { warmSegmenter } from '../../src/search/jieba-segmenter.ts';
import { testDb } from '../helpers/db.ts';
import { addDocument } from '../core/search/fixtures.ts';
import { indexMeasures, removeMeasuresFromIndex } from '../../src/repo/search-index-repo.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(), 60_000);

const ftsRows = (db: ReturnType<typeof testDb>) =>
  db.prepare('SELECT s.measure_id AS id, f.title, f.departments, f.chars FROM measure_fts f JOIN search_rows s ON s.id = f.rowid ORDER BY s.measure_id').all() as {
    id: string;
    title: string;
    departments: string;
    chars: string;
  }[];

describe('search index repository', () => {
  it('stores segmented words, departments and one token per character', () => {
    const db = testDb();
    addDocument(db, {
      id: 'tjaa',
      measures: [{ label: '（一）', title: '冷链5G', text: '冷链5G。', tasks: [{ departments: [{ name: '市商务局', role: 'lead' }] }] }],
    });
    const [row] = ftsRows(db);
    expect(row!.title.split(' ').sort()).toEqual(['5g', '冷链']);
    expect(row!.departments.split(' ')).toContain('商务局');
    expect(row!.chars).toBe('冷 链 5 g 冷 链 5 g');
  });

  it('re-indexing replaces a measure’s row instead of adding another, and removal deletes it', () => {
    const db = testDb();
    addDocument(db, { id: 'tjaa', measures: [{ label: '（一）', title: '冷链', text: '冷链。' }, { label: '（二）', title: '车联网', text: '车联网。' }] });
    db.prepare("UPDATE measures SET title = '充电桩' WHERE id = 'tjaa-1'").run();
    indexMeasures(db, ['tjaa-1']);
    expect(ftsRows(db).map((r) => [r.id, r.title])).toEqual([
      ['tjaa-1', '充电 充电桩'],
      ['tjaa-2', '联网 车联网'],
    ]);
    removeMeasuresFromIndex(db, ['tjaa-1', 'not-there']);
    expect(ftsRows(db).map((r) => r.id)).toEqual(['tjaa-2']);
  });
});
