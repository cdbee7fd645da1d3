import { Worker } from 'node:worker_threads';
import { SearchInputError, type SearchInputErrorCode } from '../core/search/errors.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { DatabaseError, type StorageProblem } from '../db/errors.ts';
import type { Db } from '../db/open.ts';
import type { Logger } from '../lib/logger.ts';
import { planSearch, runSearchPlan, type SearchPlan, type SearchRequest, type SearchResult } from './search-service.ts';

/**
 * Searches on worker threads, each with its own read-only connection to the database file: the bot's event loop
 * keeps reading requests and acknowledging commands while the SQL of earlier searches runs, and a machine with
 * more than one core runs searches side by side. Only the SQL half of a search moves (runSearchPlan); the
 * keywords are read here (planSearch), so no thread loads jieba's dictionaries. A thread sees every write
 * committed before its search starts (WAL), so a search after a write finds it, as in this thread.
 */
export interface SearchThreads {
  /**
   * Runs a planned search on the least busy thread, with how long its SQL took there. Rejects with
   * SearchThreadsUnavailable when no thread can.
   */
  run(plan: SearchPlan): Promise<{ result: SearchResult; elapsedMs: number }>;
  /** Starts the threads that are not running, in the background (each takes ~0.1 s to open the database). */
  prepare(): void;
  /** Whether some thread has opened the database and can search at once. */
  isReady(): boolean;
  /** Stops every thread; searches still running reject with SearchThreadsUnavailable. */
  close(): Promise<void>;
}

/** No search thread could run the search (none started, one stopped mid-search): run it in this thread. */
export class SearchThreadsUnavailable extends Error {
  override name = 'SearchThreadsUnavailable';
}

/** A thread that stopped this many times is not started again; its share goes to the others, or to this thread. */
export const MAX_THREAD_RESTARTS = 3;

/** An error a thread reports, as plain data. */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  /** Set for a DatabaseError: what the bot tells the user about a storage failure. */
  database?: { file: string; problem: StorageProblem };
}

/** What a thread answers (search-thread.ts). */
export type ThreadReply =
  | { ready: true }
  | { id: number; result: SearchResult; elapsedMs: number }
  | { id: number; error: ThreadError };

/** What a thread is given when it starts. */
export interface ThreadData {
  databaseFile: string;
}

interface Slot {
  worker: Worker | null;
  pending: Map<
    number,
    { resolve: (r: { result: SearchResult; elapsedMs: number }) => void; reject: (e: Error) => void }
  >;
  restarts: number;
  /** The thread has opened the database. */
  ready: boolean;
}

/**
 * The compiled thread script. Threads run built JavaScript: sources run through tsx (the benchmark) cannot start
 * a worker from TypeScript on Node 20, so a module loaded from src/*.ts points at its counterpart in dist/.
 */
export function threadScriptUrl(moduleUrl: string = import.meta.url): URL {
  const here = new URL('./search-thread.js', moduleUrl);
  if (!moduleUrl.endsWith('.ts')) return here;
  const at = here.pathname.lastIndexOf('/src/');
  return at < 0 ? here : new URL(`${here.pathname.slice(0, at)}/dist/${here.pathname.slice(at + 5)}`, here);
}

/** An error as plain data (errors lose their class crossing threads): what errorFromThread rebuilds. */
export function reportedError(err: unknown): ThreadError {
  const e: Error & { code?: unknown } = err instanceof Error ? err : new Error(String(err));
  return {
    name: e.name,
    message: e.message,
    ...(e.stack === undefined ? {} : { stack: e.stack }),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(e instanceof DatabaseError ? { database: { file: e.file, problem: e.problem } } : {}),
  };
}

/**
 * Rebuilds an error a thread reported, so callers handle it as if the search had run here: input and database
 * errors keep their class and fields, others their name, message and code; each keeps the thread's stack.
 */
export function errorFromThread(e: ThreadError): Error {
  let err: Error & { code?: string };
  if (e.name === 'SearchInputError') err = new SearchInputError(e.code as SearchInputErrorCode, e.message);
  else if (e.database)
    err = Object.assign(new DatabaseError(e.database.file, e.database.problem, ''), { message: e.message });
  else {
    err = new Error(e.message);
    err.name = e.name;
  }
  if (e.code !== undefined) err.code = e.code;
  if (e.stack !== undefined) err.stack = e.stack;
  return err;
}

/**
 * Search threads on `databaseFile` (a file: an in-memory database cannot be shared), `threads` at most. None
 * runs until `prepare()` or a search asks for one, so a bot whose searches stay in the main thread spends no
 * memory on them; a search sent to a thread that is still starting waits for it.
 *
 * @example const threads = startSearchThreads({ databaseFile: 'data/measures.db', threads: 2, logger });
 */
export function startSearchThreads(opts: {
  databaseFile: string;
  threads: number;
  logger: Logger;
  scriptUrl?: URL;
}): SearchThreads {
  const script = opts.scriptUrl ?? threadScriptUrl();
  const slots: Slot[] = Array.from({ length: Math.max(0, opts.threads) }, () => ({
    worker: null,
    pending: new Map(),
    restarts: -1,
    ready: false,
  }));
  let nextId = 1;
  let closed = false;

  const fail = (slot: Slot, why: string) => {
    for (const p of slot.pending.values()) p.reject(new SearchThreadsUnavailable(why));
    slot.pending.clear();
    slot.worker = null;
    slot.ready = false;
  };

  const start = (slot: Slot): Worker | null => {
    if (slot.restarts >= MAX_THREAD_RESTARTS) return null;
    slot.restarts++;
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { databaseFile: opts.databaseFile } satisfies ThreadData });
    } catch (err) {
      opts.logger.warn('a search thread did not start; searching in the main thread', {
        error: (err as Error).message,
      });
      slot.restarts = MAX_THREAD_RESTARTS;
      return null;
    }
    // Idle threads do not keep the process alive; close() stops them.
    worker.unref();
    worker.on('message', (m: ThreadReply) => {
      if ('ready' in m) {
        if (slot.worker === worker) slot.ready = true;
        return;
      }
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if ('result' in m) p.resolve({ result: m.result, elapsedMs: m.elapsedMs });
      else p.reject(errorFromThread(m.error));
    });
    worker.on('error', (err) => {
      if (slot.worker !== worker) return;
      opts.logger.warn('a search thread failed; its searches run in the main thread', { error: err.message });
      fail(slot, err.message);
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      if (!closed) opts.logger.warn('a search thread stopped', { code });
      fail(slot, `search thread exited with code ${code}`);
    });
    slot.worker = worker;
    return worker;
  };

  return {
    run(plan) {
      if (closed) return Promise.reject(new SearchThreadsUnavailable('search threads are closed'));
      let best: Slot | undefined;
      for (const s of slots) {
        if (s.worker === null && s.restarts >= MAX_THREAD_RESTARTS) continue;
        if (!best || s.pending.size < best.pending.size) best = s;
      }
      const worker = best ? (best.worker ?? start(best)) : null;
      if (!best || !worker) return Promise.reject(new SearchThreadsUnavailable('no search thread is running'));
      const id = nextId++;
      const slot = best;
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        worker.postMessage({ id, plan });
      });
    },
    prepare() {
      if (closed) return;
      for (const s of slots) if (s.worker === null) start(s);
    },
    isReady() {
      return slots.some((s) => s.ready);
    },
    async close() {
      closed = true;
      await Promise.all(
        slots.map(async (s) => {
          const w = s.worker;
          fail(s, 'search threads are closed');
          if (w) await w.terminate();
        }),
      );
    },
  };
}

/** How the bot searches: `(request) => result`, on a search thread where there is one. */
export type SearchRunner = (req: SearchRequest) => Promise<SearchResult>;

/**
 * Searches move to the threads once the median of the last RECENT_SEARCHES takes this long (wall time, in the
 * thread that ran them), and come back to the main thread below THREAD_LEAVE_MS. Handing a search to a thread and its result back costs
 * about half a millisecond of CPU, so for a small index (the seeds: well under a millisecond) the main thread is
 * cheaper; the gap between the two bounds keeps a search mix near the line from switching back and forth.
 */
export const THREAD_ENTER_MS = 2;
export const THREAD_LEAVE_MS = 1;
/**
 * How many of the latest searches decide where the next one runs, by their median: slow searches that are not
 * the rule (the first after start, cold; a garbage collection during one; a broad query now and then) do not
 * move searches to the threads, as they did an average (measured: a small index under a burst then started a
 * thread and spent 0.5 ms more CPU a command). Nothing moves before this many searches.
 */
export const RECENT_SEARCHES = 15;

/**
 * The bot's search: the request is checked and its keywords read in this thread (input errors reject at once);
 * the SQL runs on a search thread once recent searches take THREAD_ENTER_MS or more (median; until it falls below
 * THREAD_LEAVE_MS), else here. Crossing the bound starts the threads; searches stay here until one is ready, so
 * none waits for a thread to start, and here too when no thread can take it (none starts, one stopped
 * mid-search). The answer is the same either way.
 *
 * @example const search = searchRunner(db, segmenter, threads, logger); (await search({ query: '冷链', today })).total
 */
export function searchRunner(
  db: Db,
  segmenter: Segmenter,
  threads: SearchThreads | null,
  logger: Logger,
  bounds: { enterMs?: number; leaveMs?: number; nowMs?: () => number } = {},
): SearchRunner {
  const enterMs = bounds.enterMs ?? THREAD_ENTER_MS;
  const leaveMs = Math.min(enterMs, bounds.leaveMs ?? THREAD_LEAVE_MS);
  const nowMs = bounds.nowMs ?? (() => performance.now());
  const recentMs = new Float64Array(RECENT_SEARCHES);
  const sorted = new Float64Array(RECENT_SEARCHES);
  let seen = 0;
  let threaded = false;
  const learn = (ms: number) => {
    recentMs[seen++ % RECENT_SEARCHES] = ms;
    if (seen < RECENT_SEARCHES) return;
    sorted.set(recentMs);
    sorted.sort();
    const medianMs = sorted[RECENT_SEARCHES >> 1]!;
    threaded = medianMs >= (threaded ? leaveMs : enterMs);
    if (threaded) threads?.prepare();
  };
  return async (req) => {
    const plan = planSearch(req, segmenter);
    if (threads && threaded && threads.isReady()) {
      try {
        const { result, elapsedMs } = await threads.run(plan);
        learn(elapsedMs);
        return result;
      } catch (err) {
        if (!(err instanceof SearchThreadsUnavailable)) throw err;
        logger.debug('searching in the main thread', { reason: err.message });
      }
    }
    const began = nowMs();
    const result = runSearchPlan(db, plan);
    learn(nowMs() - began);
    return result;
  };
}
