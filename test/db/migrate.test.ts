import { describe, expect, it } from 'vitest';
import { MigrationError, migrate, readMigrations } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';

describe('migrate', () => {
  it('applies every numbered migration once, in order', () => {
    const db = openDatabase(':memory:');
    const first = migrate(db);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    expect(migrate(db).applied).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a database written by a newer version', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'x')").run();
    expect(() => migrate(db)).toThrow(MigrationError);
    expect(() => migrate(db)).toThrow(/newer version/);
  });

  it('rolls back a failing migration and keeps the previous version', () => {
    const db = openDatabase(':memory:');
    const good = { version: 1, name: '001_a.sql', sql: 'CREATE TABLE a (x INTEGER);' };
    const bad = { version: 2, name: '002_b.sql', sql: 'CREATE TABLE b (x INTEGER); SELECT * FROM nope;' };
    expect(() => migrate(db, [good, bad])).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toContain('a');
    expect(tables.map((t) => t.name)).not.toContain('b');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
  });
});

describe('migrate with two processes', () => {
  it('a second process on the same file sees the migrations the first applied and applies none', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'measures-migrate-')), 'm.db');
    const a = openDatabase(file);
    const b = openDatabase(file);
    const first = migrate(a);
    const second = migrate(b);
    expect(first.applied.length).toBe(readMigrations().length);
    expect(second.applied).toEqual([]);
    expect((b.prepare('SELECT COUNT(*) n FROM schema_migrations').get() as { n: number }).n).toBe(
      readMigrations().length,
    );
    a.close();
    b.close();
  });
});
