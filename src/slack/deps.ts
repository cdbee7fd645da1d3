import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import { dateInZone } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
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
}

export function slackDeps(base: { db: Db; clock: Clock; logger: Logger; config: Config; segmenter: Segmenter }): SlackDeps {
  return {
    ...base,
    timeZone: base.config.DIGEST_TZ,
    locale: base.config.BOT_LOCALE,
    strings: stringsFor(base.config.BOT_LOCALE),
  };
}

/** Today's calendar date in the configured zone. */
export function todayOf(deps: Pick<SlackDeps, 'clock' | 'timeZone'>): string {
  return dateInZone(deps.clock(), deps.timeZone);
}
