import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTimeZone } from '../../../src/lib/dates.ts';
import { subscribe } from '../../../src/services/subscription-service.ts';
import { cli } from '../../helpers/cli.ts';
import { openTianjinDbFile } from '../../helpers/digest-fixture.ts';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.ts';

let dir: string;
let dbFile: string;
let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-subscriptions-'));
  dbFile = path.join(dir, 'm.db');
  const db = openTianjinDbFile(dbFile);
  const at = { today: '2026-11-22', nowIso: '2026-11-22T00:00:00.000Z', isTimeZone };
  subscribe(db, { channel: 'C1', user: 'U1', text: '地区:天津 周三 08:30 无则不发', ...at });
  subscribe(db, { channel: 'C2', user: 'U2', text: '地区:北京', ...at });
  db.close();
});
afterEach(async () => {
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('measures subscriptions', () => {
  it('lists every audience with its filter and schedule, DIGEST_CHANNELS first', async () => {
    const r = await cli(['subscriptions', '--db', dbFile], { DIGEST_CHANNELS: 'C0' });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'env:C0\tC0\t(everything)\t0 9 * * 1 Asia/Shanghai\t28d',
      's1\tC1\t地区:天津\t30 8 * * 3 Asia/Shanghai\t28d\tskip-empty',
      's2\tC2\t地区:北京\t0 9 * * 1 Asia/Shanghai\t28d',
    ]);
    const one = await cli(['subscriptions', '--channel', 'C2', '--json', '--db', dbFile]);
    expect((one.json() as unknown as { key: string }[]).map((a) => a.key)).toEqual(['s2']);
  });
});

describe('measures digest --post', () => {
  it('posts every subscription’s digest with its own filter, or one channel’s with --channel', async () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl };
    const r = await cli(['digest', '--post', '--as-of', '2022-12-05', '--db', dbFile], env);
    expect(r.code).toBe(0);
    // Beijing's subscription has nothing: an empty digest, posted (it is not skip-empty).
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.body.channel)).toEqual(['C1', 'C2']);
    expect(JSON.stringify(posts[0]!.body.blocks)).toContain('5G基站');
    expect(JSON.stringify(posts[1]!.body.blocks)).not.toContain('5G基站');
    fake.reset();
    // A later run (each manual post is recorded under its own instant).
    await cli(
      ['digest', '--post', '--as-of', '2022-12-05', '--channel', 'C2', '--db', dbFile],
      env,
      '2026-11-22T02:00:00Z',
    );
    expect(fake.callsTo('chat.postMessage').map((p) => p.body.channel)).toEqual(['C2']);
  });

  it('says there is nobody to post to', async () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl };
    const r = await cli(['digest', '--post', '--channel', 'C9', '--db', dbFile], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('C9 is not in DIGEST_CHANNELS and has no subscriptions');
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
