import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/open.ts';
import { fixedClock, systemClock, type Clock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { startJobs } from '../../src/jobs/index.ts';
import { listDigestPosts } from '../../src/repo/digest-repo.ts';
import { testDb } from '../helpers/db.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { TIANJIN, insertDocument } from '../helpers/digest-fixture.ts';

let fake: FakeSlack;
let db: Db;
beforeEach(async () => {
  fake = await startFakeSlack();
  db = testDb();
  insertDocument(db, TIANJIN);
});
afterEach(async () => {
  await fake.stop();
  db.close();
});

function jobsDeps(env: Record<string, string>, clock: Clock, withClient = true) {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: fake.apiUrl,
    DIGEST_CHANNELS: 'C1',
    DIGEST_AS_OF: '2022-12-05',
    ...env,
  });
  const client = withClient
    ? new webApi.WebClient(config.SLACK_BOT_TOKEN, { slackApiUrl: config.SLACK_API_URL, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR })
    : null;
  return { db, client, logger: silentLogger, config, clock };
}

describe('startJobs', () => {
  it('catches up the missed slot of this week at startup, and stop() waits for it', async () => {
    // Wednesday: Monday 09:00 Shanghai was missed.
    const jobs = startJobs(jobsDeps({}, fixedClock('2025-03-19T04:00:00Z')));
    await fake.waitFor('chat.postMessage', 1);
    await jobs.stop();
    expect(listDigestPosts(db).map((r) => [r.slot, r.status])).toEqual([['2025-03-17T01:00:00.000Z', 'posted']]);
  });

  it('runs the digest on every DIGEST_CRON tick with the tick time', async () => {
    // Every second: each tick is a new slot, so each one posts.
    const jobs = startJobs(jobsDeps({ DIGEST_CRON: '* * * * * *' }, systemClock));
    try {
      await fake.waitFor('chat.postMessage', 3, 5000);
    } finally {
      await jobs.stop();
    }
    const slots = listDigestPosts(db).map((r) => r.slot);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it('schedules nothing that posts without a Slack client', async () => {
    const jobs = startJobs(jobsDeps({}, fixedClock('2025-03-19T04:00:00Z'), false));
    await jobs.stop();
    expect(fake.calls).toEqual([]);
  });
});

describe('startJobs configuration', () => {
  it('refuses at startup a DIGEST_CRON the slot computation cannot read', () => {
    expect(() => startJobs(jobsDeps({ DIGEST_CRON: '@weekly' }, fixedClock('2025-03-19T04:00:00Z')))).toThrow(/5 fields/);
  });
});
