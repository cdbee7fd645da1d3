import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/app/open-index.ts';
import { BOT_BUSY_TIMEOUT_MS } from '../../src/db/busy-retry.ts';
import { DatabaseError } from '../../src/db/errors.ts';
import { openDatabase } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openIndex', () => {
  it('hands the bot a connection that waits only briefly for another process’s lock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-open-'));
    dirs.push(dir);
    const { db } = await openIndex(
      { DATABASE_PATH: path.join(dir, 'index.db'), SEEDS_DIR: path.join(dir, 'no-seeds') },
      { logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter },
    );
    try {
      // A longer wait would block the event loop (better-sqlite3 is synchronous): writes retry asynchronously instead.
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BOT_BUSY_TIMEOUT_MS);
    } finally {
      db.close();
    }
  });
});

describe('openIndex and the integrity check of a large file', () => {
  const deps = { logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter };
  /** An index file that has been opened once (migrated, search index built), with some rows to damage. */
  async function openedOnce(): Promise<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-open-'));
    dirs.push(dir);
    const file = path.join(dir, 'index.db');
    const { db } = await openIndex({ DATABASE_PATH: file, SEEDS_DIR: path.join(dir, 'no-seeds') }, deps);
    const insert = db.prepare('INSERT INTO processed_events (key, at) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`event-${i}-${'x'.repeat(40)}`, '2026-01-01T00:00:00Z');
    })();
    db.close();
    return file;
  }
  // Every file counts as large here (fullCheckMaxBytes 0).
  const open = (file: string) =>
    openIndex({ DATABASE_PATH: file, SEEDS_DIR: path.join(path.dirname(file), 'no-seeds') }, deps, {
      fullCheckMaxBytes: 0,
      integrityCheckAfterMs: 0,
    });

  it('is checked in the background when start-up writes nothing', async () => {
    const { db, integrity } = await open(await openedOnce());
    expect(integrity.status().state).toBe('checking');
    db.close();
    expect((await integrity.done).state).toBe('ok');
  });

  /** Zeroes a leaf page of processed_events (the schema still reads; only a check finds it). */
  function damage(file: string, dropFingerprint: boolean): void {
    const raw = openDatabase(file);
    if (dropFingerprint) raw.prepare("DELETE FROM meta WHERE key = 'search_index_fingerprint'").run();
    const pages = raw.pragma('page_count', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096), 0, 4096, (pages - 2) * 4096);
    fs.closeSync(fd);
  }

  it('damage found in the background is reported, the bot having started', async () => {
    const file = await openedOnce();
    damage(file, false);
    const { db, integrity } = await open(file);
    db.close();
    expect((await integrity.done).state).toBe('damaged');
  });

  it('is checked before anything is written when the search index must be rebuilt', async () => {
    const file = await openedOnce();
    damage(file, true);
    await expect(open(file)).rejects.toThrow(DatabaseError);
  });
});
