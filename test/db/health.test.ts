import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseError, STORAGE_ADVICE, storageProblem, withDatabaseContext } from '../../src/db/errors.ts';
import {
  assertIntact,
  checkAtStart,
  checkInBackground,
  FULL_CHECK_AT_START_MAX_BYTES,
  MIN_FREE_DISK_BYTES,
  probeDatabase,
} from '../../src/db/health.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { testDb } from '../helpers/db.ts';

const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('storage problems', () => {
  it('maps SQLite codes (extended ones included) to one problem each, and nothing else', () => {
    expect(storageProblem(sqliteError('SQLITE_FULL', 'database or disk is full'))).toBe('full');
    expect(storageProblem(sqliteError('SQLITE_IOERR_SHMSIZE', 'disk I/O error'))).toBe('io');
    expect(storageProblem(sqliteError('SQLITE_READONLY_DIRECTORY', 'attempt to write a readonly database'))).toBe(
      'readonly',
    );
    expect(storageProblem(sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'))).toBe('corrupt');
    expect(storageProblem(sqliteError('SQLITE_NOTADB', 'file is not a database'))).toBe('corrupt');
    expect(storageProblem(sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed'))).toBeNull();
    expect(storageProblem(sqliteError('SQLITE_FULLISH', 'not a real code'))).toBeNull();
    expect(storageProblem(new TypeError('x'))).toBeNull();
  });

  it('a full disk reported as SQLITE_IOERR_SHMSIZE says which file and to check free space', () => {
    const err = withDatabaseContext(sqliteError('SQLITE_IOERR_SHMSIZE', 'disk I/O error'), '/srv/measures.db') as Error;
    expect(err).toBeInstanceOf(DatabaseError);
    expect(err.message).toContain('/srv/measures.db');
    expect(err.message).toMatch(/full disk.*check free space/);
  });
});

describe('the integrity check at start', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-health-'));
    file = path.join(dir, 'm.db');
    const db = openDatabase(file);
    migrate(db);
    const insert = db.prepare('INSERT INTO processed_events (key, at) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`event-${i}-${'x'.repeat(40)}`, '2026-01-01T00:00:00Z');
    })();
    db.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Overwrites one page of the file with zeros, as a failing disk or a bad copy would leave it. */
  function zeroPage(page: number, fromByte = 0): void {
    const fd = fs.openSync(file, 'r+');
    const size = 4096;
    fs.writeSync(fd, Buffer.alloc(size - fromByte), 0, size - fromByte, (page - 1) * size + fromByte);
    fs.closeSync(fd);
  }

  it('passes an intact database', () => {
    const db = openDatabase(file);
    expect(() => assertIntact(db, file)).not.toThrow();
    db.close();
  });

  it('refuses a database with a zeroed data page, naming the file and what to do', () => {
    const db0 = openDatabase(file, { readonly: true });
    const { rootpage } = db0.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'processed_events'").get() as {
      rootpage: number;
    };
    const pages = db0.pragma('page_count', { simple: true }) as number;
    db0.close();
    // A leaf page of the table (not its root), so the schema still reads and only the check can find it.
    zeroPage(pages - 1 === rootpage ? pages - 2 : pages - 1);
    const db = openDatabase(file);
    expect(() => assertIntact(db, file)).toThrow(DatabaseError);
    try {
      assertIntact(db, file);
    } catch (err) {
      expect((err as Error).message).toContain(file);
      expect((err as Error).message).toContain(STORAGE_ADVICE.corrupt);
    }
    db.close();
  });

  it('in the background (large files): an intact file passes, a damaged page is found and named', async () => {
    const intact = checkInBackground(file);
    expect(intact.status().state).toBe('checking');
    expect(await intact.done).toEqual({ state: 'ok' });
    expect(intact.status()).toEqual({ state: 'ok' });

    const db0 = openDatabase(file, { readonly: true });
    const pages = db0.pragma('page_count', { simple: true }) as number;
    db0.close();
    zeroPage(pages - 1);
    const damaged = await checkInBackground(file).done;
    expect(damaged.state).toBe('damaged');
    if (damaged.state !== 'damaged') return;
    expect(damaged.error).toBeInstanceOf(DatabaseError);
    expect(damaged.error.problem).toBe('corrupt');
    expect(damaged.error.message).toContain(file);
    expect(damaged.error.message).toContain(STORAGE_ADVICE.corrupt);
  });

  it('a file that cannot be opened at all is reported, not thrown', async () => {
    const missing = await checkInBackground(path.join(dir, 'nowhere.db')).done;
    expect(missing.state).toBe('damaged');
  });

  it('checks before serving up to FULL_CHECK_AT_START_MAX_BYTES, in the background above', () => {
    expect(checkAtStart(file)).toBe(true);
    expect(checkAtStart(':memory:')).toBe(true);
    const big = path.join(dir, 'big.db');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, FULL_CHECK_AT_START_MAX_BYTES + 1);
    expect(checkAtStart(big)).toBe(false);
  });

  it('a zeroed schema page fails at open with the file named', () => {
    zeroPage(1, 100);
    let caught: unknown;
    try {
      const db = openDatabase(file);
      assertIntact(db, file);
      db.close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DatabaseError);
    expect((caught as Error).message).toContain(file);
    expect((caught as DatabaseError).problem).toBe('corrupt');
  });
});

describe('the write probe behind /healthz', () => {
  it('is ok on a writable database and leaves nothing behind', () => {
    const db = testDb();
    expect(probeDatabase(db, ':memory:')).toEqual({ ok: true });
    expect(db.prepare('SELECT count(*) n FROM health_probe').get()).toEqual({ n: 0 });
  });

  it('reports full when the database cannot grow', () => {
    const db = testDb();
    // No free pages either (a migration that rebuilds a table leaves some): the file is exactly full.
    db.exec('VACUUM');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    expect(probeDatabase(db, ':memory:')).toMatchObject({ ok: false, problem: 'full' });
  });

  it('reports readonly when writes are refused', () => {
    const db = testDb();
    db.pragma('query_only = ON');
    expect(probeDatabase(db, ':memory:')).toMatchObject({ ok: false, problem: 'readonly' });
  });

  it('reports full when the disk holding the file is nearly full (a rolled-back write never reaches the disk)', () => {
    const db = testDb();
    expect(probeDatabase(db, '/srv/m.db', { freeBytes: () => MIN_FREE_DISK_BYTES - 1 })).toMatchObject({
      ok: false,
      problem: 'full',
    });
    expect(probeDatabase(db, '/srv/m.db', { freeBytes: () => MIN_FREE_DISK_BYTES * 10 })).toEqual({ ok: true });
  });
});

describe('the write probe while another process writes', () => {
  it('answers ok at once instead of waiting for the lock, and keeps the connection’s busy timeout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-busy-'));
    const file = path.join(dir, 'm.db');
    const bot = openDatabase(file);
    migrate(bot);
    const ingest = openDatabase(file);
    try {
      ingest.exec('BEGIN IMMEDIATE');
      expect(probeDatabase(bot, file, { freeBytes: () => MIN_FREE_DISK_BYTES * 10 })).toEqual({ ok: true });
      expect(bot.pragma('busy_timeout', { simple: true })).toBe(5000);
      ingest.exec('ROLLBACK');
    } finally {
      bot.close();
      ingest.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
