import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { withBusyRetrySync } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import { deleteIngestLease, type IngestLease, readIngestLease, writeIngestLease } from '../repo/documents-writer.ts';

/**
 * One ingest writes documents at a time. Without this, two ingests alternate on SQLite's write lock with no gap
 * (SQLite has no fair queue), and the bot's own small writes starve between them. The lease is a row in `meta`,
 * renewed at every write transaction; a holder that died (same host, process gone) or stopped renewing
 * (LEASE_MS) is taken over. Waiting is polling, never holding the SQLite lock.
 */

/** A holder that has not renewed for this long is presumed gone (a kill -9 on another host). */
export const LEASE_MS = 2 * 60_000;
const POLL_MS = 200;

export class IngestBusyError extends Error {
  override name = 'IngestBusyError';
  constructor(readonly holder: { host: string; pid: number }) {
    super('Another ingest is adding documents to this index right now; try again in a minute.');
  }
}

function alive(lease: IngestLease): boolean {
  if (lease.host !== os.hostname()) return true;
  if (lease.pid === process.pid) return true;
  try {
    process.kill(lease.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface HeldLease {
  owner: string;
  /** Extends the lease; call inside each write transaction. */
  renew(db: Db): void;
  release(db: Db): void;
}

function tryAcquire(db: Db, owner: string, nowMs: number, lockWaitMs: number): IngestLease | undefined {
  return withBusyRetrySync(
    () =>
      db
        .transaction((): IngestLease | undefined => {
          const current = readIngestLease(db);
          if (current && current.owner !== owner && current.expiresAtMs > nowMs && alive(current)) return current;
          writeIngestLease(db, { owner, host: os.hostname(), pid: process.pid, expiresAtMs: nowMs + LEASE_MS });
          return undefined;
        })
        .immediate(),
    { totalMs: lockWaitMs },
  );
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the ingest lease, waiting up to `waitMs` (synchronously: for the CLI; the bot passes 0 and gets an
 * IngestBusyError to report or retry later).
 */
export function acquireIngestLease(db: Db, waitMs: number, onWait?: (holder: IngestLease) => void): HeldLease {
  const owner = randomUUID();
  const started = Date.now();
  let told = false;
  for (;;) {
    // Another process's document write can hold SQLite's lock for seconds on a busy machine: wait for it as long
    // as the caller would wait for the lease itself (at least a second).
    const holder = tryAcquire(db, owner, Date.now(), Math.max(waitMs, 1000));
    if (!holder) break;
    if (Date.now() - started >= waitMs) throw new IngestBusyError(holder);
    if (!told) onWait?.(holder);
    told = true;
    sleepSync(POLL_MS);
  }
  return {
    owner,
    renew: (d) =>
      writeIngestLease(d, { owner, host: os.hostname(), pid: process.pid, expiresAtMs: Date.now() + LEASE_MS }),
    // Not released (a busy error here): the lease expires after LEASE_MS or is taken over once this process exits.
    release: (d) => withBusyRetrySync(() => deleteIngestLease(d, owner), { totalMs: LEASE_MS }),
  };
}
