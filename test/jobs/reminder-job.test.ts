import { beforeEach, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config.ts';
import { runReminderJob } from '../../src/jobs/reminder-job.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { chinaWorkCalendar, type WorkCalendar } from '../../src/lib/work-calendar.ts';
import { getFollowup, insertFollowup, listEvents, updateFollowup } from '../../src/repo/followups-repo.ts';
import { FIXTURE, fakeClient, useFollowupWorld } from '../helpers/followup-fixture.ts';

const world = useFollowupWorld();
const config = loadConfig({ DIGEST_TZ: 'Asia/Shanghai', REMINDER_DAYS: '3', BOT_LOCALE: 'en' });
/** Every day a working day: the tests below are about claims, not the calendar (2026-11-22 is a Sunday). */
const everyDay: WorkCalendar = { isWorkingDay: () => true, coversYear: () => true };
const deps = (calendar: WorkCalendar = everyDay, cfg: Config = config) => ({
  db: world.db,
  logger: silentLogger,
  config: cfg,
  client: fakeClient(world.fake),
  calendar,
});

beforeEach(() => {
  const base = {
    measureId: FIXTURE.measureId,
    taskId: null,
    targetId: null,
    createdBy: 'U0CREATOR',
    note: null,
    channel: 'C1',
    threadTs: '1.1',
    dedupeKey: null,
  };
  const at = '2026-11-01T00:00:00.000Z';
  insertFollowup(world.db, { ...base, assignee: 'U0SOON', due: '2026-11-25' }, at); // F1: due in 3 days
  insertFollowup(world.db, { ...base, assignee: 'U0LATE', due: '2026-11-01' }, at); // F2: overdue
  insertFollowup(world.db, { ...base, assignee: 'U0LATER', due: '2026-12-31' }, at); // F3: not yet
  insertFollowup(world.db, { ...base, assignee: 'U0NODATE', due: null }, at); // F4: no due date
});

// 09:00 in Shanghai on 2026-11-22 is 01:00 UTC.
const day = (d: string, hourUtc = '01') => new Date(`${d}T${hourUtc}:00:00Z`);

describe('runReminderJob', () => {
  it('DMs assignees of follow-ups due within REMINDER_DAYS or overdue, with a link to the thread', async () => {
    const report = await runReminderJob(deps(), day('2026-11-22'));
    expect(report.sent.sort()).toEqual(['F1', 'F2']);
    const dms = world.fake.callsTo('chat.postMessage');
    expect(dms.map((c) => c.body.channel).sort()).toEqual(['U0LATE', 'U0SOON']);
    expect(dms.find((c) => c.body.channel === 'U0LATE')!.body.text).toMatch(/was due 2026-11-01/);
    expect(dms.find((c) => c.body.channel === 'U0SOON')!.body.text).toMatch(/is due 2026-11-25[\s\S]*https:\/\//);
    expect(listEvents(world.db, ['F1']).at(-1)).toMatchObject({ action: 'reminded', actor: 'system' });
  });

  it('sends at most once a day, again the next day, and never after done', async () => {
    await runReminderJob(deps(), day('2026-11-22'));
    // Later the same day in Shanghai (23:30 local = 15:30 UTC): nothing new.
    expect((await runReminderJob(deps(), new Date('2026-11-22T15:30:00Z'))).sent).toEqual([]);
    updateFollowup(
      world.db,
      'F2',
      { status: 'done', closedAt: 'x', updatedAt: 'x' },
      { actor: 'U0LATE', action: 'status', detail: {} },
    );
    // 16:30 UTC is already 2026-11-23 in Shanghai.
    expect((await runReminderJob(deps(), new Date('2026-11-22T16:30:00Z'))).sent).toEqual(['F1']);
    expect(world.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'U0LATE')).toHaveLength(1);
  });

  it('gives the claim back when the DM fails, so a later run retries', async () => {
    world.fake.failNext('chat.postMessage', 'channel_not_found');
    const first = await runReminderJob(deps(), day('2026-11-22'));
    expect(first.failed).toHaveLength(1);
    const failedId = first.failed[0]!.id;
    // History only: slack_error means "card not posted", and would make the next change post a second card.
    expect(getFollowup(world.db, failedId)).toMatchObject({ lastRemindedOn: null, slackError: null });
    expect(listEvents(world.db, [failedId]).at(-1)).toMatchObject({
      action: 'slack_error',
      actor: 'system',
      detail: { kind: 'reminder', error: 'channel_not_found' },
    });
    expect((await runReminderJob(deps(), day('2026-11-22', '03'))).sent).toEqual([failedId]);
  });

  it('forgets Slack deliveries claimed more than a week ago, keeps the recent ones', async () => {
    const now = day('2026-11-22');
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const insert = world.db.prepare('INSERT INTO processed_events (key, at) VALUES (?, ?)');
    insert.run('event:old', at(8));
    insert.run('event:recent', at(6));
    await runReminderJob(deps(), now);
    const keys = (world.db.prepare('SELECT key FROM processed_events ORDER BY key').all() as { key: string }[]).map(
      (r) => r.key,
    );
    expect(keys).toEqual(['event:recent']);
  });

  it('escapes a hostile measure title in the reminder DM', async () => {
    world.db
      .prepare('UPDATE measures SET title = ? WHERE id = ?')
      .run('<!channel> & <https://evil|x>', FIXTURE.measureId);
    await runReminderJob(deps(), day('2026-11-22'));
    const text = world.fake
      .callsTo('chat.postMessage')
      .map((c) => c.body.text)
      .join('\n');
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;https://evil|x&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('sends nothing on a day off in the official calendar, and sends on a 调休 Saturday', async () => {
    // 2026-11-22 is a Sunday: a day off.
    expect((await runReminderJob(deps(chinaWorkCalendar), day('2026-11-22'))).sent).toEqual([]);
    expect(world.fake.callsTo('chat.postMessage')).toEqual([]);
    // Saturday 2026-10-10 is worked in exchange for the National Day holiday (调休): a working day.
    world.db.prepare('UPDATE followups SET due = ? WHERE id = ?').run('2026-10-09', 'F2');
    expect((await runReminderJob(deps(chinaWorkCalendar), day('2026-10-10'))).sent).toEqual(['F2']);
  });

  it('waits out QUIET_HOURS: nothing is sent in them', async () => {
    const quiet = loadConfig({
      DIGEST_TZ: 'Asia/Shanghai',
      REMINDER_DAYS: '3',
      BOT_LOCALE: 'en',
      QUIET_HOURS: '20:00-08:00',
    });
    // 07:30 in Shanghai: still quiet.
    expect((await runReminderJob(deps(everyDay, quiet), new Date('2026-11-21T23:30:00Z'))).sent).toEqual([]);
    expect(world.fake.callsTo('chat.postMessage')).toEqual([]);
    // 09:00: sent.
    expect((await runReminderJob(deps(everyDay, quiet), day('2026-11-22'))).sent.sort()).toEqual(['F1', 'F2']);
  });

  it('says how many working days are left, or have passed, in the official calendar', async () => {
    // Friday 2026-10-09, after the National Day holiday (10-01 … 10-07); Saturday 10-10 is worked (调休).
    world.db.prepare('UPDATE followups SET due = ? WHERE id = ?').run('2026-10-12', 'F1');
    world.db.prepare('UPDATE followups SET due = ? WHERE id = ?').run('2026-09-30', 'F2');
    await runReminderJob(deps(chinaWorkCalendar), day('2026-10-09'));
    const dm = (user: string) =>
      String(world.fake.callsTo('chat.postMessage').find((c) => c.body.channel === user)?.body.text);
    // Saturday 10-10 and Monday 10-12.
    expect(dm('U0SOON')).toContain('is due 2026-10-12 (in 2 working days)');
    // Thursday 10-08 and Friday 10-09: the holiday week does not count.
    expect(dm('U0LATE')).toContain('was due 2026-09-30 (2 working days ago)');
  });
});
