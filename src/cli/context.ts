import type { Config } from '../config.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { STORAGE_ADVICE, storageProblem, withDatabaseContext } from '../db/errors.ts';
import { migrate, pendingMigrations } from '../db/migrate.ts';
import { type Db, openDatabase } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { ensureSearchIndexFresh, searchIndexIsFresh } from '../services/search-service.ts';

/** What every CLI command receives: output streams, config, clock, logger and segmenter (all injected, for tests). */
export interface CliContext {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Segments indexed text and queries. */
  segmenter: Segmenter;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. Throwing UsageError prints the usage. */
  run(args: string[], ctx: CliContext): Promise<number> | number;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Opens and migrates the database named by --db or DATABASE_PATH. */
export function openIndex(ctx: CliContext, dbFlag: string | undefined): Db {
  const file = dbFlag ?? ctx.config.DATABASE_PATH;
  const db = openDatabase(file);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw withDatabaseContext(err, file);
  }
  return db;
}

/**
 * openIndex for commands that search: also brings the search index to the current dictionary and rules (and
 * repairs drift), as the bot does at start-up. Only searching needs it; a rebuild can take seconds.
 */
export function openSearchIndex(ctx: CliContext, dbFlag: string | undefined): Db {
  const db = openIndex(ctx, dbFlag);
  try {
    const fresh = ensureSearchIndexFresh(db, ctx.logger, ctx.segmenter);
    if (fresh.rebuilt) ctx.logger.info('search index rebuilt', { measures: fresh.measures });
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * For commands that only read (export, search, listings, digest previews): opens the file read-only, so they
 * work where it cannot be written (a read-only folder or disk, a backup copy). Only when the file must change
 * first (migrations pending, or — with `search` — a search index built with another dictionary) does it open
 * as a writer; where that is impossible it says what is needed instead of SQLite's "unable to open".
 */
export function openReadIndex(ctx: CliContext, dbFlag: string | undefined, opts: { search?: boolean } = {}): Db {
  const file = dbFlag ?? ctx.config.DATABASE_PATH;
  const ro = openDatabase(file, { readonly: true });
  let needs: string | null;
  try {
    const pending = pendingMigrations(ro);
    needs =
      pending.length > 0
        ? `needs upgrading to this version (${pending.join(', ')})`
        : opts.search && !searchIndexIsFresh(ro, ctx.segmenter)
          ? 'has a search index built with another dictionary, which must be rebuilt'
          : null;
  } catch (err) {
    ro.close();
    throw err;
  }
  if (needs === null) return ro;
  ro.close();
  try {
    return opts.search ? openSearchIndex(ctx, dbFlag) : openIndex(ctx, dbFlag);
  } catch (err) {
    const problem = storageProblem(err);
    if (problem !== 'readonly' && problem !== 'cantopen') throw err;
    throw new Error(
      `The database ${file} ${needs} before it can be read, and it cannot be written here. ${STORAGE_ADVICE.readonly}`,
      { cause: err },
    );
  }
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
