import type { Config } from '../config.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { type RunWrite, retryingWrite } from '../db/busy-retry.ts';
import { changeStamp } from '../db/change-stamp.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import { dateInZone } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import { cachedSearches } from '../services/search-cache.ts';
import { type SearchRunner, type SearchThreads, searchRunner } from '../services/search-threads.ts';
import { type Locale, type Strings, stringsFor } from './strings.ts';

/** What every listener and subcommand receives. Built once in createSlackApp; nothing here is global. */
export interface SlackDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Cuts search queries (the segmenter the index was built with). */
  segmenter: Segmenter;
  /** DIGEST_TZ: "today" and "past due" are decided in this zone. */
  timeZone: string;
  locale: Locale;
  strings: Strings;
  /**
   * Every write a handler makes goes through this (`await deps.write(() => service(…))`): while another process
   * (an ingest) holds the write lock it retries with timer pauses, so the event loop keeps acking. A write still
   * locked after the budget throws the busy error, which failureText turns into "the index is busy".
   */
  write: RunWrite;
  /**
   * Runs a search (services/search-threads.ts): on a search thread when the bot has them, else in this thread;
   * a request asked again before anything is written gets the same answer without running (search-cache.ts).
   */
  search: SearchRunner;
}

/** What the app wiring hands the Slack layer; slackDeps derives the rest. */
export interface SlackDepsBase {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  segmenter: Segmenter;
  /** How handlers write (SlackDeps.write); retrying while another process holds the lock unless told. */
  write?: RunWrite;
  /** Search threads on the database file (start-bot.ts); none: searches run in this thread. */
  searchThreads?: SearchThreads | null;
  /** How many recent search answers are reused while nothing is written (SEARCH_CACHE_ENTRIES unless told; 0: none). */
  searchCacheEntries?: number;
}

export function slackDeps(base: SlackDepsBase): SlackDeps {
  const { logger, db, clock, config, segmenter } = base;
  return {
    db,
    clock,
    logger,
    config,
    segmenter,
    write:
      base.write ??
      retryingWrite({
        onRetry: (attempt, delayMs) => logger.debug('index locked, write retried', { attempt, delayMs }),
      }),
    search: cachedSearches(
      searchRunner(db, segmenter, base.searchThreads ?? null, logger),
      () => changeStamp(db),
      base.searchCacheEntries,
    ),
    timeZone: base.config.DIGEST_TZ,
    locale: base.config.BOT_LOCALE,
    strings: stringsFor(base.config.BOT_LOCALE),
  };
}

/** Today's calendar date in the configured zone. */
export function todayOf(deps: Pick<SlackDeps, 'clock' | 'timeZone'>): string {
  return dateInZone(deps.clock(), deps.timeZone);
}
