import type { Config } from '../config.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { openDatabase, type Db } from '../db/open.ts';
import { migrate } from '../db/migrate.ts';
import { ensureSearchIndexFresh } from '../services/search-service.ts';

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
  const db = openDatabase(dbFlag ?? ctx.config.DATABASE_PATH);
  migrate(db);
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

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout(JSON.stringify(value, null, 2) + '\n');
}
