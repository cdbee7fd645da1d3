import type { Statement } from 'better-sqlite3';
import type { Db } from './open.ts';

/**
 * Statements by SQL text, per connection: the search and index repositories run the same handful of statements
 * over and over, and preparing one costs more than running it on a small index.
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
