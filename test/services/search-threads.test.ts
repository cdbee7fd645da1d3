import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/db/errors.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { warmSegmenter } from '../../src/search/jieba-segmenter.ts';
import { planSearch, SearchInputError, type SearchRequest, searchMeasures } from '../../src/services/search-service.ts';
import {
  errorFromThread,
  RECENT_SEARCHES,
  reportedError,
  type SearchThreads,
  SearchThreadsUnavailable,
  searchRunner,
  startSearchThreads,
  threadScriptUrl,
} from '../../src/services/search-threads.ts';
import { seededDbFile } from '../helpers/db.ts';
import { SHARED_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const today = '2026-12-01';
const evalQueries = (
  JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'eval', 'queries.json'), 'utf8')) as {
    queries: { query: string }[];
  }
).queries.map((q) => q.query);

/** What a person sees of a result: every field of every hit, the count and whether it is a lower bound. */
const requests: SearchRequest[] = [
  ...evalQueries.map((query) => ({ query, today })),
  { query: '冷链 OR 物流', today, limit: 5, offset: 3 },
  { query: '消费', filters: { department: '商务' }, today },
  { query: '', filters: { region: '天津' }, today },
  { query: '"冷链物流"', today },
  { query: '电商 -直播', filters: { inForce: true }, today },
  { query: '', filters: { dueFrom: '2023-01-01', dueTo: '2023-12-31' }, today },
];

let dir: string;
let file: string;
let db: Db;
let threads: SearchThreads;

beforeAll(async () => {
  warmSegmenter(testSegmenter);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-threads-'));
  file = await seededDbFile(dir);
  db = openDatabase(file);
  threads = startSearchThreads({ databaseFile: file, threads: 2, logger: silentLogger });
}, 60_000);

afterAll(async () => {
  await threads.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search threads', () => {
  it('answer every query exactly as the main thread does', async () => {
    for (const req of requests) {
      const { result } = await threads.run(planSearch(req, testSegmenter));
      expect(result, req.query).toEqual(searchMeasures(db, req, testSegmenter));
    }
    // The seeds hold matches for every eval query: an empty answer on both sides would prove nothing.
    const first = await threads.run(planSearch({ query: '冷链追溯', today }, testSegmenter));
    expect(first.result.hits.length).toBeGreaterThan(0);
  });

  it('run searches side by side and keep each answer with its own request', async () => {
    const answers = await Promise.all(requests.map((req) => threads.run(planSearch(req, testSegmenter))));
    answers.forEach(({ result }, i) => {
      expect(result.query).toBe(requests[i]!.query.trim());
    });
  });

  it('see a write made on the main connection in the next search', async () => {
    const before = await threads.run(planSearch({ query: '5G基站', today }, testSegmenter));
    const doc = before.result.hits[0]!.documentId;
    db.prepare('DELETE FROM documents WHERE id = ?').run(doc);
    const after = await threads.run(planSearch({ query: '5G基站', today }, testSegmenter));
    expect(after.result.hits.map((h) => h.documentId)).not.toContain(doc);
    expect(after.result).toEqual(searchMeasures(db, { query: '5G基站', today }, testSegmenter));
  });

  it('refuse work once closed, and the runner then searches in the main thread', async () => {
    const closed = startSearchThreads({ databaseFile: file, threads: 1, logger: silentLogger });
    await closed.close();
    await expect(closed.run(planSearch({ query: '冷链', today }, testSegmenter))).rejects.toBeInstanceOf(
      SearchThreadsUnavailable,
    );
    const search = searchRunner(db, testSegmenter, closed, silentLogger, { enterMs: 0 });
    for (let i = 0; i < RECENT_SEARCHES + 3; i++) {
      expect(await search({ query: '冷链', today })).toEqual(
        searchMeasures(db, { query: '冷链', today }, testSegmenter),
      );
    }
  });

  it('that cannot open the database fail over to the main thread with the same answer', async () => {
    const broken = startSearchThreads({
      databaseFile: path.join(dir, 'missing', 'none.db'),
      threads: 1,
      logger: silentLogger,
    });
    try {
      await expect(broken.run(planSearch({ query: '冷链', today }, testSegmenter))).rejects.toBeInstanceOf(
        SearchThreadsUnavailable,
      );
      const search = searchRunner(db, testSegmenter, broken, silentLogger, { enterMs: 0 });
      // A stopped thread is started again a bounded number of times, then no longer: every search still answers.
      for (let i = 0; i < RECENT_SEARCHES + 8; i++) {
        expect(await search({ query: '冷链', today })).toEqual(
          searchMeasures(db, { query: '冷链', today }, testSegmenter),
        );
      }
    } finally {
      await broken.close();
    }
  });
});

describe('search threads start', () => {
  it('only when asked, and the runner searches in the main thread until one has opened the database', async () => {
    const real = startSearchThreads({ databaseFile: file, threads: 1, logger: silentLogger });
    let threadRuns = 0;
    const counted: SearchThreads = {
      ...real,
      run: (plan) => {
        threadRuns++;
        return real.run(plan);
      },
    };
    try {
      expect(real.isReady()).toBe(false);
      const search = searchRunner(db, testSegmenter, counted, silentLogger, { enterMs: 0 });
      const expected = searchMeasures(db, { query: '冷链', today }, testSegmenter);
      // The first searches decide that searches go to a thread; none is ready yet, so they answer here.
      for (let i = 0; i < RECENT_SEARCHES; i++) expect(await search({ query: '冷链', today })).toEqual(expected);
      expect(threadRuns).toBe(0);
      await expect.poll(() => real.isReady(), { timeout: 10_000 }).toBe(true);
      expect(await search({ query: '冷链', today })).toEqual(expected);
      expect(threadRuns).toBe(1);
    } finally {
      await real.close();
    }
    expect(real.isReady()).toBe(false);
  });
});

describe('errors from a thread', () => {
  it('keep their class, fields and stack, so the bot explains them as it would here', () => {
    const input = errorFromThread(reportedError(new SearchInputError('empty', 'Type something')));
    expect(input).toBeInstanceOf(SearchInputError);
    expect(input).toMatchObject({ code: 'empty', message: 'Type something' });

    const storage = new DatabaseError('/data/measures.db', 'corrupt', 'database disk image is malformed');
    const back = errorFromThread(reportedError(storage));
    expect(back).toBeInstanceOf(DatabaseError);
    expect(back).toMatchObject({ file: '/data/measures.db', problem: 'corrupt', message: storage.message });
    expect(back.stack).toBe(storage.stack);

    const sqlite = Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
    expect(errorFromThread(reportedError(sqlite))).toMatchObject({
      name: 'SqliteError',
      code: 'SQLITE_BUSY',
      message: 'database is locked',
    });
  });
});

describe('searchRunner', () => {
  /** Threads that record what they are given and answer from the main connection. */
  function recordingThreads(): SearchThreads & { runs: number } {
    const t = {
      runs: 0,
      run: async (plan: Parameters<SearchThreads['run']>[0]) => {
        t.runs++;
        const { runSearchPlan } = await import('../../src/services/search-service.ts');
        return { result: runSearchPlan(db, plan), elapsedMs: 5 };
      },
      prepare: () => {},
      isReady: () => true,
      close: async () => {},
    };
    return t;
  }

  it('rejects bad input before any thread is asked', async () => {
    const t = recordingThreads();
    const search = searchRunner(db, testSegmenter, t, silentLogger, { enterMs: 0 });
    await expect(search({ query: '   ', today })).rejects.toBeInstanceOf(SearchInputError);
    await expect(search({ query: '冷链', today: 'soon' })).rejects.toBeInstanceOf(SearchInputError);
    expect(t.runs).toBe(0);
  });

  it('keeps searches that cost less than a hand-over in the main thread', async () => {
    const t = recordingThreads();
    const search = searchRunner(db, testSegmenter, t, silentLogger, { enterMs: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 5; i++) await search({ query: '冷链', today });
    expect(t.runs).toBe(0);
  });

  it('does not move searches to the threads for slow searches now and then, but does once most are slow', async () => {
    const t = recordingThreads();
    // A clock under which the next main-thread search takes `nextMs` (each search reads it twice).
    let nextMs = 0;
    let now = 0;
    let reads = 0;
    const nowMs = () => {
      reads++;
      if (reads % 2 === 0) now += nextMs;
      return now;
    };
    const search = searchRunner(db, testSegmenter, t, silentLogger, { enterMs: 2, leaveMs: 1, nowMs });
    const searchTaking = async (ms: number) => {
      nextMs = ms;
      await search({ query: '冷链', today });
    };
    await searchTaking(500); // the first search after start, cold
    for (let i = 0; i < 30; i++) await searchTaking(i % 5 === 0 ? 40 : 0.3); // a garbage collection now and then
    expect(t.runs).toBe(0);
    // A larger index: once most of the latest searches are slow, the next goes to a thread.
    const slowNeeded = Math.floor(RECENT_SEARCHES / 2) + 1;
    for (let i = 0; i < slowNeeded - 2; i++) await searchTaking(8);
    expect(t.runs).toBe(0);
    await searchTaking(8);
    expect(t.runs).toBe(0);
    await search({ query: '冷链', today });
    expect(t.runs).toBe(1);
  });

  it('hands searches to the threads once they cost enough, and keeps them there while they do', async () => {
    const t = recordingThreads();
    const search = searchRunner(db, testSegmenter, t, silentLogger, { enterMs: 0, leaveMs: 1 });
    // The first searches measure what searches cost; the thread then reports 5 ms each, above leaveMs.
    for (let i = 0; i < RECENT_SEARCHES + 4; i++) await search({ query: '冷链', today });
    expect(t.runs).toBe(4);
  });
});

describe('threadScriptUrl', () => {
  it('points sources run through tsx at the build, and a build at itself', () => {
    expect(threadScriptUrl('file:///app/src/services/search-threads.ts').href).toBe(
      'file:///app/dist/services/search-thread.js',
    );
    expect(threadScriptUrl('file:///home/src/app/src/services/search-threads.ts').href).toBe(
      'file:///home/src/app/dist/services/search-thread.js',
    );
    expect(threadScriptUrl('file:///app/dist/services/search-threads.js').href).toBe(
      'file:///app/dist/services/search-thread.js',
    );
  });
});
