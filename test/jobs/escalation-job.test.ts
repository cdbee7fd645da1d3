import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { runEscalationJob } from '../../src/jobs/escalation-job.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { chinaWorkCalendar } from '../../src/lib/work-calendar.ts';
import { insertFollowup, listEvents, updateFollowup } from '../../src/repo/followups-repo.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { FIXTURE, fakeClient, seedFollowupFixture } from '../helpers/followup-fixture.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

// Due Friday 2022-09-30, before the National Day week: 10-01 … 10-07 off, Saturday 10-08 and Sunday 10-09 worked
// (调休), Monday 10-10 an ordinary working day. 10:00 in Shanghai is 02:00 UTC.
const at10 = (date: string) => new Date(`${date}T02:00:00Z`);

let fake: FakeSlack;
let dir: string;
let file: string;
const opened: Db[] = [];

function connect(): Db {
  const db = openDatabase(file);
  migrate(db);
  opened.push(db);
  return db;
}

beforeEach(async () => {
  fake = await startFakeSlack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escalation-job-'));
  file = path.join(dir, 'measures.db');
  const db = connect();
  seedFollowupFixture(db);
  insertFollowup(
    db,
    {
      measureId: FIXTURE.measureId,
      taskId: FIXTURE.taskId,
      targetId: FIXTURE.targetId,
      assignee: 'U0OWNER',
      createdBy: 'U0CREATOR',
      due: '2022-09-30',
      note: null,
      channel: 'C1',
      threadTs: '1000.0001',
      dedupeKey: null,
    },
    '2022-09-01T00:00:00.000Z',
  );
});

afterEach(async () => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  fake.assertNoViolations();
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const config = (env: Record<string, string> = {}): Config =>
  loadConfig({ BOT_LOCALE: 'en', DIGEST_CHANNELS: 'C9', ESCALATION_WORKING_DAYS: '1,1,1', ...env });
const deps = (db: Db, cfg = config()) => ({
  db,
  logger: silentLogger,
  config: cfg,
  client: fakeClient(fake),
  calendar: chinaWorkCalendar,
  segmenter: testSegmenter,
});
const posts = () =>
  fake
    .callsTo('chat.postMessage')
    .map((c) => ({ channel: c.body.channel, thread: c.body.thread_ts, text: String(c.body.text) }));
const escalations = (db: Db) =>
  listEvents(db, ['F1'])
    .filter((e) => e.action === 'escalated')
    .map((e) => e.detail);

describe('runEscalationJob', () => {
  it('climbs the ladder one step per working day, each step once with two processes', async () => {
    const a = connect();
    const b = connect();
    // A holiday: nothing, however often it runs.
    await Promise.all([runEscalationJob(deps(a), at10('2022-10-05')), runEscalationJob(deps(b), at10('2022-10-05'))]);
    expect(posts()).toEqual([]);

    // The 调休 Saturday is the first working day overdue: the DM, sent once though both processes run twice.
    for (let i = 0; i < 2; i++)
      await Promise.all([runEscalationJob(deps(a), at10('2022-10-08')), runEscalationJob(deps(b), at10('2022-10-08'))]);
    expect(posts()).toEqual([
      { channel: 'U0OWNER', thread: undefined, text: expect.stringContaining('1 working day overdue') },
    ]);

    // Next working day: a reply in the follow-up's thread that mentions its creator.
    await Promise.all([runEscalationJob(deps(a), at10('2022-10-09')), runEscalationJob(deps(b), at10('2022-10-09'))]);
    expect(posts()[1]).toEqual({ channel: 'C1', thread: '1000.0001', text: expect.stringContaining('<@U0CREATOR>') });

    // Then a post in the channel subscribed to it (DIGEST_CHANNELS: everything).
    await Promise.all([runEscalationJob(deps(a), at10('2022-10-10')), runEscalationJob(deps(b), at10('2022-10-10'))]);
    expect(posts()[2]).toEqual({ channel: 'C9', thread: undefined, text: expect.stringContaining('F1') });

    // The ladder ends there.
    await runEscalationJob(deps(a), at10('2022-10-11'));
    expect(posts()).toHaveLength(3);
    expect(escalations(a)).toEqual([
      { step: 1, due: '2022-09-30', outcome: 'sent' },
      { step: 2, due: '2022-09-30', outcome: 'sent' },
      { step: 3, due: '2022-09-30', outcome: 'sent', channels: ['C9'] },
    ]);
  });

  it('stops at done, and starts again from the DM after a new due date passes', async () => {
    const db = connect();
    await runEscalationJob(deps(db), at10('2022-10-08'));
    updateFollowup(
      db,
      'F1',
      { due: '2022-10-10', updatedAt: '2022-10-08T03:00:00.000Z' },
      { actor: 'U0OWNER', action: 'due', detail: { from: '2022-09-30', to: '2022-10-10' } },
    );
    await runEscalationJob(deps(db), at10('2022-10-09')); // not overdue any more
    await runEscalationJob(deps(db), at10('2022-10-10'));
    expect(posts()).toHaveLength(1);
    await runEscalationJob(deps(db), at10('2022-10-11')); // overdue against the new date: the ladder restarts
    expect(posts().map((p) => p.channel)).toEqual(['U0OWNER', 'U0OWNER']);
    updateFollowup(
      db,
      'F1',
      { status: 'done', closedAt: '2022-10-11T05:00:00.000Z', updatedAt: '2022-10-11T05:00:00.000Z' },
      { actor: 'U0OWNER', action: 'status', detail: { from: 'open', to: 'done' } },
    );
    await runEscalationJob(deps(db), at10('2022-10-12'));
    expect(posts()).toHaveLength(2);
  });

  it('sends nothing in QUIET_HOURS; the step waits for the end of them', async () => {
    const db = connect();
    const quiet = config({ QUIET_HOURS: '20:00-08:00' });
    await runEscalationJob(deps(db, quiet), new Date('2022-10-08T13:00:00Z')); // Saturday 21:00 Shanghai
    await runEscalationJob(deps(db, quiet), new Date('2022-10-08T23:50:00Z')); // Sunday 07:50
    expect(posts()).toEqual([]);
    await runEscalationJob(deps(db, quiet), new Date('2022-10-09T00:00:00Z')); // Sunday 08:00 (调休, a working day)
    expect(posts().map((p) => p.channel)).toEqual(['U0OWNER']);
  });

  it('records a failed step in the history and moves on the next working day', async () => {
    const db = connect();
    fake.failNext('chat.postMessage', 'channel_not_found');
    await runEscalationJob(deps(db), at10('2022-10-08'));
    await runEscalationJob(deps(db), at10('2022-10-08'));
    expect(escalations(db)).toEqual([{ step: 1, due: '2022-09-30', outcome: 'failed', error: 'channel_not_found' }]);
    await runEscalationJob(deps(db), at10('2022-10-09'));
    expect(escalations(db).map((e) => [e.step, e.outcome])).toEqual([
      [1, 'failed'],
      [2, 'sent'],
    ]);
  });
});
