import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../../src/db/open.ts';
import { fixedClock } from '../../../src/lib/clock.ts';
import { silentLogger } from '../../../src/lib/logger.ts';
import { ingestPaths } from '../../../src/services/ingest-service.ts';
import { listSubscriptions } from '../../../src/services/subscription-service.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { cli } from '../../helpers/cli.ts';
import { SEEDS_DIR } from '../../helpers/paths.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';
import { buttonsOf, type Harness, NOW, SIGNING_SECRET, startHarness, visibleText } from '../harness.ts';

const s = stringsFor('zh');
let dir: string;
let file: string;
let db: Db;
let h: Harness;

beforeAll(async () => {
  // A database file, so the CLI (another connection, as another process would be) sees what the bot stored.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'subscribe-'));
  file = path.join(dir, 'measures.db');
  db = openDatabase(file);
  migrate(db);
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock(NOW), segmenter: testSegmenter }, [SEEDS_DIR]);
  h = await startHarness(db, { SLACK_ADMIN_USERS: 'U0ADMIN' });
});
afterAll(async () => {
  await h.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  h.fake.reset();
  db.prepare('DELETE FROM subscriptions').run();
  db.prepare('DELETE FROM digest_posts').run();
});

const text = (r: { reply: { body: Record<string, unknown> } }) => visibleText(r.reply.body.blocks as unknown[]);

describe('/measures subscribe, subscriptions, unsubscribe', () => {
  it('subscribes the channel, tells the schedule, and lists it for anyone in the channel', async () => {
    const r = await h.command('subscribe 地区:天津 周三 08:30', { channelId: 'C1', userId: 'U1' });
    expect(r.reply.body.response_type).toBe('ephemeral');
    const [sub] = listSubscriptions(db, 'C1');
    expect(sub).toMatchObject({ channel: 'C1', query: '地区:天津', weekday: 3, time: '08:30', createdBy: 'U1' });
    expect(text(r)).toContain(s.subCreated(sub!.id, '`地区:天津`', s.subSchedule(3, '08:30', 'Asia/Shanghai', 28)));
    const list = await h.command('subscriptions', { channelId: 'C1', userId: 'U2' });
    expect(text(list)).toContain(`*#${sub!.id}* \`地区:天津\``);
    expect(text(await h.command('subscriptions', { channelId: 'C2' }))).toContain(s.subNone);
  });

  it('lets only the creator or an admin unsubscribe', async () => {
    await h.command('subscribe 部门:商务', { channelId: 'C1', userId: 'U1' });
    const id = listSubscriptions(db, 'C1')[0]!.id;
    expect(text(await h.command(`unsubscribe ${id}`, { channelId: 'C1', userId: 'U2' }))).toContain(
      s.subNotAllowed(id),
    );
    expect(text(await h.command(`unsubscribe ${id}`, { channelId: 'C2', userId: 'U1' }))).toContain(
      s.subNotFound(String(id)),
    );
    expect(text(await h.command('unsubscribe abc', { channelId: 'C1', userId: 'U1' }))).toContain(
      s.subUnsubscribeUsage,
    );
    expect(listSubscriptions(db, 'C1')).toHaveLength(1);
    expect(text(await h.command(`unsubscribe #${id}`, { channelId: 'C1', userId: 'U0ADMIN' }))).toContain(
      s.subRemoved(id, '`部门:商务`'),
    );
    expect(listSubscriptions(db, 'C1')).toEqual([]);
  });

  it('answers a bad filter or time with what to write instead, storing nothing', async () => {
    expect(text(await h.command('subscribe 类型:报纸', { channelId: 'C1' }))).toContain(s.subProblem.bad_kind('报纸'));
    expect(text(await h.command('subscribe 地区:天津 25:00', { channelId: 'C1' }))).toContain(
      s.subProblem.bad_time('25:00'),
    );
    expect(listSubscriptions(db, 'C1')).toEqual([]);
  });

  it('escapes the query it echoes', async () => {
    const r = await h.command('subscribe <!channel> 冷链&物流', { channelId: 'C1' });
    expect(text(r)).not.toContain('<!channel>');
    expect(text(r)).toContain('冷链&amp;物流');
  });
});

describe('end to end: subscribe in Slack, post with the CLI', () => {
  it('posts to C1 only the Tianjin targets after `/measures subscribe 地区:天津` there', async () => {
    const r = await h.command('subscribe 地区:天津', { channelId: 'C1', userId: 'U1' });
    expect(r.status).toBe(200);
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: h.fake.apiUrl };
    const run = await cli(['digest', '--post', '--as-of', '2022-12-05', '--db', file], env);
    expect(run.stderr).toMatch(/posted to C1 #\d+ \(ts \d+\.\d+\)/);
    expect(run.code).toBe(0);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.body.channel)).toEqual(['C1']);
    const blocks = posts[0]!.body.blocks as unknown[];
    // The Tianjin plan's three targets due by 2023-01-02 and its overdue 2021 target; the national Q&A's 2022
    // target (a4bd-q2.1.t1), which an unfiltered digest holds, is not there.
    const shown = new Set(
      buttonsOf(blocks)
        .filter((b) => b.actionId === ACTIONS.SHOW_MEASURE)
        .map((b) => b.value),
    );
    expect([...shown].sort()).toEqual(['z8wv-1.8.t1', 'z8wv-4.1.t1', 'z8wv-5.5.t1', 'z8wv-6.1.t1']);
    expect(JSON.stringify(blocks)).not.toContain('a4bd');
  });
});
