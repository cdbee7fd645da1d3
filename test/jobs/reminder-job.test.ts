import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { testDb } from '../helpers/db.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { FIXTURE, seedFollowupFixture } from '../helpers/followup-fixture.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { loadConfig } from '../../src/config.ts';
import { runReminderJob } from '../../src/jobs/reminder-job.ts';
import { getFollowup, insertFollowup, listEvents, updateFollowup } from '../../src/repo/followups-repo.ts';
import type { Db } from '../../src/db/open.ts';

let fake: FakeSlack;
let db: Db;
const config = loadConfig({ DIGEST_TZ: 'Asia/Shanghai', REMINDER_DAYS: '3', BOT_LOCALE: 'en' });
const deps = () => ({ db, logger: silentLogger, config, client: new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }) });

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
  db = testDb();
  seedFollowupFixture(db);
  const base = { measureId: FIXTURE.measureId, taskId: null, targetId: null, createdBy: 'U0CREATOR', note: null, channel: 'C1', threadTs: '1.1', dedupeKey: null };
  insertFollowup(db, { ...base, assignee: 'U0SOON', due: '2026-11-25' }, '2026-11-01T00:00:00.000Z'); // F1: due in 3 days
  insertFollowup(db, { ...base, assignee: 'U0LATE', due: '2026-11-01' }, '2026-11-01T00:00:00.000Z'); // F2: overdue
  insertFollowup(db, { ...base, assignee: 'U0LATER', due: '2026-12-31' }, '2026-11-01T00:00:00.000Z'); // F3: not yet
  insertFollowup(db, { ...base, assignee: 'U0NODATE', due: null }, '2026-11-01T00:00:00.000Z'); // F4: no due date
});

// 09:00 in Shanghai on 2026-11-22 is 01:00 UTC.
const day = (d: string, hourUtc = '01') => new Date(`${d}T${hourUtc}:00:00Z`);

describe('runReminderJob', () => {
  it('DMs assignees of follow-ups due within REMINDER_DAYS or overdue, with a link to the thread', async () => {
    const report = await runReminderJob(deps(), day('2026-11-22'));
    expect(report.sent.sort()).toEqual(['F1', 'F2']);
    const dms = fake.callsTo('chat.postMessage');
    expect(dms.map((c) => c.body.channel).sort()).toEqual(['U0LATE', 'U0SOON']);
    expect(dms.find((c) => c.body.channel === 'U0LATE')!.body.text).toMatch(/was due 2026-11-01/);
    expect(dms.find((c) => c.body.channel === 'U0SOON')!.body.text).toMatch(/is due 2026-11-25[\s\S]*https:\/\//);
    expect(listEvents(db, ['F1']).at(-1)).toMatchObject({ action: 'reminded', actor: 'system' });
  });

  it('sends at most once a day, again the next day, and never after done', async () => {
    await runReminderJob(deps(), day('2026-11-22'));
    // Later the same day in Shanghai (23:30 local = 15:30 UTC): nothing new.
    expect((await runReminderJob(deps(), new Date('2026-11-22T15:30:00Z'))).sent).toEqual([]);
    updateFollowup(db, 'F2', { status: 'done', closedAt: 'x', updatedAt: 'x' }, { actor: 'U0LATE', action: 'status', detail: {} });
    // 16:30 UTC is already 2026-11-23 in Shanghai.
    expect((await runReminderJob(deps(), new Date('2026-11-22T16:30:00Z'))).sent).toEqual(['F1']);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'U0LATE')).toHaveLength(1);
  });

  it('gives the claim back when the DM fails, so a later run retries', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    const first = await runReminderJob(deps(), day('2026-11-22'));
    expect(first.failed).toHaveLength(1);
    const failedId = first.failed[0]!.id;
    expect(getFollowup(db, failedId)).toMatchObject({ lastRemindedOn: null, slackError: 'channel_not_found' });
    expect((await runReminderJob(deps(), day('2026-11-22', '03'))).sent).toEqual([failedId]);
  });
});
