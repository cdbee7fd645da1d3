import type { Config } from '../config.ts';
import { parseCron } from '../core/digest/cron-schedule.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { type RunWrite, retryingWrite } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import { dateInZone } from '../lib/dates.ts';
import type { Logger } from '../lib/logger.ts';
import { chinaWorkCalendar, uncoveredYears, type WorkCalendar } from '../lib/work-calendar.ts';
import { listSubscriptions } from '../services/subscription-service.ts';
import { digestPostingClient } from '../slack/digest/post-digest.ts';
import type { SlackClient } from '../slack/web-api.ts';
import { runDigestJob } from './digest-job.ts';
import { runEscalationJob } from './escalation-job.ts';
import { runReminderJob } from './reminder-job.ts';
import { runRevisionNoticeJob } from './revision-notice-job.ts';
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
  /** Cuts the keywords of subscription queries (the segmenter the index was built with). */
  segmenter: Segmenter;
  /** Posts the digest; by default a client without retries of its own (digestPostingClient) for the bot's token. */
  digestClient?: SlackClient;
  /** When ticks happen; node-cron on the system clock unless a test drives the ticks itself. */
  schedule?: Schedule;
  /** Working days; China's official calendar unless a test passes its own. */
  calendar?: WorkCalendar;
  /** How the jobs write their claims; by default retried with timer pauses while another process holds the lock. */
  write?: RunWrite;
}

export interface Jobs {
  /** Resolves once no run is in flight (the startup catch-up included). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The digest job runs every minute: each subscription has its own day, time and zone, a slot on a day off
 * moves to the next working day, quiet hours make it wait, and a failed post is retried (bounded, spaced by
 * the digest service). A tick with nothing due costs one claim look-up per audience.
 */
export const DIGEST_TICK_CRON = '* * * * *';
/** Escalation steps are checked this often (each happens once; quiet hours and days off make them wait). */
export const ESCALATION_CRON = '*/10 * * * *';
/** Notes owed to follow-up threads after a command-line revision or removal are posted this often. */
export const REVISION_NOTICE_CRON = '*/5 * * * *';

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
  const { config, logger, clock, segmenter } = deps;
  const schedule = deps.schedule ?? nodeCronSchedule;
  const specs: JobSpec[] = [];
  const calendar = deps.calendar ?? chinaWorkCalendar;
  const write =
    deps.write ??
    retryingWrite({
      onRetry: (attempt, delayMs) => logger.debug('index locked, job write retried', { attempt, delayMs }),
    });
  warnUncoveredYears(calendar, dateInZone(clock(), config.DIGEST_TZ), logger);
  if (deps.client) {
    const client = deps.client;
    // Parsed here, once: a config built without loadConfig fails at startup, not silently every Monday.
    const cron = parseCron(config.DIGEST_CRON);
    // Digest posts and escalation steps go through a client without retries of its own: their claims are the
    // retries, and a retried post whose answer was lost would be a second copy.
    const postingClient =
      deps.digestClient ?? digestPostingClient(config.SLACK_BOT_TOKEN ?? '', { slackApiUrl: config.SLACK_API_URL });
    const jobDeps = { db: deps.db, client: postingClient, logger, config, cron, calendar, segmenter, write };
    const run = (now: Date) => runDigestJob(jobDeps, now);
    specs.push({ name: 'digest', cron: DIGEST_TICK_CRON, run, atStartup: true, lock: 'digest' });
    if (config.DIGEST_CHANNELS.length === 0 && listSubscriptions(deps.db).length === 0) {
      logger.info('digest: no DIGEST_CHANNELS and no channel subscriptions yet (/measures subscribe)');
    }
    // Follow-up reminders: at most one per follow-up per calendar day, so a repeated run is harmless.
    const remind = (now: Date) => runReminderJob({ db: deps.db, client, logger, config, calendar, write }, now);
    specs.push({ name: 'reminders', cron: config.REMINDER_CRON, run: remind, atStartup: false, lock: 'reminders' });
    const escalate = (now: Date) =>
      runEscalationJob({ db: deps.db, client: postingClient, logger, config, calendar, segmenter, write }, now);
    specs.push({ name: 'escalations', cron: ESCALATION_CRON, run: escalate, atStartup: true, lock: 'escalations' });
    const notes = () => runRevisionNoticeJob({ db: deps.db, clock, client, logger, config });
    specs.push({
      name: 'revision-notes',
      cron: REVISION_NOTICE_CRON,
      run: notes,
      atStartup: true,
      lock: 'revision-notes',
    });
  } else {
    logger.info('digest, reminder and escalation jobs not scheduled', { reason: 'no Slack client (console mode)' });
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

/** Once at start: the calendar data ends some day, and a year without it treats only weekends as days off. */
function warnUncoveredYears(calendar: WorkCalendar, today: string, logger: Logger): void {
  const years = uncoveredYears(calendar, today);
  if (years.length > 0) {
    logger.warn(
      'working-day calendar has no holiday data for these years: only weekends count as days off (update chinese-days)',
      {
        years,
      },
    );
  }
}
