import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/open.ts';
import { DIGEST_TICK_CRON, ESCALATION_CRON, REVISION_NOTICE_CRON, startJobs } from '../../src/jobs/index.ts';
import type { Schedule } from '../../src/jobs/schedule.ts';
import type { Clock } from '../../src/lib/clock.ts';
import type { Logger } from '../../src/lib/logger.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { listedWorkCalendar } from '../../src/lib/work-calendar.ts';
import { listDigestPosts } from '../../src/repo/digest-repo.ts';
import { tianjinTestDb } from '../helpers/digest-fixture.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

// Slots of the default schedule (Monday 09:00 Asia/Shanghai = 01:00 UTC).
const MON_0317 = '2025-03-17T01:00:00.000Z';
const MON_0324 = '2025-03-24T01:00:00.000Z';

let fake: FakeSlack;
let db: Db;
beforeEach(async () => {
  fake = await startFakeSlack();
  db = tianjinTestDb();
});
afterEach(async () => {
  await fake.stop();
  db.close();
});

/** A clock the test moves by hand. */
function manualClock(startIso: string): Clock & { set(iso: string): void } {
  let now = new Date(startIso);
  const clock = (() => new Date(now.getTime())) as Clock & { set(iso: string): void };
  clock.set = (iso) => (now = new Date(iso));
  return clock;
}

/** A Schedule that records what was scheduled and lets the test fire ticks; no timers, no waiting. */
function fakeSchedule() {
  const tasks: { cron: string; timezone: string; name: string; tick: () => Promise<void>; stopped: boolean }[] = [];
  const schedule: Schedule = (cron, tick, options) => {
    const task = { cron, ...options, tick, stopped: false };
    tasks.push(task);
    return {
      stop: () => {
        task.stopped = true;
      },
    };
  };
  const task = (name: string) => {
    const t = tasks.find((x) => x.name === name);
    if (!t) throw new Error(`no task ${name} (have ${tasks.map((x) => x.name).join(', ')})`);
    return t;
  };
  return { schedule, tasks, tick: (name: string) => task(name).tick() };
}

function jobsDeps(
  env: Record<string, string>,
  clock: Clock,
  schedule: Schedule,
  withClient = true,
  logger: Logger = silentLogger,
) {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: fake.apiUrl,
    DIGEST_CHANNELS: 'C1',
    DIGEST_AS_OF: '2022-12-05',
    ...env,
  });
  const client = withClient
    ? new webApi.WebClient(config.SLACK_BOT_TOKEN, {
        slackApiUrl: config.SLACK_API_URL,
        retryConfig: { retries: 0 },
        logLevel: webApi.LogLevel.ERROR,
      })
    : null;
  // Weekends off only, and data for every year: these tests are about scheduling, not holidays.
  return { db, client, logger, config, clock, schedule, calendar: listedWorkCalendar({}), segmenter: testSegmenter };
}

const slots = () => listDigestPosts(db).map((r) => [r.slot, r.status]);

describe('startJobs', () => {
  it('schedules the digest tick, the reminders and the escalations in DIGEST_TZ', async () => {
    const s = fakeSchedule();
    const jobs = startJobs(jobsDeps({ REMINDER_CRON: '30 8 * * *' }, manualClock('2025-03-24T00:00:00Z'), s.schedule));
    await jobs.stop();
    expect(s.tasks.map((t) => [t.name, t.cron, t.timezone])).toEqual([
      ['digest', DIGEST_TICK_CRON, 'Asia/Shanghai'],
      ['reminders', '30 8 * * *', 'Asia/Shanghai'],
      ['escalations', ESCALATION_CRON, 'Asia/Shanghai'],
      ['revision-notes', REVISION_NOTICE_CRON, 'Asia/Shanghai'],
    ]);
    expect(s.tasks.every((t) => t.stopped)).toBe(true);
  });

  it('catches up the missed slot of this week at startup, and stop() waits for it', async () => {
    // Wednesday: Monday 09:00 Shanghai was missed.
    const s = fakeSchedule();
    const jobs = startJobs(jobsDeps({}, manualClock('2025-03-19T04:00:00Z'), s.schedule));
    await jobs.stop();
    expect(slots()).toEqual([[MON_0317, 'posted']]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('runs the digest on each tick with the clock time of the tick, posting each DIGEST_CRON slot once', async () => {
    const s = fakeSchedule();
    // Monday 08:00 Shanghai: this week's slot has not come yet, so the startup run posts nothing.
    const clock = manualClock('2025-03-17T00:00:00Z');
    const jobs = startJobs(jobsDeps({}, clock, s.schedule));
    try {
      await jobs.idle();
      await s.tick('digest');
      expect(slots()).toEqual([]);
      clock.set('2025-03-17T01:00:00Z');
      await s.tick('digest');
      clock.set('2025-03-17T01:10:00Z');
      await s.tick('digest');
      clock.set('2025-03-24T01:00:00Z');
      await s.tick('digest');
    } finally {
      await jobs.stop();
    }
    expect(slots()).toEqual([
      [MON_0317, 'posted'],
      [MON_0324, 'posted'],
    ]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('skips a tick while a run with the same lock is still going', async () => {
    const s = fakeSchedule();
    const jobs = startJobs(jobsDeps({}, manualClock('2025-03-17T01:00:00Z'), s.schedule));
    // The startup catch-up is in flight; both digest ticks share its lock and are dropped, not queued.
    await Promise.all([s.tick('digest'), s.tick('digest')]);
    await jobs.stop();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slots()).toEqual([[MON_0317, 'posted']]);
  });

  it('keeps running after a failed run (the error is logged, the next tick still posts)', async () => {
    const s = fakeSchedule();
    const clock = manualClock('2025-03-17T01:00:00Z');
    fake.failNext('chat.postMessage', 'not_in_channel');
    const jobs = startJobs(jobsDeps({}, clock, s.schedule));
    try {
      await jobs.idle();
      expect(slots()).toEqual([[MON_0317, 'failed']]);
      clock.set('2025-03-17T01:10:00Z');
      await s.tick('digest');
      expect(slots()).toEqual([[MON_0317, 'posted']]);
    } finally {
      await jobs.stop();
    }
  });

  it('schedules nothing that posts without a Slack client', async () => {
    const s = fakeSchedule();
    const jobs = startJobs(jobsDeps({}, manualClock('2025-03-19T04:00:00Z'), s.schedule, false));
    await jobs.stop();
    expect(s.tasks).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('schedules the digest without DIGEST_CHANNELS (a channel may subscribe at any time), posting nothing', async () => {
    const s = fakeSchedule();
    const jobs = startJobs(jobsDeps({ DIGEST_CHANNELS: '' }, manualClock('2025-03-19T04:00:00Z'), s.schedule));
    await jobs.stop();
    expect(s.tasks.map((t) => t.name)).toEqual(['digest', 'reminders', 'escalations', 'revision-notes']);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('warns once at start when the calendar has no holiday data for this year or the next', async () => {
    const warnings: unknown[][] = [];
    const logger: Logger = { ...silentLogger, warn: (...args: unknown[]) => void warnings.push(args) };
    const s = fakeSchedule();
    const deps = jobsDeps({}, manualClock('2026-12-01T04:00:00Z'), s.schedule, true, logger);
    const jobs = startJobs({ ...deps, calendar: listedWorkCalendar({ years: [2025, 2026] }) });
    await jobs.stop();
    const calendarWarnings = warnings.filter(([msg]) => String(msg).includes('calendar'));
    expect(calendarWarnings).toHaveLength(1);
    expect(calendarWarnings[0]![1]).toEqual({ years: [2027] });
  });
});

describe('startJobs configuration', () => {
  it('refuses at startup a DIGEST_CRON the slot computation cannot read', () => {
    const s = fakeSchedule();
    // loadConfig already refuses it; startJobs must too when handed a config built some other way.
    const deps = jobsDeps({}, manualClock('2025-03-19T04:00:00Z'), s.schedule);
    expect(() => startJobs({ ...deps, config: { ...deps.config, DIGEST_CRON: '@weekly' } })).toThrow(/5 fields/);
    expect(s.tasks).toEqual([]);
  });
});

describe('digest posts and their retries', () => {
  it('a post whose connection is reset after Slack accepted it is sent once; the claim, not the client, retries it', async () => {
    fake.resetAfterNext('chat.postMessage');
    const s = fakeSchedule();
    const clock = manualClock('2025-03-19T04:00:00Z');
    const d = jobsDeps({}, clock, s.schedule);
    // The bot's own client, with the Web API client's default retry policy (as Bolt's app.client has).
    const botClient = new webApi.WebClient(d.config.SLACK_BOT_TOKEN, {
      slackApiUrl: d.config.SLACK_API_URL,
      logLevel: webApi.LogLevel.ERROR,
    });
    const jobs = startJobs({ ...d, client: botClient });
    await jobs.idle();
    // That policy would have re-sent it at once (a second copy in the channel).
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slots()).toEqual([[MON_0317, 'failed']]);
    clock.set('2025-03-19T04:10:00Z');
    await s.tick('digest');
    await jobs.stop();
    expect(listDigestPosts(db)).toMatchObject([{ slot: MON_0317, status: 'posted', attempts: 2 }]);
  });
});
