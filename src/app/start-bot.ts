import type { Readable, Writable } from 'node:stream';
import { type Config, slackMode } from '../config.ts';
import { retryingWrite } from '../db/busy-retry.ts';
import { startJobs } from '../jobs/index.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { createJiebaSegmenter, warmSegmenter } from '../search/jieba-segmenter.ts';
import { indexSummary } from '../services/index-summary.ts';
import { type SearchThreads, startSearchThreads } from '../services/search-threads.ts';
import { createSlackApp, type SlackReceiverChoice } from '../slack/app.ts';
import { runConsole } from '../slack/console/start-console.ts';
import { openIndex } from './open-index.ts';

export interface BotIo {
  stdin: Readable;
  stdout: (text: string) => void;
  stdinIsTty: boolean;
  /** The terminal's output stream, for the console's prompt and echo. */
  terminal?: Writable;
}

export interface RunningBot {
  mode: 'socket' | 'http' | 'console';
  /** HTTP mode: the port bound. */
  port?: number;
  /** Resolves when the bot ends by itself (console: input ended). Never resolves for Slack modes. */
  finished: Promise<void>;
  /** Stops receivers and jobs, then closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the bot in the mode the config implies: Socket Mode, HTTP, or the local console. Order matters:
 * database ready → app built → receiver started → jobs started; stop() undoes it in reverse.
 */
export async function startBot(config: Config, deps: { logger: Logger; clock: Clock; io: BotIo }): Promise<RunningBot> {
  const { logger, clock } = deps;
  const mode = slackMode(config);
  // One segmenter for indexing and queries: nodejieba's dictionaries load once per process.
  const segmenter = createJiebaSegmenter();
  const { db, integrity } = await openIndex(config, { logger, clock, segmenter });
  logger.info('index ready', {
    database: config.DATABASE_PATH,
    ...indexSummary(db),
    ...(integrity.status().state === 'checking' ? { integrityCheck: 'running in the background' } : {}),
  });
  void integrity.done.then((s) => {
    if (s.state === 'damaged') logger.error('the database is damaged', { error: s.error.message });
    else if (s.state === 'unchecked') logger.warn('the background integrity check did not run', { reason: s.reason });
    else if (s.state === 'ok') logger.debug('background integrity check passed', { database: config.DATABASE_PATH });
  });
  // One write queue for listeners and jobs alike: only one write at a time probes a lock held by an ingest.
  const write = retryingWrite({
    onRetry: (attempt, delayMs) => logger.debug('index locked, write retried', { attempt, delayMs }),
  });
  const base = { db, clock, logger, config, segmenter, write, integrity };
  // jieba's dictionaries take most of a second to load: once the bot is up rather than before it can answer,
  // and still ahead of the first search in all but the first moments.
  const warmLater = () => setTimeout(() => warmSegmenter(segmenter), 0).unref();
  let stopped = false;

  if (mode === 'console') {
    const jobs = startJobs({ db, client: null, logger, config, clock, segmenter, write });
    const finished = runConsole(base, {
      input: deps.io.stdin,
      write: deps.io.stdout,
      interactive: deps.io.stdinIsTty,
      ...(deps.io.terminal ? { output: deps.io.terminal } : {}),
    }).finally(async () => {
      await jobs.stop();
    });
    warmLater();
    return {
      mode,
      finished,
      async stop() {
        if (stopped) return;
        stopped = true;
        await jobs.stop();
        db.close();
      },
    };
  }

  const choice: SlackReceiverChoice =
    mode === 'socket'
      ? { mode: 'socket', appToken: config.SLACK_APP_TOKEN! }
      : { mode: 'http', signingSecret: config.SLACK_SIGNING_SECRET!, port: config.PORT };
  // Searches run on worker threads with their own connections to the file (an in-memory index cannot be shared).
  const searchThreads: SearchThreads | null =
    config.SEARCH_THREADS > 0 && config.DATABASE_PATH !== ':memory:'
      ? startSearchThreads({ databaseFile: config.DATABASE_PATH, threads: config.SEARCH_THREADS, logger })
      : null;
  const slack = createSlackApp({ ...base, searchThreads }, choice, config.SLACK_BOT_TOKEN!);
  let started: { port?: number };
  try {
    started = await slack.start();
  } catch (err) {
    await searchThreads?.close();
    db.close();
    throw err;
  }
  // Jobs (digest, reminders) post through the same WebClient as the listeners. src/jobs/index.ts owns them.
  let jobs: ReturnType<typeof startJobs>;
  try {
    jobs = startJobs({ db, client: slack.app.client, logger, config, clock, segmenter, write });
  } catch (err) {
    // Do not leave a connected receiver and an open database behind a failed start: the process must exit.
    await slack.stop().catch(() => undefined);
    await searchThreads?.close();
    db.close();
    throw err;
  }
  logger.info('slack app started', { mode, ...(started.port !== undefined ? { port: started.port } : {}) });
  warmLater();
  return {
    mode,
    ...(started.port !== undefined ? { port: started.port } : {}),
    finished: new Promise<void>(() => {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      await slack
        .stop()
        .catch((err: unknown) => logger.warn('error stopping the Slack receiver', { error: (err as Error).message }));
      await jobs.stop();
      await searchThreads?.close();
      db.close();
    },
  };
}
