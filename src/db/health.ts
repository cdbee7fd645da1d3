import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DatabaseError, type StorageProblem, storageProblem } from './errors.ts';
import type { Db } from './open.ts';

/** Start-up integrity check, its background form for large files, and the live probe behind /healthz. */

/**
 * quick_check reads every page: about 0.3 s for 64 MB here, seconds for a large index. Files up to this size are
 * checked before the bot starts serving; larger ones in a worker thread while it serves (checkInBackground).
 */
export const FULL_CHECK_AT_START_MAX_BYTES = 64 * 1024 * 1024;

/** Below this much free space on the database's disk the next ingest or WAL checkpoint is likely to fail. */
export const MIN_FREE_DISK_BYTES = 16 * 1024 * 1024;
/** The probe writes one page's worth, so it needs a page the database may not have (max_page_count, a full disk). */
const PROBE_BYTES = 4096;

/**
 * `PRAGMA quick_check` (every page and index entry, without cross-checking index contents: linear in the
 * file's size). Throws a DatabaseError naming the file when it finds damage.
 */
export function assertIntact(db: Db, file: string): void {
  let rows: string[];
  try {
    rows = (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (err) {
    throw new DatabaseError(
      file,
      storageProblem(err) ?? 'corrupt',
      `the integrity check failed (${(err as Error).message})`,
    );
  }
  assertCheckRows(rows, file);
}

function assertCheckRows(rows: string[], file: string): void {
  if (rows.length === 1 && rows[0] === 'ok') return;
  throw new DatabaseError(file, 'corrupt', `the integrity check found damage (${rows.slice(0, 3).join('; ')})`);
}

/** Where an integrity check stands: running in the background, passed, or found damage (message says what to do). */
export type IntegrityStatus =
  | { state: 'checking' }
  | { state: 'ok' }
  | { state: 'damaged'; error: DatabaseError }
  /** The check could not run (the file was locked, the worker failed): nothing is known to be wrong. */
  | { state: 'unchecked'; reason: string };

export interface IntegrityWatch {
  status(): IntegrityStatus;
  /** Settles when the check has finished (never rejects). */
  done: Promise<IntegrityStatus>;
}

/** A check that already passed (the file was checked before serving). */
export const INTACT: IntegrityWatch = { status: () => ({ state: 'ok' }), done: Promise.resolve({ state: 'ok' }) };

/** Whether `file` is small enough for assertIntact before serving, or is checked with checkInBackground. */
export function checkAtStart(file: string, maxBytes = FULL_CHECK_AT_START_MAX_BYTES): boolean {
  if (file === ':memory:') return true;
  try {
    return fs.statSync(file).size <= maxBytes;
  } catch {
    return true;
  }
}

/**
 * The worker: its own read-only connection runs quick_check, so the bot's event loop and connection are never
 * blocked by it. Plain CommonJS evaluated in the worker (no build step or loader needed); better-sqlite3 is
 * resolved by the main thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  parentPort.postMessage({ rows: db.pragma('quick_check(20)').map((r) => r.quick_check) });
} catch (err) {
  parentPort.postMessage({ error: err.message, code: err.code });
} finally {
  if (db) db.close();
}`;

/**
 * assertIntact's check on a large file, in a worker thread while the bot serves (from `afterMs` on). status() says 'checking' until
 * it ends; damage (or a check that could not run) is reported as a DatabaseError naming the file, as at start.
 */
export function checkInBackground(file: string, opts: { afterMs?: number } = {}): IntegrityWatch {
  let current: IntegrityStatus = { state: 'checking' };
  const done = new Promise<IntegrityStatus>((resolve) => {
    // Started after `afterMs`, so that it does not compete with the rest of start-up for the CPU and the disk.
    setTimeout(() => run(resolve), opts.afterMs ?? 0).unref();
  });
  const run = (resolve: (s: IntegrityStatus) => void) => {
    const finish = (s: IntegrityStatus) => {
      current = s;
      resolve(s);
    };
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    worker.once('message', (m: { rows?: string[]; error?: string; code?: string }) => {
      if (m.rows) {
        try {
          assertCheckRows(m.rows, file);
          finish({ state: 'ok' });
        } catch (err) {
          finish({ state: 'damaged', error: err as DatabaseError });
        }
        return;
      }
      if (m.code?.startsWith('SQLITE_BUSY') || m.code?.startsWith('SQLITE_LOCKED')) {
        finish({ state: 'unchecked', reason: `the file was locked (${m.error ?? m.code})` });
        return;
      }
      const problem = storageProblem({ code: m.code, message: m.error }) ?? 'corrupt';
      finish({
        state: 'damaged',
        error: new DatabaseError(file, problem, `the integrity check failed (${m.error ?? 'unknown error'})`),
      });
    });
    worker.once('error', (err) => {
      finish({ state: 'unchecked', reason: `the check could not run (${err.message})` });
    });
    // Never keeps the process alive on its own (a bot stopping mid-check exits).
    worker.unref();
  };
  return { status: () => current, done };
}

export type DatabaseHealth = { ok: true } | { ok: false; problem: StorageProblem | 'unavailable'; error: string };

export interface HealthProbeDeps {
  /** Free bytes on the disk holding `file`; statfs by default, a test passes its own. */
  freeBytes?: (file: string) => number | null;
}

function statfsFreeBytes(file: string): number | null {
  try {
    const s = fs.statfsSync(path.dirname(path.resolve(file)));
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/**
 * Can the bot write its database right now? A write of one page inside a transaction that is rolled back
 * (it fails as a real write would when the file is read-only, damaged or at its size limit, and leaves
 * nothing behind), plus the free space on the disk, because a rolled-back write never reaches the disk.
 */
export function probeDatabase(db: Db, file: string, deps: HealthProbeDeps = {}): DatabaseHealth {
  const rollback = new Error('health probe rolled back');
  // Never wait for the write lock: the probe runs on the event loop, and a lock held by another writer (an
  // ingest) only shows that the database is being written, which is healthy.
  const busyTimeoutMs = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(() => {
      db.prepare('INSERT INTO health_probe (data) VALUES (?)').run(Buffer.alloc(PROBE_BYTES));
      throw rollback;
    })();
  } catch (err) {
    const busy = (err as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
    if (err !== rollback && !busy) {
      const problem = storageProblem(err);
      return { ok: false, problem: problem ?? 'unavailable', error: (err as Error).message };
    }
  } finally {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }
  if (file !== ':memory:') {
    const free = (deps.freeBytes ?? statfsFreeBytes)(file);
    if (free !== null && free < MIN_FREE_DISK_BYTES) {
      return { ok: false, problem: 'full', error: `only ${free} bytes free on the database's disk` };
    }
  }
  return { ok: true };
}
