import fs from 'node:fs';
import path from 'node:path';
import { DatabaseError, type StorageProblem, storageProblem } from './errors.ts';
import type { Db } from './open.ts';

/** Start-up integrity check and the live probe behind /healthz. */

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
  if (rows.length === 1 && rows[0] === 'ok') return;
  throw new DatabaseError(file, 'corrupt', `the integrity check found damage (${rows.slice(0, 3).join('; ')})`);
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
