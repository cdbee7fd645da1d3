import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CLI_BUSY_TIMEOUT_MS } from './busy-retry.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * How long one statement waits for another process's lock before failing with SQLITE_BUSY. The event loop is
   * blocked meanwhile: a process that must keep serving passes BOT_BUSY_TIMEOUT_MS and retries with
   * withBusyRetry (busy-retry.ts). Default CLI_BUSY_TIMEOUT_MS.
   */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating its folder) a SQLite database with WAL, foreign keys and a busy timeout, so that the bot and a
 * CLI run can share one file. `:memory:` opens a private in-memory database (tests).
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(opts.busyTimeoutMs ?? CLI_BUSY_TIMEOUT_MS))}`);
  return db;
}
