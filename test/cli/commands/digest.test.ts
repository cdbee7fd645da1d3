import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { openDatabase } from '../../../src/db/open.ts';
import { digestForChannel } from '../../../src/services/digest-service.ts';
import { cli } from '../../helpers/cli.ts';
import {
  insertDoneFollowup,
  openTianjinDbFile,
  recordPostedDigest,
  TIANJIN,
  targetIdOf,
} from '../../helpers/digest-fixture.ts';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';

let dir: string;
let dbFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-digest-'));
  dbFile = path.join(dir, 'm.db');
  openTianjinDbFile(dbFile).close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('measures digest', () => {
  it('prints the digest as JSON for a given date', async () => {
    const r = await cli(['digest', '--as-of', '2022-12-05', '--json', '--db', dbFile]);
    expect(r.code).toBe(0);
    const out = r.json() as { asOf: string; horizonDays: number; upcoming: any[]; overdue: any[]; done: any[] };
    expect(out.asOf).toBe('2022-12-05');
    expect(out.horizonDays).toBe(28);
    expect(out.upcoming.map((i) => i.taskId)).toEqual(['z8wv-4.1', 'z8wv-5.5', 'z8wv-6.1']);
    expect(out.upcoming[0]).toMatchObject({
      taskId: 'z8wv-4.1',
      targetId: targetIdOf('z8wv-4.1'),
      measureId: 'z8wv-4',
      file: TIANJIN.file,
      label: '（四）',
      text: '到2022年底累计建成5G基站5万个',
      due: '2022-12-31',
      precision: 'year',
      departments: ['市工业和信息化局'],
      followups: [],
      dueText: '2022年底前',
    });
    expect(out.overdue.map((i) => i.taskId)).toEqual(['z8wv-1.8']);
    expect(out.done).toEqual([]);
  });

  it('honours --horizon-days and prints readable text by default', async () => {
    const narrow = await cli(['digest', '--as-of', '2022-12-05', '--horizon-days', '7', '--json', '--db', dbFile]);
    expect((narrow.json() as { upcoming: unknown[] }).upcoming).toEqual([]);
    const text = await cli(['digest', '--as-of', '2025-12-10', '--db', dbFile]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('“十四五”期间 (2021–2025)');
    expect(text.stdout).toContain('z8wv-2.2');
  });

  it('uses DIGEST_AS_OF when no --as-of is given', async () => {
    const r = await cli(['digest', '--json', '--db', dbFile], { DIGEST_AS_OF: '2021-12-06' });
    expect((r.json() as { asOf: string; upcoming: { taskId: string }[] }).upcoming.map((i) => i.taskId)).toEqual([
      'z8wv-1.8',
    ]);
  });

  it('refuses a bad date or horizon with the usage', async () => {
    const bad = await cli(['digest', '--as-of', '2022-02-30', '--db', dbFile]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--as-of must be a date');
    expect(bad.stderr).toContain('Usage: measures digest');
    const badH = await cli(['digest', '--horizon-days', 'soon', '--db', dbFile]);
    expect(badH.code).toBe(1);
    expect(badH.stderr).toContain('--horizon-days');
  });

  it('shows what the channel gets next, as /measures digest does: done since its last posted digest', async () => {
    // The CLI's clock is 2026-11-22T01:00Z. F1 closed 20 days before: outside the 7-day fallback, but after C1's last digest.
    const db = openDatabase(dbFile);
    insertDoneFollowup(db, { id: 'F1', taskId: 'z8wv-4.1', assignee: 'U1', closedAt: '2026-11-02T00:00:00Z' });
    recordPostedDigest(db, {
      channel: 'C1',
      slot: '2026-10-26T01:00:00.000Z',
      asOf: '2026-10-26',
      postedAt: '2026-10-26T01:00:01.000Z',
    });
    // As of the CLI's today: a replay of an earlier date would not know a follow-up closed in 2026.
    const bot = digestForChannel(db, loadConfig({ DIGEST_CHANNELS: 'C1' }), {
      channel: 'C1',
      asOf: '2026-11-22',
      horizonDays: 28,
      now: new Date('2026-11-22T01:00:00Z'),
      segmenter: testSegmenter,
    });
    db.close();

    const done = async (args: string[], env: Record<string, string> = {}) =>
      (
        (await cli(['digest', '--as-of', '2026-11-22', '--json', '--db', dbFile, ...args], env)).json() as {
          done: { followupId: string }[];
        }
      ).done;
    expect(bot.done.map((d) => d.followupId)).toEqual(['F1']);
    expect((await done([], { DIGEST_CHANNELS: 'C1' })).map((d) => d.followupId)).toEqual(['F1']);
    expect((await done(['--channel', 'C1'])).map((d) => d.followupId)).toEqual(['F1']);
    // A channel with no digest yet (or none configured) counts the last 7 days only.
    expect(await done(['--channel', 'C2'])).toEqual([]);
    expect(await done([])).toEqual([]);
  });

  describe('--post', () => {
    let fake: FakeSlack;
    beforeEach(async () => {
      fake = await startFakeSlack();
    });
    afterEach(async () => fake.stop());

    it('says what is missing without a bot token, and posts nothing', async () => {
      const r = await cli(['digest', '--post', '--db', dbFile], { DIGEST_CHANNELS: 'C1' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('SLACK_BOT_TOKEN');
      expect(r.stdout).toBe('');
    });

    it('posts the digest to every DIGEST_CHANNELS channel through the Web API', async () => {
      const env = {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: fake.apiUrl,
        DIGEST_CHANNELS: 'C1 C2',
      };
      const r = await cli(['digest', '--as-of', '2022-12-05', '--post', '--db', dbFile], env);
      expect(r.code).toBe(0);
      const posts = fake.callsTo('chat.postMessage');
      expect(posts.map((c) => c.body.channel)).toEqual(['C1', 'C2']);
      expect(JSON.stringify(posts[0]!.body.blocks)).toContain('5G基站');
      expect(r.stderr).toMatch(/posted to C1 \(ts \d+\.\d+\)/);
    });

    it('exits 1 naming the channel and Slack error when a post fails', async () => {
      fake.failNext('chat.postMessage', 'channel_not_found');
      const env = {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: fake.apiUrl,
        DIGEST_CHANNELS: 'C404',
      };
      const r = await cli(['digest', '--post', '--db', dbFile], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('could not post to C404: channel_not_found');
    });
  });
});
