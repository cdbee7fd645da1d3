import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CLI_BUSY_TIMEOUT_MS } from './busy-retry.ts';
import { withDatabaseContext } from './errors.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Read without writing anything: no folder created, no WAL switch, no -shm file needed where the folder is
   * read-only. For commands that only read (export, search, listings); the file must exist.
   */
  readonly?: boolean;
  /**
   * How long one statement waits for another process's lock before failing with SQLITE_BUSY. The event loop is
   * blocked meanwhile: a process that must keep serving passes BOT_BUSY_TIMEOUT_MS and retries with
   * withBusyRetry (busy-retry.ts). Default CLI_BUSY_TIMEOUT_MS.
   */
  busyTimeoutMs?: number;
}

const busyTimeout = (options: OpenOptions) =>
  `busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? CLI_BUSY_TIMEOUT_MS))}`;

/** Changes how long the connection's statements wait for a lock (see OpenOptions.busyTimeoutMs). */
export function setBusyTimeout(db: Db, busyTimeoutMs: number): void {
  db.pragma(busyTimeout({ busyTimeoutMs }));
}

/**
 * Opens (creating its folder) a SQLite database with WAL, foreign keys and a busy timeout, so that the bot and a
 * CLI run can share one file. `:memory:` opens a private in-memory database (tests). A storage failure (damaged
 * file, read-only location, full disk) is thrown as a DatabaseError naming the file and what to do.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (options.readonly && file !== ':memory:') return openReadOnly(file, options);
  let db: Db | undefined;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(busyTimeout(options));
    return db;
  } catch (err) {
    db?.close();
    throw withDatabaseContext(err, file);
  }
}

/** Why a read-only open of a WAL database fails in a folder where its -shm file cannot be created. */
const NO_SHM = new Set(['SQLITE_READONLY_DIRECTORY', 'SQLITE_CANTOPEN']);

function openReadOnly(file: string, options: OpenOptions): Db {
  if (!fs.existsSync(file)) {
    throw new Error(
      `There is no database at ${file} yet: index documents first with \`measures ingest <folder>\` (or start the bot once).`,
    );
  }
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
    } catch (err) {
      if (!NO_SHM.has((err as { code?: string }).code ?? '')) throw err;
      db.close();
      db = snapshotOf(file);
    }
    db.pragma(busyTimeout(options));
    return db;
  } catch (err) {
    db?.close();
    throw withDatabaseContext(err, file);
  }
}

/**
 * A WAL database whose folder is read-only cannot be opened in place (SQLite needs its -shm file, and this
 * build has no `immutable` URIs). No writer can be running there, so the file is complete: read it into
 * memory, marked as a rollback-journal database so SQLite does not look for the WAL. Memory grows with the
 * file, which only read-only locations pay. A leftover -wal (a writer crashed) holds changes the copy
 * would miss, so that case is refused.
 */
function snapshotOf(file: string): Db {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw Object.assign(new Error(`its write-ahead log ${wal} has changes that only a writable location can apply`), {
      code: 'SQLITE_READONLY_RECOVERY',
    });
  }
  const image = fs.readFileSync(file);
  // Header bytes 18-19: file format read/write versions, 2 = WAL, 1 = rollback journal.
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) image.fill(1, 18, 20);
  return new Database(image, { readonly: true });
}
