import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changeStamp } from '../../src/db/change-stamp.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { testDb } from '../helpers/db.ts';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('changeStamp', () => {
  it('stays the same while nothing is written, and changes with this connection’s writes', () => {
    const db = testDb();
    open.push(db);
    const first = changeStamp(db);
    db.prepare('SELECT count(*) FROM measures').get();
    expect(changeStamp(db)).toBe(first);
    db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    expect(changeStamp(db)).not.toBe(first);
  });

  it('changes when another connection commits to the same file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-stamp-'));
    const file = path.join(dir, 'index.db');
    const reader = openDatabase(file);
    migrate(reader);
    const writer = openDatabase(file);
    open.push(reader, writer);
    const before = changeStamp(reader);
    writer.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    expect(changeStamp(reader)).not.toBe(before);
    const after = changeStamp(reader);
    expect(changeStamp(reader)).toBe(after);
  });

  it('is null inside a transaction (what is read there may still be rolled back)', () => {
    const db = testDb();
    open.push(db);
    const inside = db.transaction(() => {
      db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
      return changeStamp(db);
    });
    expect(inside()).toBeNull();
    expect(changeStamp(db)).not.toBeNull();
  });
});
