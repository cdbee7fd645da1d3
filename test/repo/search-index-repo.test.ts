import { beforeAll, describe, expect, it } from 'vitest';
import { ftsString } from '../../src/core/search/query.ts';
import { indexFingerprint } from '../../src/core/search/segment.ts';
import { migrate, readMigrations } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import {
  indexMeasures,
  readIndexFingerprint,
  reindexAll,
  removeMeasuresFromIndex,
  writeIndexFingerprint,
} from '../../src/repo/search-index-repo.ts';
import { warmSegmenter } from '../../src/search/jieba-segmenter.ts';
import { ensureSearchIndexFresh } from '../../src/services/search-service.ts';
import { addDocument } from '../core/search/fixtures.ts';
import { testDb } from '../helpers/db.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(testSegmenter), 60_000);

/** Measure ids whose `column` holds `token` (the index is contentless: it can only be matched, not read). */
const matching = (db: ReturnType<typeof testDb>, column: string, token: string) =>
  db
    .prepare(
      `SELECT s.measure_id FROM measure_fts f JOIN search_rows s ON s.id = f.rowid WHERE measure_fts MATCH ? ORDER BY s.measure_id`,
    )
    .pluck()
    .all(`${column} : ${ftsString(token)}`) as string[];

const indexed = (db: ReturnType<typeof testDb>) =>
  db.prepare('SELECT measure_id FROM search_rows ORDER BY measure_id').pluck().all() as string[];

describe('search index repository', () => {
  it('stores segmented words, departments and one token per character', () => {
    const db = testDb();
    addDocument(db, {
      id: 'tjaa',
      measures: [
        {
          label: '（一）',
          title: '冷链5G',
          text: '冷链5G。',
          tasks: [{ departments: [{ name: '市商务局', role: 'lead' }] }],
        },
      ],
    });
    expect(matching(db, 'title', '冷链')).toEqual(['tjaa-1']);
    expect(matching(db, 'title', '5g')).toEqual(['tjaa-1']);
    expect(matching(db, 'departments', '商务局')).toEqual(['tjaa-1']);
    expect(matching(db, 'chars', '链 5 g 冷')).toEqual(['tjaa-1']);
    expect(matching(db, 'body', '商务局')).toEqual([]);
  });

  it('re-indexing replaces a measure’s row instead of adding another, and removal deletes it', () => {
    const db = testDb();
    addDocument(db, {
      id: 'tjaa',
      measures: [
        { label: '（一）', title: '冷链', text: '冷链。' },
        { label: '（二）', title: '车联网', text: '车联网。' },
      ],
    });
    db.prepare("UPDATE measures SET title = '充电桩' WHERE id = 'tjaa-1'").run();
    indexMeasures(db, ['tjaa-1'], testSegmenter);
    expect(matching(db, 'title', '充电桩')).toEqual(['tjaa-1']);
    expect(matching(db, 'title', '冷链')).toEqual([]);
    expect(indexed(db)).toEqual(['tjaa-1', 'tjaa-2']);
    removeMeasuresFromIndex(db, ['tjaa-1', 'not-there']);
    expect(indexed(db)).toEqual(['tjaa-2']);
    expect(matching(db, 'title', '充电桩')).toEqual([]);
  });

  it('keeps a measure findable when its kind changes (the kind is part of its index key)', () => {
    const db = testDb();
    addDocument(db, { id: 'tjaa', measures: [{ label: '（一）', title: '冷链', text: '冷链。' }] });
    db.prepare("UPDATE measures SET kind = 'answer' WHERE id = 'tjaa-1'").run();
    indexMeasures(db, ['tjaa-1'], testSegmenter);
    expect(matching(db, 'title', '冷链')).toEqual(['tjaa-1']);
    expect(db.prepare('SELECT COUNT(*) FROM measure_fts').pluck().get()).toBe(1);
  });

  it('rebuilds the whole index from the measures table', () => {
    const db = testDb();
    addDocument(db, {
      id: 'tjaa',
      measures: [
        { label: '（一）', title: '冷链', text: '冷链。' },
        { label: '（二）', title: '车联网', text: '车联网。' },
      ],
    });
    expect(reindexAll(db, testSegmenter)).toBe(2);
    expect(matching(db, 'title', '车联网')).toEqual(['tjaa-2']);
    expect(db.prepare('SELECT COUNT(*) FROM measure_fts').pluck().get()).toBe(2);
  });
});

describe('migration 005 (contentless index)', () => {
  it('rebuilds an index written before it, on the next freshness check, and finds the same measures', () => {
    const db = openDatabase(':memory:');
    const all = readMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 5),
    );
    // An index as the earlier schema held it: text in the FTS table, a fingerprint saying it is current.
    db.exec(`INSERT INTO documents (id, file, content_hash, title, kind, ingested_at) VALUES ('tjaa', 'a.txt', 'h', '文件', 'policy', 'x');
      INSERT INTO measures (id, document_id, position, kind, label, ordinal, title, text, content_hash)
        VALUES ('tjaa-1', 'tjaa', 0, 'measure', '（一）', 1, '冷链物流', '建设冷链设施。', 'h1');
      INSERT INTO search_rows (id, measure_id) VALUES (1, 'tjaa-1');
      INSERT INTO measure_fts (rowid, title, departments, body, chars) VALUES (1, '冷链 物流', '', '建设 冷链 设施', '');`);
    writeIndexFingerprint(db, indexFingerprint(testSegmenter));
    migrate(db, all);
    expect(readIndexFingerprint(db)).toBeUndefined();
    expect(ensureSearchIndexFresh(db, silentLogger, testSegmenter)).toEqual({ rebuilt: true, measures: 1 });
    expect(matching(db, 'title', '冷链')).toEqual(['tjaa-1']);
  });
});
