import type { Config } from '../config.ts';
import { parseCron } from '../core/digest/cron-schedule.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { digestPostingClient } from '../slack/digest/post-digest.ts';
import type { SlackClient } from '../slack/web-api.ts';
import { runDigestJob } from './digest-job.ts';
import { runReminderJob } from './reminder-job.ts';
import { nodeCronSchedule, type Schedule } from './schedule.ts';

/**
 * Schedules the background jobs (see README.md). Called by the entry point after the Slack app is built; nothing
 * here runs at import time. Each job is `(deps, now) => Promise<unknown>`: node-cron only decides when.
 */

export interface JobsDeps {
  db: Db;
  /** Null when the bot runs without a Slack token (console mode): jobs that post are not started. */
  client: SlackClient | null;
  logger: Logger;
  config: Config;
  clock: Clock;
  /** Posts the digest; by default a client without retries of its own (digestPostingClient) for the bot's token. */
  digestClient?: SlackClient;
  /** When ticks happen; node-cron on the system clock unless a test drives the ticks itself. */
  schedule?: Schedule;
}

export interface Jobs {
  /** Resolves once no run is in flight (the startup catch-up included). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The digest job also runs on this retry schedule: it posts nothing new unless the current slot is unclaimed
 * (a channel added since) or its post failed (Slack down, bot not yet invited) — then it tries again, bounded.
 */
export const DIGEST_RETRY_CRON = '*/10 * * * *';

interface JobSpec {
  name: string;
  cron: string;
  run: (now: Date) => Promise<unknown>;
  /** Also run once at startup (catch-up of a slot missed while the bot was down). */
  atStartup: boolean;
  /** Jobs with the same lock never run at the same time in this process (digest and its retry tick). */
  lock: string;
}

export function startJobs(deps: JobsDeps): Jobs {
  const { config, logger, clock } = deps;
  const schedule = deps.schedule ?? nodeCronSchedule;
  const specs: JobSpec[] = [];
  if (deps.client && config.DIGEST_CHANNELS.length > 0) {
    // Parsed here, once: a config built without loadConfig fails at startup, not silently every Monday.
    const cron = parseCron(config.DIGEST_CRON);
    const client =
      deps.digestClient ?? digestPostingClient(config.SLACK_BOT_TOKEN ?? '', { slackApiUrl: config.SLACK_API_URL });
    const jobDeps = { db: deps.db, client, logger, config, cron };
    const run = (now: Date) => runDigestJob(jobDeps, now);
    specs.push({ name: 'digest', cron: config.DIGEST_CRON, run, atStartup: true, lock: 'digest' });
    specs.push({ name: 'digest-retry', cron: DIGEST_RETRY_CRON, run, atStartup: false, lock: 'digest' });
  } else {
    logger.info('digest job not scheduled', {
      reason: deps.client ? 'DIGEST_CHANNELS is empty' : 'no Slack client (console mode)',
    });
  }
  if (deps.client) {
    const client = deps.client;
    // Follow-up reminders: at most one per follow-up per calendar day, so a repeated run is harmless.
    const run = (now: Date) => runReminderJob({ db: deps.db, client, logger, config }, now);
    specs.push({ name: 'reminders', cron: config.REMINDER_CRON, run, atStartup: false, lock: 'reminders' });
  }

  const inFlight = new Set<Promise<unknown>>();
  // One run per lock at a time in this process; across processes the database claims decide.
  const busy = new Set<string>();
  /** Starts one run unless its lock is busy; resolves when that run (or the skip) is over. Never rejects. */
  const launch = (spec: JobSpec): Promise<void> => {
    if (busy.has(spec.lock)) {
      logger.debug('job still running, tick skipped', { job: spec.name });
      return Promise.resolve();
    }
    busy.add(spec.lock);
    const now = clock();
    const p: Promise<void> = Promise.resolve()
      .then(() => spec.run(now))
      .then(
        () => undefined,
        (err: unknown) => logger.error('job failed', { job: spec.name, error: (err as Error).message }),
      )
      .finally(() => {
        busy.delete(spec.lock);
        inFlight.delete(p);
      });
    inFlight.add(p);
    return p;
  };

  const tasks = specs.map((spec) =>
    schedule(spec.cron, () => launch(spec), { timezone: config.DIGEST_TZ, name: spec.name }),
  );
  for (const spec of specs) if (spec.atStartup) launch(spec);
  logger.info('jobs started', { jobs: specs.map((s) => `${s.name} (${s.cron} ${config.DIGEST_TZ})`) });

  return {
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await Promise.all([...inFlight]);
    },
  };
}
