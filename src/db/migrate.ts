import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './open.ts';
import { systemClock, type Clock } from '../lib/clock.ts';

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
      throw new MigrationError(`Two migrations share version ${migrations[i]!.version}: ${migrations[i - 1]!.name}, ${migrations[i]!.name}`);
    }
  }
  return migrations;
}

/**
 * Applies every migration the database has not seen, each in its own transaction (a failing file leaves the
 * database at the previous version). Refuses a database that has migrations this code does not know: it was
 * written by a newer version of the bot.
 */
export function migrate(db: Db, migrations: Migration[] = readMigrations(), now: Clock = systemClock): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Map(
    (db.prepare('SELECT version, name FROM schema_migrations').all() as { version: number; name: string }[]).map(
      (r) => [r.version, r.name],
    ),
  );
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...done.entries()].filter(([v]) => !known.has(v));
  if (unknown.length > 0) {
    throw new MigrationError(
      `This database was created by a newer version of measures (it has migration ${unknown
        .map(([, n]) => n)
        .join(', ')}, which this code does not know). Upgrade the bot or use another DATABASE_PATH.`,
    );
  }
  const applied: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    // IMMEDIATE takes the write lock before re-checking, so two processes starting together on one database
    // cannot both apply the same migration: the second waits (busy_timeout), then sees it done.
    const ran = db
      .transaction(() => {
        if (isApplied.get(m.version)) return false;
        db.exec(m.sql);
        record.run(m.version, m.name, now().toISOString());
        return true;
      })
      .immediate();
    if (ran) applied.push(m.name);
  }
  return { applied };
}
