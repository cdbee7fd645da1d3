import type { Statement } from 'better-sqlite3';
import type { Db } from './open.ts';

/**
 * Statements by SQL text, per connection: searches, the index and ingest's writers run the same handful of
 * statements over and over, and preparing one costs more than running it on a small index. A statement is
 * shared by every caller of its SQL, so `.pluck()` / `.raw()` on it change it for all of them: give such a
 * caller SQL of its own.
 * @example prepared(db, 'SELECT 1').get()
 */
const statements = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
