import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Segmenter } from '../../src/core/search/segmenter.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { getDocument, listDocuments, listMeasures } from '../../src/repo/documents-repo.ts';
import { readIngestLease } from '../../src/repo/documents-writer.ts';
import { getFollowup, listFollowups } from '../../src/repo/followups-repo.ts';
import {
  followupOrphan,
  listIndexedDocuments,
  pendingRevisionNotices,
  removeDocument,
} from '../../src/services/document-service.ts';
import { acquireIngestLease } from '../../src/services/ingest-lease.ts';
import { IngestBusyError, ingestPaths, ingestSources } from '../../src/services/ingest-service.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { testDb } from '../helpers/db.ts';
import { insertMeasureFollowup } from '../helpers/followup-fixture.ts';
import { SEEDS_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const TIANJIN = fs.readFileSync(path.join(SEEDS_DIR, '004_f12b47b876523609.txt'), 'utf8');
const NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
];
const NEW_MEASURE =
  '（二）举办新型消费节庆活动。每年举办“海河国际消费季”，组织商圈、步行街和电商平台联动开展促销。（市商务局）';

/** The plan with a new （二） inserted after （一）: every later measure's number goes up by one. */
function withInsertedMeasure(text: string): string {
  let out = text;
  for (let n = 19; n >= 2; n--) out = out.replace(`（${NUMERALS[n - 1]}）`, `（${NUMERALS[n]}）`);
  return out.replace('\n    （三）推动线上线下消费深度融合', `\n${NEW_MEASURE}\n    （三）推动线上线下消费深度融合`);
}

let db: Db;
let dir: string;
const deps = (at = '2026-11-22T00:00:00Z') => ({
  db,
  logger: silentLogger,
  clock: fixedClock(at),
  segmenter: testSegmenter,
});
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
function follow(measureId: string, n: number) {
  return insertMeasureFollowup(
    db,
    { measureId, assignee: 'U1', createdBy: 'U2', channel: 'C1', threadTs: `17000000${n}.000100` },
    '2026-11-22T00:00:00Z',
  );
}
const measureWith = (docId: string, needle: string) => listMeasures(db, docId).find((m) => m.text.includes(needle))!;

beforeEach(() => {
  db = testDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-revision-'));
});

describe('re-ingesting a revised document', () => {
  it('keeps all 19 ids when a （二） is inserted, gives the new measure a new id, and the follow-up stays on 冷链追溯', async () => {
    const file = write('tianjin.txt', TIANJIN);
    const [first] = await ingestPaths(deps(), [file]);
    const docId = first!.documentId;
    const before = listMeasures(db, docId);
    expect(before.map((m) => m.id)).toEqual(NUMERALS.slice(0, 19).map((_, i) => `${docId}-${i + 1}`));
    const coldChain = measureWith(docId, '冷链物流追溯系统');
    expect(coldChain.label).toBe('（三）');
    const f = follow(coldChain.id, 1);

    write('tianjin.txt', withInsertedMeasure(TIANJIN));
    const [r] = await ingestPaths(deps('2026-11-23T00:00:00Z'), [file]);
    expect(r).toMatchObject({ status: 'updated', documentId: docId, measures: 20, revisionOf: { matchedBy: 'file' } });
    const after = listMeasures(db, docId);
    expect(after).toHaveLength(20);
    // Every old id is still there, on the same text; labels are shown as written now.
    for (const m of before) expect(after.find((a) => a.id === m.id)!.text).toBe(m.text);
    const inserted = after[1]!;
    expect(inserted.label).toBe('（二）');
    expect(before.map((m) => m.id)).not.toContain(inserted.id);
    expect(inserted.id).toBe(`${docId}-2-b`);
    expect(after.find((m) => m.id === coldChain.id)!.label).toBe('（四）');

    // The follow-up made on 冷链追溯 still points at 冷链追溯; nothing about it changed, so no note is owed.
    expect(getFollowup(db, f.id)!.measureId).toBe(coldChain.id);
    expect(measureWith(docId, '冷链物流追溯系统').id).toBe(coldChain.id);
    expect(r!.changes!.added).toEqual([{ id: inserted.id, label: '（二）', title: '举办新型消费节庆活动' }]);
    expect(r!.changes!.removed).toEqual([]);
    expect(r!.changes!.changed).toEqual([]);
    expect(r!.changes!.relabelled).toHaveLength(18);
    expect(r!.affectedFollowups).toEqual([]);
    expect(pendingRevisionNotices(db)).toEqual([]);
    // Search finds the new measure and still finds the old ones.
    const hits = searchMeasures(db, { query: '海河国际消费季', today: '2026-11-23' }, testSegmenter).hits;
    expect(hits.map((h) => h.measureId)).toEqual([inserted.id]);
  });

  it('reports changed deadlines and units and a removed measure, and tells exactly the follow-ups concerned', async () => {
    const file = write('tianjin.txt', TIANJIN);
    const docId = (await ingestPaths(deps(), [file]))[0]!.documentId;
    const coldChain = measureWith(docId, '冷链物流追溯系统');
    const fiveG = measureWith(docId, '5G基站5万个');
    const last = listMeasures(db, docId)[18]!;
    const fCold = follow(coldChain.id, 1);
    const f5g = follow(fiveG.id, 2);
    const fLast = follow(last.id, 3);

    const revised = TIANJIN.replace('到2022年底累计建成5G基站5万个', '到2023年底累计建成5G基站5万个')
      .replace(
        '（市工业和信息化局、市发展改革委、市通信管理局、市交通运输委、市规划和自然资源局等部门按职责分工负责）',
        '（市通信管理局、市工业和信息化局等部门按职责分工负责）',
      )
      .replace(/（十九）注重新闻宣传政策解读。[^\n]*\n/, '');
    write('tianjin.txt', revised);
    const [r] = await ingestPaths(deps('2026-11-23T00:00:00Z'), [file]);

    expect(r!.changes!.removed).toEqual([{ id: last.id, label: '（十九）', title: '注重新闻宣传政策解读' }]);
    const changed = r!.changes!.changed.find((c) => c.id === fiveG.id)!;
    expect(changed.what).toEqual(['text', 'deadline', 'units']);
    expect(changed.deadlines!.before).toContain('2022-12-31');
    expect(changed.deadlines!.after).toContain('2023-12-31');
    // The first unit of a bracket leads, the rest co-operate.
    expect(changed.units!.after.slice(0, 2)).toEqual(['市通信管理局', '市工业和信息化局 (co)']);
    expect(r!.affectedFollowups.map((a) => [a.followupId, a.change])).toEqual([
      [f5g.id, 'changed'],
      [fLast.id, 'removed'],
    ]);

    // The follow-up on the vanished measure is marked, never re-pointed; its id is retired.
    expect(getFollowup(db, fLast.id)!.measureId).toBe(last.id);
    expect(followupOrphan(db, fLast.id)).toMatchObject({
      reason: 'measure_removed',
      measureLabel: '（十九）',
      measureTitle: '注重新闻宣传政策解读',
    });
    expect(listFollowups(db).find((x) => x.id === fLast.id)!.measureMissing).toBe(true);
    expect(followupOrphan(db, fCold.id)).toBeUndefined();

    const notices = pendingRevisionNotices(db);
    expect(notices.map((n) => [n.followupId, n.change, n.channel, n.threadTs])).toEqual([
      [f5g.id, 'changed', 'C1', '170000002.000100'],
      [fLast.id, 'removed', 'C1', '170000003.000100'],
    ]);
    expect(notices[0]).toMatchObject({ label: fiveG.label, what: ['text', 'deadline', 'units'] });

    // Putting （十九） back gives it a new id: the retired one never returns.
    write('tianjin.txt', TIANJIN);
    await ingestPaths(deps('2026-11-24T00:00:00Z'), [file]);
    const back = listMeasures(db, docId)[18]!;
    expect(back.label).toBe('（十九）');
    expect(back.id).not.toBe(last.id);
  });

  it('recognises the final text of a 征求意见稿 by its title, under another file name', async () => {
    const draft = write('tianjin-draft.txt', TIANJIN);
    const docId = (await ingestPaths(deps(), [draft]))[0]!.documentId;
    const coldChain = measureWith(docId, '冷链物流追溯系统');
    const final = TIANJIN.replace('（征求意见稿）', '').replace(
      '建立从供应链首站到消费需求终端的进口食品冷链物流追溯系统',
      '建立从供应链首站到消费终端的进口冷链食品追溯系统',
    );
    const [r] = await ingestPaths(deps('2026-11-23T00:00:00Z'), [write('tianjin-final.txt', final)]);
    expect(r).toMatchObject({
      status: 'updated',
      documentId: docId,
      revisionOf: { file: 'tianjin-draft.txt', matchedBy: 'title' },
    });
    expect(listDocuments(db)).toHaveLength(1);
    expect(getDocument(db, docId)!.file).toBe('tianjin-final.txt');
    expect(measureWith(docId, '进口冷链食品追溯系统').id).toBe(coldChain.id);
    expect(r!.changes!.changed.map((c) => c.id)).toEqual([coldChain.id]);
  });

  it('recognises a revision by its 文号 whatever script the 文号 is written in', async () => {
    const hunan = fs.readFileSync(path.join(SEEDS_DIR, '003_a76f9fbeb2c10513.txt'), 'utf8');
    const docId = (await ingestPaths(deps(), [write('hunan.txt', hunan)]))[0]!.documentId;
    // A traditional-script copy under another name and a reworded title: only the 文号 ties the two.
    const copy = hunan
      .replace('湘政办发〔2021〕38号', '湘政辦發〔2021〕38號')
      .replace('关于加快培育新型消费的实施意见', '关于加快培育新型消费的实施意见（修订）');
    const [r] = await ingestPaths(deps('2026-11-23T00:00:00Z'), [write('hunan-traditional.txt', copy)]);
    expect(r).toMatchObject({ status: 'updated', documentId: docId, revisionOf: { matchedBy: 'doc_number' } });
    expect(listDocuments(db)).toHaveLength(1);
    expect(getDocument(db, docId)!.docNumber).toBe('湘政辦發〔2021〕38號');
  });

  it('indexes bytes with a file name (a Slack upload) and says when the same content is already indexed', async () => {
    const bytes = Buffer.from(TIANJIN);
    const first = await ingestSources(deps(), [{ file: 'upload.txt', bytes }], { addedBy: 'U42' });
    expect(first.indexed[0]).toMatchObject({ status: 'added', measures: 19, region: '天津市', affectedFollowups: [] });
    const again = await ingestSources(deps(), [{ file: 'copy.txt', bytes }], { addedBy: 'U43' });
    expect(again.indexed[0]).toMatchObject({
      status: 'unchanged',
      duplicateOf: 'upload.txt',
      documentId: first.indexed[0]!.documentId,
    });
    // 本实施方案…2025年12月31日废止: expired by 2026.
    const listed = listIndexedDocuments(db, { today: '2026-11-22' });
    expect(listed.total).toBe(1);
    expect(listed.documents[0]).toMatchObject({
      title: '天津市加快发展新型消费实施方案（征求意见稿）',
      measures: 19,
      status: 'expired',
      addedBy: 'U42',
      addedAt: '2026-11-22T00:00:00.000Z',
    });
  });
});

describe('removeDocument', () => {
  it('removes the document and its measures from the index, keeps its follow-ups marked with the title', async () => {
    const docId = (await ingestPaths(deps(), [write('tianjin.txt', TIANJIN)]))[0]!.documentId;
    const coldChain = measureWith(docId, '冷链物流追溯系统');
    const f = follow(coldChain.id, 1);
    const out = removeDocument(deps(), docId, 'U9');
    expect(out).toMatchObject({ ok: true, measures: 19, orphanedFollowups: [f.id] });
    expect(listDocuments(db)).toEqual([]);
    expect(searchMeasures(db, { query: '冷链', today: '2026-11-22' }, testSegmenter).total).toBe(0);
    expect(getFollowup(db, f.id)).toBeDefined();
    expect(followupOrphan(db, f.id)).toMatchObject({
      reason: 'document_removed',
      documentTitle: '天津市加快发展新型消费实施方案（征求意见稿）',
    });
    expect(pendingRevisionNotices(db).map((n) => [n.followupId, n.change])).toEqual([[f.id, 'document_removed']]);
    expect(removeDocument(deps(), docId, 'U9')).toEqual({ ok: false, error: 'not_found', documentId: docId });
    // Added again, it gets another document id: the old measure ids stay with the orphaned follow-up.
    const again = (await ingestPaths(deps(), [path.join(dir, 'tianjin.txt')]))[0]!;
    expect(again.documentId).not.toBe(docId);
  });
});

describe('the bot answering while an ingest waits for its cuts', () => {
  it('tells a follow-up assigned after planning, on a measure the revision removes', async () => {
    const file = write('tianjin.txt', TIANJIN);
    const docId = (await ingestPaths(deps(), [file]))[0]!.documentId;
    const last = listMeasures(db, docId)[18]!;
    let assigned: { id: string } | undefined;
    // The bot's own connection: someone assigns （十九） once the ingest has planned (it holds the lease) and is
    // cutting the revision's text on the pool thread.
    const segmenter: Segmenter = {
      ...testSegmenter,
      async cutForIndexBatch(texts: string[]) {
        if (!assigned) {
          for (let turns = 0; readIngestLease(db) === undefined; turns++) {
            expect(turns).toBeLessThan(10_000);
            await new Promise((resolve) => setImmediate(resolve));
          }
          assigned = follow(last.id, 9);
        }
        return testSegmenter.cutForIndexBatch!(texts);
      },
    };
    const revised = TIANJIN.replace(/（十九）注重新闻宣传政策解读。[^\n]*\n/, '');
    const { indexed } = await ingestSources({ ...deps('2026-11-23T00:00:00Z'), segmenter }, [
      { file: 'tianjin.txt', bytes: Buffer.from(revised) },
    ]);
    expect(assigned).toBeDefined();
    expect(indexed[0]!.affectedFollowups.map((a) => [a.followupId, a.change])).toEqual([[assigned!.id, 'removed']]);
    expect(followupOrphan(db, assigned!.id)).toMatchObject({ reason: 'measure_removed', measureLabel: '（十九）' });
    expect(pendingRevisionNotices(db).map((n) => [n.followupId, n.change])).toEqual([[assigned!.id, 'removed']]);
  });
});

describe('writers meeting an ingest', () => {
  /**
   * Process A (the ingest) and process B (the bot) on one database file, Tianjin's plan indexed by A, and a
   * segmenter for A that has B remove that document while A cuts the revision's text (its new （二）): after A
   * has planned, before it writes. A plans right after taking the ingest lease, with no await between, so B
   * waits until it sees the lease.
   */
  async function removedWhileSegmenting(name: string) {
    const file = path.join(dir, name);
    const a = openDatabase(file);
    migrate(a);
    const b = openDatabase(file);
    const deps = { db: a, logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter };
    const docId = (await ingestPaths(deps, [write('tianjin.txt', TIANJIN)]))[0]!.documentId;
    const state = { fired: false };
    const segmenter: Segmenter = {
      ...testSegmenter,
      async cutForIndexBatch(texts: string[]) {
        if (!state.fired && texts.some((t) => t.includes('海河国际消费季'))) {
          state.fired = true;
          for (let turns = 0; readIngestLease(b) === undefined; turns++) {
            expect(turns).toBeLessThan(10_000);
            await new Promise((resolve) => setImmediate(resolve));
          }
          expect(removeDocument({ db: b, clock: fixedClock('2026-11-23T00:00:00Z') }, docId, 'U9').ok).toBe(true);
        }
        return testSegmenter.cutForIndexBatch!(texts);
      },
    };
    const close = () => {
      a.close();
      b.close();
    };
    return { a, docId, state, deps: { ...deps, clock: fixedClock('2026-11-24T00:00:00Z'), segmenter }, close };
  }

  it('plans again when the document was removed between planning and writing, and never re-uses its ids', async () => {
    const { a, docId, state, deps: revising, close } = await removedWhileSegmenting('m.db');
    const oldIds = listMeasures(a, docId).map((m) => m.id);

    // A's plan (a revision keeping 19 ids) is stale: it must plan again, as a new document, not resurrect the ids.
    const [r] = (
      await ingestSources(revising, [{ file: 'tianjin.txt', bytes: Buffer.from(withInsertedMeasure(TIANJIN)) }])
    ).indexed;
    expect(state.fired).toBe(true);
    expect(r).toMatchObject({ status: 'added', measures: 20 });
    expect(r!.documentId).not.toBe(docId);
    const now = listMeasures(a, r!.documentId).map((m) => m.id);
    expect(now.filter((id) => oldIds.includes(id))).toEqual([]);
    close();
  });

  it('writes small documents together, and plans them all again when another process wrote meanwhile: each is indexed once', async () => {
    const { a, state, deps: revising, close } = await removedWhileSegmenting('g.db');

    // Three small documents in one ingest: Hunan's plan, the Tianjin revision, the national Q&A; B removes the
    // Tianjin document while the second is segmented.
    const sources = [
      { file: 'hunan.txt', bytes: fs.readFileSync(path.join(SEEDS_DIR, '003_a76f9fbeb2c10513.txt')) },
      { file: 'tianjin.txt', bytes: Buffer.from(withInsertedMeasure(TIANJIN)) },
      { file: 'qa.txt', bytes: fs.readFileSync(path.join(SEEDS_DIR, '002_f24744285d087c04.txt')) },
    ];
    const writes: unknown[] = [];
    const logger = { ...silentLogger, debug: (msg: string, f?: Record<string, unknown>) => writes.push([msg, f]) };
    const { indexed } = await ingestSources({ ...revising, logger }, sources);
    // One transaction for the three, once planned again (the first attempt wrote nothing).
    expect(writes).toEqual([['documents written', { documents: 3, lockHeldMs: expect.any(Number) }]]);
    expect(state.fired).toBe(true);
    expect(indexed.map((r) => [r.file, r.status])).toEqual([
      ['hunan.txt', 'added'],
      ['tianjin.txt', 'added'],
      ['qa.txt', 'added'],
    ]);
    expect(
      listDocuments(a)
        .map((d) => d.file)
        .sort(),
    ).toEqual(['hunan.txt', 'qa.txt', 'tianjin.txt']);
    // Every measure of the three is in the index once: the rows written before the replan were rolled back.
    const measures = a.prepare('SELECT COUNT(*) FROM measures').pluck().get();
    expect(a.prepare('SELECT COUNT(*) FROM search_rows').pluck().get()).toBe(measures);
    expect(indexed.reduce((n, r) => n + r.measures, 0)).toBe(measures);
    const hit = searchMeasures(a, { query: '海河国际消费季', today: '2026-11-24' }, testSegmenter);
    expect(hit.hits.map((h) => h.documentId)).toEqual([indexed[1]!.documentId]);
    close();
  });

  it('writes two uploads shared with the bot at once one after the other, neither told to try again', async () => {
    const writes: string[] = [];
    const logger = { ...silentLogger, debug: (msg: string) => writes.push(msg) };
    const upload = (file: string, seed: string) =>
      ingestSources({ ...deps(), logger }, [{ file, bytes: fs.readFileSync(path.join(SEEDS_DIR, seed)) }], {
        waitForOtherIngestMs: 0,
      });
    const [a, b] = await Promise.all([
      upload('hunan.txt', '003_a76f9fbeb2c10513.txt'),
      upload('tianjin.txt', '004_f12b47b876523609.txt'),
    ]);
    expect([a.indexed[0]!.status, b.indexed[0]!.status]).toEqual(['added', 'added']);
    expect(writes.filter((w) => w === 'documents written')).toHaveLength(2);
    expect(
      listDocuments(db)
        .map((d) => d.file)
        .sort(),
    ).toEqual(['hunan.txt', 'tianjin.txt']);
    // An ingest that holds the lease outside this queue (another process) still makes the bot say it is busy.
    const held = acquireIngestLease(db, 0);
    await expect(upload('qa.txt', '002_f24744285d087c04.txt')).rejects.toThrow(IngestBusyError);
    held.release(db);
  });

  it('makes a second ingest wait for the first (or say it is busy), and takes over the lease of a dead process', async () => {
    const held = acquireIngestLease(db, 0);
    const bytes = Buffer.from(TIANJIN);
    await expect(ingestSources(deps(), [{ file: 't.txt', bytes }], { waitForOtherIngestMs: 0 })).rejects.toThrow(
      IngestBusyError,
    );
    held.release(db);
    expect(
      (await ingestSources(deps(), [{ file: 't.txt', bytes }], { waitForOtherIngestMs: 0 })).indexed[0]!.status,
    ).toBe('added');
    // A lease left by a process that no longer exists (kill -9) does not block anyone.
    db.prepare("INSERT INTO meta (key, value) VALUES ('ingest_lease', ?)").run(
      JSON.stringify({ owner: 'x', host: os.hostname(), pid: 2 ** 22 + 12345, expiresAtMs: Date.now() + 60_000 }),
    );
    expect(
      (
        await ingestSources(deps(), [{ file: 'u.txt', bytes: Buffer.from(TIANJIN.replace('天津市', '天津')) }], {
          waitForOtherIngestMs: 0,
        })
      ).indexed,
    ).toHaveLength(1);
  });
});
