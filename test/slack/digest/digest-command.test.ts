import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import { MAX_BLOCKS_PER_MESSAGE } from '../../../src/slack/kit/limits.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { targetIdOf, tianjinTestDb } from '../../helpers/digest-fixture.ts';
import { buttonsOf, type Harness, startHarness, TODAY, visibleText } from '../harness.ts';

const s = stringsFor('zh');
let db: Db;
let h: Harness;

beforeAll(async () => {
  db = tianjinTestDb();
  h = await startHarness(db, { DIGEST_HORIZON_DAYS: '28' });
});
afterAll(async () => {
  await h.stop();
  db.close();
});
beforeEach(() => h.fake.reset());

describe('/measures digest', () => {
  it('previews the digest for today (2023-03-01) to the caller only', async () => {
    const { status, reply } = await h.command('digest');
    expect(status).toBe(200);
    expect(reply.body.response_type).toBe('ephemeral');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain(s.digestTitle('2023-03-01'));
    expect(text).toContain(s.digestPreviewNote);
    expect(text).toContain(s.digestNothingDue(28));
    // The 2021 and 2022 targets are past due on 2023-03-01.
    expect(text).toContain(s.digestOverdueHeading(4));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers a public @mention without claiming only the caller can see it', async () => {
    await h.event({
      type: 'app_mention',
      user: 'U1',
      text: '<@W23456789> digest',
      ts: '5.1',
      channel: 'C0PUB',
      event_ts: '5.1',
    });
    const [post] = await h.fake.waitFor('chat.postMessage');
    const text = visibleText(post!.body.blocks);
    expect(text).toContain(s.digestTitle('2023-03-01'));
    expect(text).not.toContain(s.digestPreviewNote);
  });

  it('previews a given date, with Assign and Show buttons on each target', async () => {
    const { reply } = await h.command('digest 2022-12-05');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain(s.digestTitle('2022-12-05'));
    expect(text).toContain('到2022年底累计建成5G基站');
    expect(text).toContain('2022年底前');
    expect(reply.body.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    const assign = buttonsOf(reply.body.blocks)
      .filter((b) => b.actionId === ACTIONS.ASSIGN_FOLLOWUP)
      .map((b) => b.value);
    expect(assign).toEqual([
      targetIdOf('z8wv-4.1'),
      targetIdOf('z8wv-5.5'),
      targetIdOf('z8wv-6.1'),
      targetIdOf('z8wv-1.8'),
    ]);
  });

  it('answers "Show" from a digest item with that measure, the target marked', async () => {
    const { status, responseUrl } = await h.press(ACTIONS.SHOW_MEASURE, targetIdOf('z8wv-4.1'));
    expect(status).toBe(200);
    const replies = await h.fake.waitFor('response_url', 1);
    const reply = replies.find((c) => c.path === new URL(responseUrl).pathname)!;
    expect(visibleText(reply.body.blocks)).toContain('▶');
    expect(visibleText(reply.body.blocks)).toContain('5G基站');
  });

  it('explains the date format when the argument is not a date', async () => {
    const { reply } = await h.command('digest 2022-13-45');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain('“2022-13-45”不是有效日期');
    // The example date is a real one ahead of today, not a fixed past date.
    const example = /digest (\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
    expect(example! > TODAY).toBe(true);
  });

  it('counts targets, as `/measures due` does, and says so', async () => {
    // On 2023-03-01 the Tianjin plan has 4 targets past due (one of 2021, three of 2022), none due in 28 days.
    const digest = visibleText((await h.command('digest')).reply.body.blocks as unknown[]);
    expect(digest).toContain(s.digestSummary(0, 4, 0, 28));
    expect(digest).toContain('已逾期目标 *4* 个');
    const due = visibleText((await h.command('due overdue')).reply.body.blocks as unknown[]);
    expect(due).toContain(s.resultsTargetsDue(4));
    // Two measures hold the three targets due from 2023-03-01 on (2023, 2023 and 2025): measures and targets differ.
    const ahead = visibleText((await h.command('due next 3000d')).reply.body.blocks as unknown[]);
    expect(ahead).toContain(s.resultsCount(2, 1, 2));
    expect(ahead).toContain(s.resultsTargetsDue(3));
  });
});
