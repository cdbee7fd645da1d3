import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBusyError, retryingWrite, withBusyRetry, withBusyRetrySync } from '../../src/db/busy-retry.ts';
import { openDatabase } from '../../src/db/open.ts';

function twoConnections() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'measures-busy-')), 'm.db');
  const holder = openDatabase(file);
  holder.exec('CREATE TABLE t (x INTEGER)');
  const other = openDatabase(file, { busyTimeoutMs: 0 });
  return { holder, other };
}

describe('withBusyRetry', () => {
  it('retries a write while another connection holds the lock, and succeeds once it is released', async () => {
    const { holder, other } = twoConnections();
    holder.exec('BEGIN IMMEDIATE');
    let attempts = 0;
    const write = () => {
      attempts++;
      return other.prepare('INSERT INTO t (x) VALUES (1)').run().changes;
    };
    expect(() => write()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    const pending = withBusyRetry(write, { baseDelayMs: 5 });
    // The retry pauses with timers: this callback runs while the write waits.
    await new Promise((r) => setTimeout(r, 30));
    holder.exec('COMMIT');
    expect(await pending).toBe(1);
    expect(attempts).toBeGreaterThan(2);
  });

  it('gives up after totalMs with the busy error, and rethrows other errors at once', async () => {
    const { holder, other } = twoConnections();
    holder.exec('BEGIN IMMEDIATE');
    await expect(
      withBusyRetry(() => other.prepare('INSERT INTO t (x) VALUES (1)').run(), { totalMs: 30, baseDelayMs: 5 }),
    ).rejects.toSatisfy(isBusyError);
    expect(() => withBusyRetrySync(() => other.prepare('SELECT * FROM nope').all(), { totalMs: 1000 })).toThrow(
      /no such table/,
    );
    holder.exec('ROLLBACK');
  });
});

describe('retryingWrite', () => {
  it('lets one pending write probe a held lock at a time; the rest follow in order once it is released', async () => {
    const { holder, other } = twoConnections();
    const write = retryingWrite({ baseDelayMs: 2, maxDelayMs: 5 });
    holder.exec('BEGIN IMMEDIATE');
    const attemptsBy: number[] = [];
    const pending = [0, 1, 2, 3, 4].map((i) =>
      write(() => {
        attemptsBy.push(i);
        return other.prepare('INSERT INTO t (x) VALUES (?)').run(i).changes;
      }),
    );
    while (attemptsBy.length < 5) await new Promise((r) => setTimeout(r, 2));
    // Five attempts so far, all by the first write: the others wait without blocking on the lock.
    expect(new Set(attemptsBy)).toEqual(new Set([0]));
    holder.exec('COMMIT');
    expect(await Promise.all(pending)).toEqual([1, 1, 1, 1, 1]);
    expect(other.prepare('SELECT x FROM t').all()).toEqual([0, 1, 2, 3, 4].map((x) => ({ x })));
  });

  it('a write whose budget ran out behind a busy one fails with the busy error without trying', async () => {
    const { holder, other } = twoConnections();
    const write = retryingWrite({ totalMs: 20, baseDelayMs: 2, maxDelayMs: 5 });
    holder.exec('BEGIN IMMEDIATE');
    let second = 0;
    const first = write(() => other.prepare('INSERT INTO t (x) VALUES (1)').run());
    const next = write(() => {
      second++;
      return other.prepare('INSERT INTO t (x) VALUES (2)').run();
    });
    await expect(first).rejects.toSatisfy(isBusyError);
    await expect(next).rejects.toSatisfy(isBusyError);
    expect(second).toBe(0);
    holder.exec('ROLLBACK');
  });
});
