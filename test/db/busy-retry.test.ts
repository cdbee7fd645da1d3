import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBusyError, withBusyRetry, withBusyRetrySync } from '../../src/db/busy-retry.ts';
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
