import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Segmenter } from '../../src/core/search/segmenter.ts';
import type { Db } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { listDocuments, listMeasures, listTasks } from '../../src/repo/documents-repo.ts';
import { IngestError, IngestWriteError, ingestPaths, ingestSources } from '../../src/services/ingest-service.ts';
import { testDb } from '../helpers/db.ts';
import { encodeGbk } from '../helpers/gbk.ts';
import { hanNumber, numberedPlan } from '../helpers/numbered-plan.ts';
import { SEEDS_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const HUNAN = path.join(SEEDS_DIR, '003_a76f9fbeb2c10513.txt');
const TIANJIN = path.join(SEEDS_DIR, '004_f12b47b876523609.txt');

let db: Db;
let dir: string;
const deps = () => ({ db, logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter });

function snapshot(d: Db) {
  return {
    documents: d.prepare('SELECT * FROM documents ORDER BY id').all(),
    measures: d.prepare('SELECT * FROM measures ORDER BY id').all(),
    tasks: d.prepare('SELECT COUNT(*) n FROM tasks').get(),
    fts: d.prepare('SELECT COUNT(*) n FROM measure_fts').get(),
  };
}

function write(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** testSegmenter, recording what it cuts off the main thread (batches) and on it (cutForIndex). */
function countingSegmenter() {
  const cut = { batches: [] as string[][], onMainThread: 0 };
  const segmenter: Segmenter = {
    ...testSegmenter,
    cutForIndex: (t) => {
      cut.onMainThread++;
      return testSegmenter.cutForIndex(t);
    },
    cutForIndexBatch: (texts) => {
      cut.batches.push(texts);
      return testSegmenter.cutForIndexBatch!(texts);
    },
  };
  return { segmenter, cut };
}

/** A plan of `sections` × 20 measures, all of its text its own (k tells plans apart). */
function planOf(k: number, sections: number): { file: string; bytes: Buffer } {
  const text = numberedPlan(`关于推进第${hanNumber(k)}批消费试点城市建设的实施方案`, sections * 20, (m) => {
    return `推进第${hanNumber(k)}批第${Math.ceil(m / 20)}组第${m}项试点建设，完善配套政策`;
  });
  return { file: `plan-${k}.txt`, bytes: Buffer.from(text) };
}

beforeEach(() => {
  db = testDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-ingest-'));
});

describe('ingestPaths', () => {
  it('indexes a folder and reports what it indexed', async () => {
    const result = await ingestPaths(deps(), [SEEDS_DIR]);
    expect(result).toHaveLength(5);
    expect(result.every((r) => r.status === 'added')).toBe(true);
    expect(result.find((r) => r.file === path.basename(HUNAN))!.measures).toBe(20);
    expect(listDocuments(db)).toHaveLength(5);
  });

  it('is idempotent: re-ingesting the same files changes nothing', async () => {
    await ingestPaths(deps(), [SEEDS_DIR]);
    const before = snapshot(db);
    const again = await ingestPaths(deps(), [SEEDS_DIR]);
    expect(again.every((r) => r.status === 'unchanged')).toBe(true);
    expect(snapshot(db)).toEqual(before);
  });

  it('cuts each new document off the main thread before writing it, and an unchanged one not at all', async () => {
    const { segmenter, cut } = countingSegmenter();
    const added = await ingestPaths({ ...deps(), segmenter }, [SEEDS_DIR]);
    // One batch per document with measures; nothing left to cut while writing.
    expect(cut.batches).toHaveLength(added.filter((r) => r.measures > 0).length);
    expect(cut.onMainThread).toBe(0);
    expect(cut.batches.flat().some((t) => t.includes('冷链'))).toBe(true);

    cut.batches.length = 0;
    const again = await ingestPaths({ ...deps(), segmenter }, [SEEDS_DIR]);
    expect(again.every((r) => r.status === 'unchanged')).toBe(true);
    expect(cut).toEqual({ batches: [], onMainThread: 0 });
  });

  it('stops cutting at the first file that cannot be read, and writes nothing', async () => {
    const { segmenter, cut } = countingSegmenter();
    const sources = [
      { file: 'hunan.txt', bytes: fs.readFileSync(HUNAN) },
      { file: 'broken.pdf', bytes: Buffer.from('%PDF-1.7 not really') },
      { file: 'tianjin.txt', bytes: fs.readFileSync(TIANJIN) },
    ];
    const error = await ingestSources({ ...deps(), segmenter }, sources).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).problems.map((p) => p.path)).toEqual(['broken.pdf']);
    // Tianjin's 海河国际商业中心 is parsed (to report every problem at once) but never cut.
    expect(cut.batches.flat().some((t) => t.includes('海河国际商业中心'))).toBe(false);
    expect(listDocuments(db)).toHaveLength(0);
  });

  it('writes consecutive documents together while they add up to 500 measures at most', async () => {
    const writes: unknown[] = [];
    const logger = { ...silentLogger, debug: (msg: string, f?: Record<string, unknown>) => writes.push([msg, f]) };
    // 200 + 200 fit in one transaction, a third 200 would make 600: it goes in the next, with the 100 after it.
    const plans = [planOf(1, 10), planOf(2, 10), planOf(3, 10), planOf(4, 5)];
    const { indexed } = await ingestSources({ ...deps(), logger }, plans);
    expect(indexed.map((r) => r.measures)).toEqual([200, 200, 200, 100]);
    expect(writes.map((w) => (w as [string, { documents: number }])[1].documents)).toEqual([2, 2]);
    expect(db.prepare('SELECT COUNT(*) FROM measures').pluck().get()).toBe(700);
  });

  it('names the files it could not write, keeps those written before, and adds the rest when run again', async () => {
    // A database that refuses the third plan's rows, the way a full disk refuses a write.
    db.exec(`CREATE TRIGGER refuse_plan_3 BEFORE INSERT ON measures WHEN NEW.text LIKE '%第三批%'
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const plans = [planOf(1, 20), planOf(2, 20), planOf(3, 20), planOf(4, 20)];
    const error = await ingestSources(deps(), plans).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestWriteError);
    expect((error as IngestWriteError).failedFiles).toEqual(['plan-3.txt']);
    expect((error as IngestWriteError).written.map((r) => r.file)).toEqual(['plan-1.txt', 'plan-2.txt']);
    expect((error as Error).message).toBe(
      'Could not write plan-3.txt: database or disk is full. 2 file(s) before it are indexed; it and the 1 after it are not: run the same ingest again to add them.',
    );
    // Whole documents only: the two before, nothing of the third (rolled back) or the fourth (never tried).
    expect(listDocuments(db).map((d) => d.file)).toEqual(['plan-1.txt', 'plan-2.txt']);
    expect(db.prepare('SELECT COUNT(*) FROM measures').pluck().get()).toBe(800);
    expect(db.prepare('SELECT COUNT(*) FROM search_rows').pluck().get()).toBe(800);

    db.exec('DROP TRIGGER refuse_plan_3');
    const again = await ingestSources(deps(), plans);
    expect(again.indexed.map((r) => [r.file, r.status])).toEqual([
      ['plan-1.txt', 'unchanged'],
      ['plan-2.txt', 'unchanged'],
      ['plan-3.txt', 'added'],
      ['plan-4.txt', 'added'],
    ]);
  });

  it('refuses a document with more measures than the caller allows, and writes nothing', async () => {
    const plan = planOf(1, 2);
    const error = await ingestSources(deps(), [plan], { maxMeasuresPerDocument: 39 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).problems).toEqual([
      {
        path: 'plan-1.txt',
        message: expect.stringMatching(/^plan-1\.txt has 40 measures, over the 39 allowed here/),
        code: 'too_large',
        params: { unit: 'measures', size: 40, limit: 39 },
      },
    ]);
    expect(listDocuments(db)).toHaveLength(0);
    // At the limit it is indexed; once indexed, it is found unchanged whatever the limit.
    const { indexed } = await ingestSources(deps(), [plan], { maxMeasuresPerDocument: 40 });
    expect(indexed[0]).toMatchObject({ status: 'added', measures: 40 });
    const again = await ingestSources(deps(), [plan], { maxMeasuresPerDocument: 10 });
    expect(again.indexed[0]).toMatchObject({ status: 'unchanged', measures: 40 });
  });

  it('reports a cut that fails after earlier documents were written as a write failure naming the files', async () => {
    const segmenter: Segmenter = {
      ...testSegmenter,
      cutForIndexBatch: async (texts) => {
        if (texts.some((t) => t.includes('第三批'))) throw new Error('jieba gave up');
        return testSegmenter.cutForIndexBatch!(texts);
      },
    };
    const plans = [planOf(1, 20), planOf(2, 20), planOf(3, 20)];
    const error = await ingestSources({ ...deps(), segmenter }, plans).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestWriteError);
    expect((error as IngestWriteError).written.map((r) => r.file)).toEqual(['plan-1.txt', 'plan-2.txt']);
    expect((error as IngestWriteError).failedFiles).toEqual(['plan-3.txt']);
    expect((error as Error).message).toMatch(/^Could not write plan-3\.txt: jieba gave up\./);
    expect(listDocuments(db).map((d) => d.file)).toEqual(['plan-1.txt', 'plan-2.txt']);
  });

  it('updates a changed document in place, keeping the ids of unchanged measures', async () => {
    const copy = write('hunan.txt', fs.readFileSync(HUNAN));
    await ingestPaths(deps(), [copy]);
    const doc = listDocuments(db)[0]!;
    const before = listMeasures(db, doc.id);
    const tasksBefore = listTasks(
      db,
      before.map((m) => m.id),
    );

    // Edit measure (三)'s text and insert nothing else: every id must survive; (三) keeps its id too.
    const original = fs.readFileSync(HUNAN, 'utf8');
    write('hunan.txt', original.replace('推动文化产业和旅游产业数字化', '推动文化产业和旅游产业全面数字化'));
    const [r] = await ingestPaths(deps(), [copy]);
    expect(r!.status).toBe('updated');
    expect(listDocuments(db)[0]!.id).toBe(doc.id);
    const after = listMeasures(db, doc.id);
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after.find((m) => m.label === '(三)')!.text).toContain('全面数字化');
    expect(
      listTasks(
        db,
        after.map((m) => m.id),
      ).map((t) => t.id),
    ).toEqual(tasksBefore.map((t) => t.id));
    expect((db.prepare('SELECT COUNT(*) n FROM measure_fts').get() as { n: number }).n).toBe(after.length);
  });

  it('gives every document, measure and task a short id a person can type', async () => {
    await ingestPaths(deps(), [TIANJIN]);
    const doc = listDocuments(db)[0]!;
    expect(doc.id).toMatch(/^[a-z2-9]{4}$/);
    const measures = listMeasures(db, doc.id);
    expect(measures[3]!.id).toBe(`${doc.id}-4`);
    const tasks = listTasks(db, [measures[0]!.id]);
    expect(tasks.map((t) => t.id).slice(0, 2)).toEqual([`${doc.id}-1.1`, `${doc.id}-1.2`]);
  });

  describe('bad input: a clear message and nothing half-written', () => {
    const cases: [string, () => string, RegExp][] = [
      ['an empty file', () => write('empty.txt', '   \n\n'), /empty/i],
      [
        'a binary file',
        () => write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0])),
        /binary|text/i,
      ],
      ['a 20 MB file', () => write('huge.txt', Buffer.alloc(20 * 1024 * 1024, 0x41)), /MB/],
      [
        'a document without numbered items',
        () => write('plain.txt', '这是一段没有任何编号措施的普通文字。\n它只是一些说明。\n'),
        /numbered|item|measure/i,
      ],
      ['a missing path', () => path.join(dir, 'nope.txt'), /no such file/i],
    ];
    for (const [name, make, message] of cases) {
      it(name, async () => {
        await ingestPaths(deps(), [HUNAN]);
        const before = snapshot(db);
        const bad = make();
        let error: unknown;
        try {
          await ingestPaths(deps(), [TIANJIN, bad]);
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(IngestError);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).toContain(path.basename(bad));
        // The good file in the same batch was not written either.
        expect(snapshot(db)).toEqual(before);
      });
    }
  });

  it('says when a file repeats a document already indexed under another name', async () => {
    const a = write('hunan.txt', fs.readFileSync(HUNAN));
    const b = write('hunan-copy.txt', fs.readFileSync(HUNAN));
    const [first] = await ingestPaths(deps(), [a]);
    expect(first!.duplicateOf).toBeUndefined();
    const [second] = await ingestPaths(deps(), [b]);
    expect(second!.duplicateOf).toBe('hunan.txt');
  });

  it('reads a GBK-encoded document', async () => {
    const text = fs.readFileSync(HUNAN, 'utf8');
    const encoded = encodeGbk(text);
    const p = write('hunan-gbk.txt', encoded);
    const [r] = await ingestPaths(deps(), [p]);
    expect(r!.measures).toBe(20);
    expect(r!.title).toBe('湖南省人民政府办公厅关于加快培育新型消费的实施意见');
  });
});
