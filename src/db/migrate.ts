import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Clock, systemClock } from '../lib/clock.ts';
import type { Db } from './open.ts';

/** The repository's migrations folder (numbered, forward-only SQL files: 001_name.sql). */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => /^\d+_[\w-]+\.sql$/.test(f));
  const migrations = files.map((f) => ({
    version: Number(f.split('_')[0]),
    name: f,
    sql: fs.readFileSync(path.join(dir, f), 'utf8'),
  }));
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new MigrationError(
        `Two migrations share version ${migrations[i]!.version}: ${migrations[i - 1]!.name}, ${migrations[i]!.name}`,
      );
    }
  }
  return migrations;
}

/** Versions this code knows that the database has not applied, and applied ones it does not know (newer code). */
function compare(db: Db, migrations: Migration[]): { pending: Migration[]; unknown: string[] } {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  const done = new Map(
    hasTable
      ? (db.prepare('SELECT version, name FROM schema_migrations').all() as { version: number; name: string }[]).map(
          (r) => [r.version, r.name],
        )
      : [],
  );
  const known = new Set(migrations.map((m) => m.version));
  return {
    pending: migrations.filter((m) => !done.has(m.version)),
    unknown: [...done.entries()].filter(([v]) => !known.has(v)).map(([, n]) => n),
  };
}

function newerVersionError(unknown: string[]): MigrationError {
  return new MigrationError(
    `This database was created by a newer version of measures (it has migration ${unknown.join(', ')}, which this code does not know). Upgrade the bot or use another DATABASE_PATH.`,
  );
}

/**
 * The migrations a database still needs, without applying them (a read-only connection cannot). Throws the
 * same MigrationError as migrate() for a database written by a newer version.
 */
export function pendingMigrations(db: Db, migrations: Migration[] = readMigrations()): string[] {
  const { pending, unknown } = compare(db, migrations);
  if (unknown.length > 0) throw newerVersionError(unknown);
  return pending.map((m) => m.name);
}

/**
 * Applies every migration the database has not seen, each in its own transaction (a failing file leaves the
 * database at the previous version). Refuses a database that has migrations this code does not know: it was
 * written by a newer version of the bot.
 */
export function migrate(
  db: Db,
  migrations: Migration[] = readMigrations(),
  now: Clock = systemClock,
): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const { pending, unknown } = compare(db, migrations);
  if (unknown.length > 0) throw newerVersionError(unknown);
  const applied: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  for (const m of pending) {
    const rebuildsTables = FOREIGN_KEYS_OFF.test(m.sql);
    // SQLite's table rebuild (create, copy, drop, rename) needs foreign keys off, set outside the transaction:
    // with them on, dropping the old table would cascade into the tables that reference it.
    if (rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      // IMMEDIATE takes the write lock before re-checking, so two processes starting together on one database
      // cannot both apply the same migration: the second waits (busy_timeout), then sees it done.
      const ran = db
        .transaction(() => {
          if (isApplied.get(m.version)) return false;
          db.exec(m.sql);
          if (rebuildsTables) {
            const broken = db.pragma('foreign_key_check') as unknown[];
            if (broken.length > 0) {
              throw new MigrationError(`${m.name} would leave ${broken.length} rows pointing at rows that are gone`);
            }
          }
          record.run(m.version, m.name, now().toISOString());
          return true;
        })
        .immediate();
      if (ran) applied.push(m.name);
    } finally {
      if (rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
  return { applied };
}

/**
 * A migration whose first line is this comment rebuilds tables: it runs with foreign keys off, and is rolled
 * back unless `PRAGMA foreign_key_check` finds every reference intact afterwards.
 */
const FOREIGN_KEYS_OFF = /^-- migrate: foreign_keys off\b/;
