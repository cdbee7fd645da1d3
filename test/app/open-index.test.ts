import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/app/open-index.ts';
import { BOT_BUSY_TIMEOUT_MS } from '../../src/db/busy-retry.ts';
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
