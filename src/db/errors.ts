/**
 * SQLite failures that are about the database file or its disk, not about the code: named once here, so the
 * bot's users, its /healthz and the CLI all say the same thing and what to do about it.
 */

export type StorageProblem = 'full' | 'readonly' | 'io' | 'corrupt' | 'cantopen';

/** better-sqlite3's error codes are SQLite's, extended ones included (SQLITE_IOERR_SHMSIZE, SQLITE_READONLY_DBMOVED). */
const BY_CODE: [prefix: string, problem: StorageProblem][] = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'readonly'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_CANTOPEN', 'cantopen'],
];

/**
 * The storage problem behind an error, or null for anything else (a bug, a constraint, a busy database).
 *
 * @example
 * storageProblem(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_SHMSIZE' })) // 'io'
 */
export function storageProblem(err: unknown): StorageProblem | null {
  if (err instanceof DatabaseError) return err.problem;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  for (const [prefix, problem] of BY_CODE) if (code === prefix || code.startsWith(`${prefix}_`)) return problem;
  return null;
}

/** What an operator should do, in one sentence each (logs, CLI, start-up refusals). */
export const STORAGE_ADVICE: Record<StorageProblem, string> = {
  full: 'The disk holding the database is full: free some space, then try again.',
  readonly:
    'The database cannot be written here (read-only file, folder or disk): give the bot write access to the file and its folder, or set DATABASE_PATH to a writable place.',
  io: 'The disk reported an I/O error (often a full disk or a failing or unmounted volume): check free space and the volume, then restart.',
  corrupt:
    'The database file is damaged: stop every process using it, restore it from a backup (or move it away and re-index with `measures ingest`), then start again.',
  cantopen:
    'The database file cannot be opened: check that its folder exists and that the bot may read (and, to write, create files in) it.',
};

/** A storage failure with the file it concerns and the advice; its message says both. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    readonly file: string,
    readonly problem: StorageProblem,
    detail: string,
  ) {
    super(`Database ${file}: ${detail}. ${STORAGE_ADVICE[problem]}`);
  }
}

/** Wraps a storage failure so its message names the file and what to do; other errors are returned as they are. */
export function withDatabaseContext(err: unknown, file: string): unknown {
  if (err instanceof DatabaseError) return err;
  const problem = storageProblem(err);
  if (!problem) return err;
  const wrapped = new DatabaseError(file, problem, (err as Error).message);
  wrapped.cause = err;
  return wrapped;
}
