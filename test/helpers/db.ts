import { openDatabase, type Db } from '../../src/db/open.ts';
import { migrate } from '../../src/db/migrate.ts';

/** A fresh in-memory database with the real migrations applied. */
export function testDb(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
}
