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

describe('migrations that rebuild a table (-- migrate: foreign_keys off)', () => {
  const parent = {
    version: 1,
    name: '001_parent.sql',
    sql: `CREATE TABLE p (id TEXT PRIMARY KEY, v TEXT NOT NULL);
      CREATE TABLE c (p_id TEXT NOT NULL REFERENCES p(id) ON DELETE CASCADE);
      INSERT INTO p VALUES ('a', 'x'); INSERT INTO c VALUES ('a');`,
  };
  const rebuild = (body: string) => ({
    version: 2,
    name: '002_rebuild.sql',
    sql: `-- migrate: foreign_keys off
      CREATE TABLE p_new (id TEXT PRIMARY KEY, v TEXT);
      ${body}
      DROP TABLE p;
      ALTER TABLE p_new RENAME TO p;`,
  });

  it('rebuilds without cascading into the referencing table, and turns foreign keys back on', () => {
    const db = openDatabase(':memory:');
    migrate(db, [parent, rebuild('INSERT INTO p_new SELECT id, v FROM p;')]);
    expect(db.prepare('SELECT * FROM c').all()).toEqual([{ p_id: 'a' }]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare("DELETE FROM p WHERE id = 'a'").run();
    expect(db.prepare('SELECT * FROM c').all()).toEqual([]);
  });

  it('is rolled back when it would leave references to rows that are gone', () => {
    const db = openDatabase(':memory:');
    expect(() => migrate(db, [parent, rebuild('')])).toThrow(/pointing at rows that are gone/);
    expect(db.prepare('SELECT * FROM p').all()).toEqual([{ id: 'a', v: 'x' }]);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

/** A database with every migration before `version` applied, to run the later ones on rows it holds. */
function migratedBefore(version: number) {
  const db = openDatabase(':memory:');
  migrate(
    db,
    readMigrations().filter((m) => m.version < version),
  );
  return db;
}

const ONE_DOCUMENT = `INSERT INTO documents (id, file, content_hash, title, kind, ingested_at)
  VALUES ('d1', 'd1.txt', 'h', '方案', 'policy', '2026-01-01T00:00:00Z');`;

describe('011: task texts stored as stretches of their measure', () => {
  it('converts stored copies into offsets, keeps a text not found in its measure, and loses no row', () => {
    const db = migratedBefore(11);
    db.exec(`${ONE_DOCUMENT}
      INSERT INTO measures (id, document_id, position, kind, label, ordinal, title, text, content_hash)
        VALUES ('d1-1', 'd1', 0, 'measure', '（一）', 1, '加快建设', '加快建设𠀀基站。到2025年底建成。（市通信管理局负责）', 'h');
      INSERT INTO tasks (id, measure_id, position, text, content_hash) VALUES
        ('d1-1.1', 'd1-1', 0, '到2025年底建成。', 'h'),
        ('d1-1.2', 'd1-1', 1, '不在正文里的分工', 'h');
      INSERT INTO task_departments (task_id, position, name, role) VALUES ('d1-1.1', 0, '市通信管理局', 'lead');
      INSERT INTO targets (id, task_id, position, text, due, precision) VALUES
        ('d1-1.1.t1', 'd1-1.1', 0, '到2025年底建成', '2025-12-31', 'year');`);
    // A measure text with a NUL in it: substr would stop there, so the task keeps its copy.
    db.prepare(
      `INSERT INTO measures (id, document_id, position, kind, label, ordinal, title, text, content_hash)
       VALUES ('d1-2', 'd1', 1, 'measure', '（二）', 2, '完善', ?, 'h')`,
    ).run('完善\0设施。到年底建成。');
    db.prepare(
      "INSERT INTO tasks (id, measure_id, position, text, content_hash) VALUES ('d1-2.1', 'd1-2', 0, ?, 'h')",
    ).run('到年底建成。');
    migrate(db);
    expect(db.prepare("SELECT text, text_from FROM tasks WHERE id = 'd1-2.1'").get()).toEqual({
      text: '到年底建成。',
      text_from: null,
    });
    db.prepare("DELETE FROM measures WHERE id = 'd1-2'").run();
    const rows = db
      .prepare(
        `SELECT t.id, t.text, t.text_from AS "from", t.text_to AS "to",
           coalesce(t.text, substr(m.text, t.text_from + 1, t.text_to - t.text_from)) AS shown
         FROM tasks t JOIN measures m ON m.id = t.measure_id ORDER BY t.position`,
      )
      .all();
    // 𠀀 (outside the basic plane) is one character: the offsets count characters, as substr does.
    expect(rows).toEqual([
      { id: 'd1-1.1', text: null, from: 8, to: 18, shown: '到2025年底建成。' },
      { id: 'd1-1.2', text: '不在正文里的分工', from: null, to: null, shown: '不在正文里的分工' },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM task_departments').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM targets').get()).toEqual({ n: 1 });
    db.prepare("DELETE FROM measures WHERE id = 'd1-1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM targets').get()).toEqual({ n: 0 });
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

describe('012: the distinct department names', () => {
  it('holds the names stored before it and every name written after, each once', () => {
    const db = migratedBefore(12);
    db.exec(`${ONE_DOCUMENT}
      INSERT INTO measures (id, document_id, position, kind, label, ordinal, title, text, content_hash)
        VALUES ('d1-1', 'd1', 0, 'measure', '（一）', 1, '加快建设', '加快建设。（市商务局、市通信管理局负责）', 'h');
      INSERT INTO tasks (id, measure_id, position, text, content_hash) VALUES ('d1-1.1', 'd1-1', 0, '加快建设。', 'h');
      INSERT INTO task_departments (task_id, position, name, role) VALUES
        ('d1-1.1', 0, '市商务局', 'lead'), ('d1-1.1', 1, '市通信管理局', 'lead');`);
    migrate(db);
    const names = () => db.prepare('SELECT name FROM department_names ORDER BY name').pluck().all();
    expect(names()).toEqual(['市商务局', '市通信管理局']);
    db.exec(`INSERT INTO task_departments (task_id, position, name, role) VALUES
        ('d1-1.1', 2, '市商务局', 'co'), ('d1-1.1', 3, '天津海关', 'co');
      UPDATE task_departments SET name = '市邮政管理局' WHERE position = 1;`);
    expect(names()).toEqual(['天津海关', '市商务局', '市通信管理局', '市邮政管理局']);
  });
});
