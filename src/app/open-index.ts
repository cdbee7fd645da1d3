import fs from 'node:fs';
import type { Config } from '../config.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { BOT_BUSY_TIMEOUT_MS } from '../db/busy-retry.ts';
import { withDatabaseContext } from '../db/errors.ts';
import { assertIntact, checkAtStart, checkInBackground, INTACT, type IntegrityWatch } from '../db/health.ts';
import { migrate, pendingMigrations } from '../db/migrate.ts';
import { type Db, openDatabase, setBusyTimeout } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { countDocuments } from '../repo/documents-repo.ts';
import { IngestError, ingestPaths, SEEDS_ADDED_BY } from '../services/ingest-service.ts';
import { ensureSearchIndexFresh, searchIndexIsFresh } from '../services/search-service.ts';

/** A large file's integrity check starts once the bot is up (start-up takes about a second). */
const INTEGRITY_CHECK_AFTER_MS = 2000;

export interface OpenedIndex {
  db: Db;
  /** The integrity check: already passed, or (a large file) still running in a worker thread. */
  integrity: IntegrityWatch;
}

/**
 * Opens the database, refuses a damaged one (quick_check, naming the file and what to do; a file larger than
 * FULL_CHECK_AT_START_MAX_BYTES is checked in a worker thread while the bot serves, so start-up does not grow
 * with the index), and migrates it; on an empty index, indexes SEEDS_DIR so a fresh install answers at once;
 * then makes sure the search index matches the current segmenter. A broken seed folder is logged, not fatal:
 * the bot still starts (and says so) rather than crash-looping.
 *
 * This start-up work may wait for a running `measures ingest` (nothing is served yet: the CLI's busy timeout);
 * the connection returned waits at most `servingBusyTimeoutMs` per statement, so that a lock held by another
 * process never blocks the event loop for long: the bot's writes retry asynchronously (SlackDeps.write).
 */
export async function openIndex(
  config: Pick<Config, 'DATABASE_PATH' | 'SEEDS_DIR'>,
  deps: { logger: Logger; clock: Clock; segmenter: Segmenter },
  opts: { servingBusyTimeoutMs?: number; fullCheckMaxBytes?: number; integrityCheckAfterMs?: number } = {},
): Promise<OpenedIndex> {
  const file = config.DATABASE_PATH;
  const db = openDatabase(file);
  try {
    // A large file is checked in the background only when start-up will not write to it (no migration, no
    // index rebuild): a damaged file must be refused before anything is written into it.
    const now =
      checkAtStart(file, opts.fullCheckMaxBytes) ||
      pendingMigrations(db).length > 0 ||
      !searchIndexIsFresh(db, deps.segmenter);
    if (now && file !== ':memory:') assertIntact(db, file);
    const integrity = now
      ? INTACT
      : checkInBackground(file, { afterMs: opts.integrityCheckAfterMs ?? INTEGRITY_CHECK_AFTER_MS });
    const { applied } = migrate(db);
    if (applied.length) deps.logger.info('database migrated', { applied });
    if (countDocuments(db) === 0) await seed(db, config.SEEDS_DIR, deps);
    const fresh = ensureSearchIndexFresh(db, deps.logger, deps.segmenter);
    if (fresh.rebuilt) deps.logger.info('search index rebuilt', { measures: fresh.measures });
    setBusyTimeout(db, opts.servingBusyTimeoutMs ?? BOT_BUSY_TIMEOUT_MS);
    return { db, integrity };
  } catch (err) {
    db.close();
    throw withDatabaseContext(err, file);
  }
}

async function seed(db: Db, dir: string, deps: { logger: Logger; clock: Clock; segmenter: Segmenter }): Promise<void> {
  if (!fs.existsSync(dir)) {
    deps.logger.warn(
      'the index is empty and SEEDS_DIR does not exist; index documents with `npm run measures -- ingest <dir>`',
      { SEEDS_DIR: dir },
    );
    return;
  }
  try {
    const indexed = await ingestPaths({ db, ...deps }, [dir], { addedBy: SEEDS_ADDED_BY });
    deps.logger.info('empty index seeded', { SEEDS_DIR: dir, documents: indexed.length });
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    deps.logger.error('could not index SEEDS_DIR; starting with an empty index', {
      SEEDS_DIR: dir,
      problems: err.problems.map((p) => p.message),
    });
  }
}
