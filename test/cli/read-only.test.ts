import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { distFile } from '../helpers/dist.ts';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/paths.ts';

/**
 * Read commands on a database the user may read but not write (a read-only folder): they must work without
 * switching the journal mode or migrating. Root ignores file modes, so as root the CLI runs as `nobody`.
 */

const asRoot = process.getuid?.() === 0;
let dir: string;
let dbPath: string;
/** The seeds ingested once; each test gets its own copy. */
let seeded: string;

beforeAll(async () => {
  seeded = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'measures-ro-seeds-')), 'm.db');
  expect((await cli(['ingest', SEEDS_DIR, '--db', seeded])).code).toBe(0);
  // Closed, the database is this one file (its WAL is checkpointed away), so a copy of it is the whole index.
  expect(fs.readdirSync(path.dirname(seeded))).toEqual(['m.db']);
});

afterAll(() => fs.rmSync(path.dirname(seeded), { recursive: true, force: true }));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-ro-'));
  dbPath = path.join(dir, 'm.db');
  fs.copyFileSync(seeded, dbPath);
});

afterEach(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

function lockDown(): void {
  fs.chmodSync(dbPath, 0o444);
  fs.chmodSync(dir, 0o555);
}

function measures(...args: string[]) {
  // bin.js runs the compiled CLI: it must be the current sources'.
  distFile('cli/main.js');
  const r = spawnSync(process.execPath, ['src/cli/bin.js', ...args, '--db', dbPath], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('read commands in a read-only location', () => {
  it('export and search work, and nothing is written next to the database', () => {
    lockDown();
    const exp = measures('export');
    expect(exp.code, exp.stderr).toBe(0);
    expect((JSON.parse(exp.stdout) as { documents: unknown[] }).documents).toHaveLength(5);
    const search = measures('search', '冷链', '--json');
    expect(search.code, search.stderr).toBe(0);
    expect((JSON.parse(search.stdout) as { total: number }).total).toBeGreaterThan(0);
    expect(fs.readdirSync(dir)).toEqual(['m.db']);
  }, 60_000);

  it('a write command says the location is read-only and what to do, not "unable to open database file"', () => {
    lockDown();
    const r = measures('ingest', SEEDS_DIR);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(dbPath);
    expect(r.stderr).toMatch(/cannot be written here.*write access/);
    expect(r.stderr).not.toContain('unable to open database file');
  }, 60_000);

  it('a database that needs migrating is refused with what to do', () => {
    const db = new Database(dbPath);
    const last = db.prepare('SELECT max(version) v FROM schema_migrations').get() as { v: number };
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(last.v);
    db.close();
    lockDown();
    const r = measures('export');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /needs upgrading to this version \(\d{3}_[\w-]+\.sql\) before it can be read, and it cannot be written here/,
    );
  }, 60_000);
});

describe('read commands where the database can be written', () => {
  it('migrate a database that needs it, as before', async () => {
    const db = new Database(dbPath);
    // Undo one migration whose effect is easy to undo (a new empty table), wherever it sits in the sequence.
    const last = db.prepare("SELECT version v, name FROM schema_migrations WHERE name LIKE '%health_probe%'").get() as {
      v: number;
      name: string;
    };
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(last.v);
    db.exec('DROP TABLE IF EXISTS health_probe');
    db.close();
    const r = await cli(['export', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const after = new Database(dbPath, { readonly: true });
    expect(after.prepare('SELECT name FROM schema_migrations WHERE version = ?').get(last.v)).toEqual({
      name: last.name,
    });
    after.close();
  });

  it('say there is no database yet instead of creating an empty one', async () => {
    const r = await cli(['export', '--db', path.join(dir, 'none.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('There is no database at');
    expect(fs.existsSync(path.join(dir, 'none.db'))).toBe(false);
  });
});
