import type { Db } from './open.ts';
import { prepared } from './statement-cache.ts';

/**
 * A value that changes whenever the database may have: rows this connection changed (`total_changes()`) and
 * commits by any other connection, in this process or another (`PRAGMA data_version`). Two equal stamps on one
 * connection mean nothing was written in between, so what was read under the first still holds. Null while
 * this connection is inside a transaction (its changes may still be rolled back or be invisible to others).
 * Two things it does not see, neither of which the bot does at run time: a schema change by this connection
 * (CREATE or DROP moves no `total_changes()`), and commits by others while a statement of this connection is
 * still being stepped (`.iterate()` left open holds a read snapshot outside any transaction).
 *
 * @example const before = changeStamp(db); … if (changeStamp(db) === before) reuse();
 */
export function changeStamp(db: Db): string | null {
  if (db.inTransaction) return null;
  const row = prepared(db, 'SELECT total_changes() AS c, data_version AS v FROM pragma_data_version').get() as {
    c: number;
    v: number;
  };
  return `${row.c}:${row.v}`;
}
