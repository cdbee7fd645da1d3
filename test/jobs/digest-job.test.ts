import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { digestSlot, runDigestJob } from '../../src/jobs/digest-job.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { chinaWorkCalendar } from '../../src/lib/work-calendar.ts';
import { listDigestPosts } from '../../src/repo/digest-repo.ts';
import { STALE_CLAIM_MINUTES } from '../../src/services/digest-service.ts';
import { digestPostingClient } from '../../src/slack/digest/post-digest.ts';
import { claimChannelSlot, insertDocument, insertDoneFollowup, TIANJIN } from '../helpers/digest-fixture.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

// Slots of the default schedule (Monday 09:00 Asia/Shanghai = 01:00 UTC).
const MON_0317 = '2025-03-17T01:00:00.000Z';
const MON_0324 = '2025-03-24T01:00:00.000Z';

let fake: FakeSlack;
let dir: string;
let file: string;
const opened: Db[] = [];

beforeEach(async () => {
  fake = await startFakeSlack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-job-'));
  file = path.join(dir, 'measures.db');
  const db = connect();
  insertDocument(db, TIANJIN);
});

afterEach(async () => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A connection to the shared file, as a bot process would open it. */
function connect(): Db {
  const db = openDatabase(file);
  migrate(db);
  opened.push(db);
  return db;
}

function config(env: Record<string, string> = {}): Config {
  return loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: fake.apiUrl,
    DIGEST_CHANNELS: 'C1,C2',
    // Replay December 2022: three Tianjin targets due at the end of the year, one overdue.
    DIGEST_AS_OF: '2022-12-05',
    ...env,
  });
}

function deps(db: Db, cfg = config()) {
  const client = new webApi.WebClient(cfg.SLACK_BOT_TOKEN, {
    slackApiUrl: cfg.SLACK_API_URL,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
  return { db, client, logger: silentLogger, config: cfg, calendar: chinaWorkCalendar, segmenter: testSegmenter };
}

const posts = () => fake.callsTo('chat.postMessage');
/** Text of the "closed since the last digest" section of the n-th posted digest. */
const doneSection = (n: number): string =>
  (posts()[n]!.body.blocks as { text?: { text: string } }[])
    .map((b) => b.text?.text ?? '')
    .find((t) => t.includes('上次周报以来已完成的跟进')) ?? '';
const at = (iso: string) => new Date(iso);

describe('digestSlot', () => {
  const slotAt = (now: Date) => digestSlot('0 9 * * 1', 'Asia/Shanghai', now, chinaWorkCalendar)?.slot ?? null;
  it('is the last Monday 09:00 while we are in its ISO week, and none once the week is over', () => {
    expect(slotAt(at('2025-03-17T01:00:00Z'))?.toISOString()).toBe(MON_0317);
    expect(slotAt(at('2025-03-19T04:00:00Z'))?.toISOString()).toBe(MON_0317);
    // Sunday 23:00 Shanghai: still the same week.
    expect(slotAt(at('2025-03-23T15:00:00Z'))?.toISOString()).toBe(MON_0317);
    // Monday 08:00 Shanghai: a new week whose slot has not come yet.
    expect(slotAt(at('2025-03-24T00:00:00Z'))).toBeNull();
  });

  it('keeps a tick that fires a few seconds early in its own slot', () => {
    expect(slotAt(at('2025-03-24T00:59:58Z'))?.toISOString()).toBe(MON_0324);
  });
});

describe('runDigestJob', () => {
  it('posts one digest per channel as a thread parent and records the message ts', async () => {
    const db = connect();
    const result = await runDigestJob(deps(db), at('2025-03-17T01:00:01Z'));
    expect(result.deliveries.map((d) => d.outcome)).toEqual(['posted', 'posted']);
    expect(posts().map((c) => c.body.channel)).toEqual(['C1', 'C2']);
    const body = posts()[0]!.body;
    expect(body.thread_ts).toBeUndefined();
    expect(body.text).toContain('2022-12-05');
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain('5G基站');
    expect(blocks).toContain('2022年底前');
    expect(blocks).toContain('已逾期（1 项');
    const rows = listDigestPosts(db);
    expect(rows.map((r) => [r.channel, r.slot, r.status, r.asOf])).toEqual([
      ['C1', MON_0317, 'posted', '2022-12-05'],
      ['C2', MON_0317, 'posted', '2022-12-05'],
    ]);
    expect(rows[0]!.ts).toMatch(/^\d+\.\d+$/);
  });

  it('computes the digest for the slot date in DIGEST_TZ when DIGEST_AS_OF is not pinned', async () => {
    const db = connect();
    const cfg = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: fake.apiUrl,
      DIGEST_CHANNELS: 'C1',
    });
    // Sunday 2025-12-07 17:30 UTC is Monday 01:30 in Shanghai; slot at Monday 01:00 Shanghai.
    await runDigestJob(deps(db, { ...cfg, DIGEST_CRON: '0 1 * * 1' }), at('2025-12-07T17:30:00Z'));
    expect(listDigestPosts(db)[0]!.slot).toBe('2025-12-07T17:00:00.000Z');
    expect(listDigestPosts(db)[0]!.asOf).toBe('2025-12-08');
    expect(JSON.stringify(posts()[0]!.body.blocks)).toContain('“十四五”期间 (2021–2025)');
  });

  it('does not post again on a second run in the same slot', async () => {
    const db = connect();
    await runDigestJob(deps(db), at('2025-03-17T01:00:01Z'));
    const again = await runDigestJob(deps(db), at('2025-03-17T01:10:00Z'));
    expect(again.deliveries.map((d) => d.outcome)).toEqual(['already_claimed', 'already_claimed']);
    expect(posts()).toHaveLength(2);
  });

  it('posts once per channel when two processes run the same slot on one database', async () => {
    const a = connect();
    const b = connect();
    const results = await Promise.all([
      runDigestJob(deps(a), at('2025-03-17T01:00:00Z')),
      runDigestJob(deps(b), at('2025-03-17T01:00:00Z')),
    ]);
    expect(posts()).toHaveLength(2);
    expect(
      posts()
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual(['C1', 'C2']);
    const outcomes = results.flatMap((r) => r.deliveries.map((d) => d.outcome)).sort();
    expect(outcomes).toEqual(['already_claimed', 'already_claimed', 'posted', 'posted']);
  });

  it('does not post again after a restart in the same slot', async () => {
    const first = connect();
    await runDigestJob(deps(first), at('2025-03-17T01:00:00Z'));
    first.close();
    const restarted = connect();
    await runDigestJob(deps(restarted), at('2025-03-17T03:00:00Z'));
    expect(posts()).toHaveLength(2);
  });

  it('catches up a slot missed earlier in the same week exactly once', async () => {
    const db = connect();
    // Down over Monday 09:00; back on Wednesday.
    await runDigestJob(deps(db), at('2025-03-19T04:00:00Z'));
    expect(listDigestPosts(db).map((r) => r.slot)).toEqual([MON_0317, MON_0317]);
    expect(posts()).toHaveLength(2);
    await runDigestJob(deps(connect()), at('2025-03-20T04:00:00Z'));
    expect(posts()).toHaveLength(2);
  });

  it('never posts a slot from an earlier week', async () => {
    const db = connect();
    // Down from before 2025-03-17 until Monday 2025-03-24 08:00 Shanghai: the 03-17 slot is last week's.
    const result = await runDigestJob(deps(db), at('2025-03-24T00:00:00Z'));
    expect(result.deliveries).toEqual([]);
    expect(posts()).toHaveLength(0);
    expect(listDigestPosts(db)).toEqual([]);
    // The new week's slot then posts normally.
    await runDigestJob(deps(db), at('2025-03-24T01:00:00Z'));
    expect(listDigestPosts(db).map((r) => r.slot)).toEqual([MON_0324, MON_0324]);
  });

  it('records a failed post and retries it on the next run within the slot', async () => {
    const db = connect();
    fake.failNext('chat.postMessage', 'not_in_channel');
    const first = await runDigestJob(deps(db), at('2025-03-17T01:00:00Z'));
    expect(first.deliveries).toEqual([
      { channel: 'C1', subscription: 'env:C1', outcome: 'failed', error: 'not_in_channel' },
      expect.objectContaining({ channel: 'C2', outcome: 'posted' }),
    ]);
    expect(listDigestPosts(db, 'C1')[0]).toMatchObject({ status: 'failed', error: 'not_in_channel', ts: null });
    const retry = await runDigestJob(deps(db), at('2025-03-17T01:10:00Z'));
    expect(retry.deliveries.map((d) => d.outcome)).toEqual(['posted', 'already_claimed']);
    expect(listDigestPosts(db, 'C1')[0]).toMatchObject({ status: 'posted', attempts: 2, error: null });
    expect(posts().filter((c) => c.body.channel === 'C2')).toHaveLength(1);
  });

  it('posts a short "nothing due" digest in an empty week, or nothing with DIGEST_SKIP_EMPTY', async () => {
    const db = connect();
    await runDigestJob(
      deps(db, config({ DIGEST_AS_OF: '2021-06-01', DIGEST_CHANNELS: 'C1' })),
      at('2025-03-17T01:00:00Z'),
    );
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0]!.body.blocks)).toContain('未来 28 天没有到期的目标');

    const skip = config({ DIGEST_AS_OF: '2021-06-01', DIGEST_CHANNELS: 'C1', DIGEST_SKIP_EMPTY: '1' });
    const result = await runDigestJob(deps(db, skip), at('2025-03-24T01:00:00Z'));
    expect(result.deliveries).toEqual([{ channel: 'C1', subscription: 'env:C1', outcome: 'skipped_empty' }]);
    expect(posts()).toHaveLength(1);
    expect(listDigestPosts(db, 'C1').map((r) => r.status)).toEqual(['posted', 'skipped']);
  });

  it('lists follow-ups closed since the previous digest of the channel', async () => {
    const db = connect();
    // Not a replay: the follow-ups below are closed in 2025, and a replay of 2022 would not know them.
    const cfg = config({ DIGEST_CHANNELS: 'C1', DIGEST_AS_OF: '' });
    insertDoneFollowup(db, { id: 'F1', taskId: 'z8wv-4.1', assignee: 'U1', closedAt: '2025-03-16T08:00:00Z' });
    await runDigestJob(deps(db, cfg), at('2025-03-17T01:00:00Z'));
    // First digest: no earlier digest, so the last 7 days count.
    expect(doneSection(0)).toContain('`F1`');
    insertDoneFollowup(db, { id: 'F2', taskId: 'z8wv-5.5', assignee: 'U2', closedAt: '2025-03-20T08:00:00Z' });
    await runDigestJob(deps(db, cfg), at('2025-03-24T01:00:00Z'));
    expect(doneSection(1)).toContain('`F2`');
    expect(doneSection(1)).not.toContain('`F1`');
  });

  it('does nothing without DIGEST_CHANNELS or subscriptions', async () => {
    const db = connect();
    const result = await runDigestJob(deps(db, config({ DIGEST_CHANNELS: '' })), at('2025-03-17T01:00:00Z'));
    expect(result).toEqual({ deliveries: [] });
    expect(posts()).toHaveLength(0);
  });
});

describe('runDigestJob with channel subscriptions', () => {
  const subscribeIn = (
    db: Db,
    channel: string,
    query: string,
    extra: Partial<{ weekday: number; time: string; skip_empty: number }> = {},
  ) =>
    db
      .prepare(
        `INSERT INTO subscriptions (channel, query, weekday, time, skip_empty, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, 'U1', '2025-01-01T00:00:00Z')`,
      )
      .run(channel, query, extra.weekday ?? 1, extra.time ?? '09:00', extra.skip_empty ?? 0);
  const itemsOf = (channel: string) =>
    posts()
      .filter((c) => c.body.channel === channel)
      .map((c) => JSON.stringify(c.body.blocks));

  it('posts each channel the digest of its own filter, on its own day and time, once', async () => {
    const db = connect();
    subscribeIn(db, 'C1', '地区:天津');
    subscribeIn(db, 'C2', '地区:北京', { weekday: 2, time: '10:30' });
    const cfg = config({ DIGEST_CHANNELS: '' });
    await runDigestJob(deps(db, cfg), at('2025-03-17T01:00:00Z')); // Monday 09:00 Shanghai
    expect(posts().map((c) => c.body.channel)).toEqual(['C1']);
    expect(itemsOf('C1')[0]).toContain('5G基站');
    await runDigestJob(deps(db, cfg), at('2025-03-18T02:29:00Z')); // Tuesday 10:29: not yet
    expect(posts()).toHaveLength(1);
    await runDigestJob(deps(db, cfg), at('2025-03-18T02:30:00Z'));
    await runDigestJob(deps(connect(), cfg), at('2025-03-18T02:31:00Z'));
    expect(posts().map((c) => c.body.channel)).toEqual(['C1', 'C2']);
    // Nothing of Tianjin's is Beijing's: an empty digest.
    expect(itemsOf('C2')[0]).not.toContain('5G基站');
    expect(itemsOf('C2')[0]).toContain('未来 28 天没有到期的目标');
    expect(listDigestPosts(db).map((r) => [r.subscription, r.channel, r.status])).toEqual([
      ['s1', 'C1', 'posted'],
      ['s2', 'C2', 'posted'],
    ]);
  });

  it('skips an empty digest for a skip-empty subscription only', async () => {
    const db = connect();
    subscribeIn(db, 'C1', '地区:北京', { skip_empty: 1 });
    subscribeIn(db, 'C2', '地区:北京');
    const result = await runDigestJob(deps(db, config({ DIGEST_CHANNELS: '' })), at('2025-03-17T01:00:00Z'));
    expect(result.deliveries.map((d) => [d.channel, d.outcome])).toEqual([
      ['C1', 'skipped_empty'],
      ['C2', 'posted'],
    ]);
  });

  it('posts a slot that falls on a public holiday on the next working day, once', async () => {
    // Monday 2025-10-06 is inside the National Day holiday (10-01 … 10-08); Thursday 10-09 is the next working day.
    const db = connect();
    const cfg = config({ DIGEST_CHANNELS: 'C1', DIGEST_AS_OF: '' });
    for (const iso of ['2025-10-06T01:00:00Z', '2025-10-07T01:00:00Z', '2025-10-08T01:00:00Z'])
      await runDigestJob(deps(db, cfg), at(iso));
    expect(posts()).toHaveLength(0);
    await runDigestJob(deps(db, cfg), at('2025-10-09T01:00:00Z'));
    await runDigestJob(deps(connect(), cfg), at('2025-10-09T01:01:00Z'));
    await runDigestJob(deps(db, cfg), at('2025-10-10T03:00:00Z'));
    expect(posts()).toHaveLength(1);
    expect(listDigestPosts(db).map((r) => [r.slot, r.asOf])).toEqual([['2025-10-06T01:00:00.000Z', '2025-10-09']]);
    // The next Monday is an ordinary slot.
    await runDigestJob(deps(db, cfg), at('2025-10-13T01:00:00Z'));
    expect(posts()).toHaveLength(2);
  });

  it('waits out QUIET_HOURS and posts after them, within the week', async () => {
    const db = connect();
    subscribeIn(db, 'C1', '地区:天津', { time: '21:00' });
    const cfg = config({ DIGEST_CHANNELS: '', QUIET_HOURS: '20:00-08:00' });
    await runDigestJob(deps(db, cfg), at('2025-03-17T13:00:00Z')); // Monday 21:00 Shanghai: quiet
    await runDigestJob(deps(db, cfg), at('2025-03-17T23:59:00Z')); // Tuesday 07:59: still quiet
    expect(posts()).toHaveLength(0);
    await runDigestJob(deps(db, cfg), at('2025-03-18T00:00:00Z')); // 08:00
    expect(posts().map((c) => c.body.channel)).toEqual(['C1']);
  });
});

describe('a digest post Slack never answers', () => {
  it('ends with the attempt bounded, the slot marked failed (not left claimed), and the next run posts it', async () => {
    const db = connect();
    fake.hangNext('chat.postMessage');
    const cfg = config({ DIGEST_CHANNELS: 'C1' });
    // The production client, with a short bound so the test need not wait DIGEST_POST_TIMEOUT_MS.
    const client = digestPostingClient(cfg.SLACK_BOT_TOKEN!, { slackApiUrl: cfg.SLACK_API_URL, timeoutMs: 200 });
    const first = await runDigestJob({ ...deps(db, cfg), client }, at('2025-03-17T01:00:01Z'));
    expect(first.deliveries).toMatchObject([{ channel: 'C1', outcome: 'failed' }]);
    expect(listDigestPosts(db)).toMatchObject([{ status: 'failed', attempts: 1 }]);
    // The next attempt comes RETRY_AFTER_MS (10 minutes) later.
    const second = await runDigestJob({ ...deps(db, cfg), client }, at('2025-03-17T01:10:01Z'));
    expect(second.deliveries).toMatchObject([{ channel: 'C1', outcome: 'posted' }]);
  });

  it(`a claim abandoned by a process that died mid-post is posted after ${STALE_CLAIM_MINUTES} minutes, not lost for the week`, async () => {
    const db = connect();
    const cfg = config({ DIGEST_CHANNELS: 'C1' });
    claimChannelSlot(db, { channel: 'C1', slot: MON_0317, asOf: '2022-12-05', nowIso: '2025-03-17T01:00:01.000Z' });
    // The restart a minute later leaves it alone (the dead process might still have been posting)…
    expect((await runDigestJob(deps(db, cfg), at('2025-03-17T01:02:00Z'))).deliveries).toMatchObject([
      { outcome: 'already_claimed' },
    ]);
    expect(posts()).toHaveLength(0);
    // …the tick after the stale limit posts it.
    expect((await runDigestJob(deps(db, cfg), at('2025-03-17T01:20:00Z'))).deliveries).toMatchObject([
      { outcome: 'posted' },
    ]);
    expect(posts()).toHaveLength(1);
  });
});
