import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { testDb } from '../helpers/db.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { FIXTURE, dropFixture, seedFollowupFixture } from '../helpers/followup-fixture.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { followupStrings } from '../../src/slack/strings/followups.ts';
import { assignFollowup, changeFollowup, listForScope, measureFollowups, threadFollowup } from '../../src/services/followup-service.ts';
import { followupSectionBlocks } from '../../src/slack/blocks/followup-section.ts';
import type { Db } from '../../src/db/open.ts';

let fake: FakeSlack;
let db: Db;
const deps = () => ({ db, clock: fixedClock('2026-11-22T01:00:00Z'), logger: silentLogger, timeZone: 'Asia/Shanghai', config: { SLACK_ADMIN_USERS: ['U0ADMIN'] }, strings: followupStrings.en });
const client = () => new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
const assign = (over: Partial<Parameters<typeof assignFollowup>[2]> = {}) =>
  assignFollowup(deps(), client(), { itemId: FIXTURE.targetId, assignee: 'U0A', actor: 'U0C', note: null, where: { channel: 'C1', threadTs: '9.9' }, dedupeKey: null, ...over });

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
  db = testDb();
  seedFollowupFixture(db);
});

describe('followup service', () => {
  it('writes the follow-up first: a failing Web API is recorded, not fatal', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    const r = await assign();
    expect(r).toMatchObject({ ok: true, created: true, slackError: 'channel_not_found', followup: { id: 'F1', slackError: 'channel_not_found' } });
    // The DM was not attempted after the card failed; the follow-up is there for lists and reminders.
    expect(listForScope(db, { kind: 'mine', user: 'U0A' }, '2026-11-22').map((f) => f.id)).toEqual(['F1']);
  });

  it('admins may change any follow-up', async () => {
    await assign();
    const r = await changeFollowup(deps(), client(), { followupId: 'f1', change: { kind: 'cancel' }, actor: 'U0ADMIN' });
    expect(r).toMatchObject({ ok: true, followup: { status: 'cancelled' } });
  });

  it('asks which follow-up when a thread holds several', async () => {
    await assign();
    await assign({ itemId: FIXTURE.otherMeasureId });
    expect(threadFollowup(db, 'C1', '9.9', null)).toEqual({ ok: false, error: 'ambiguous', ids: ['F1', 'F2'] });
    expect(threadFollowup(db, 'C1', '9.9', 'f2')).toMatchObject({ ok: true, followup: { id: 'F2' } });
  });

  it('lists overdue first and marks follow-ups whose measure vanished', async () => {
    await assign({ due: '2026-12-31' });
    await assign({ due: '2026-11-01', itemId: FIXTURE.otherMeasureId });
    expect(listForScope(db, { kind: 'overdue' }, '2026-11-22').map((f) => f.id)).toEqual(['F2']);
    expect(listForScope(db, { kind: 'all' }, '2026-11-22').map((f) => f.id)).toEqual(['F2', 'F1']);
    dropFixture(db);
    expect(listForScope(db, { kind: 'all' }, '2026-11-22').every((f) => f.measureMissing)).toBe(true);
  });

  it('builds the detail-view section with history for a measure', async () => {
    await assign({ note: 'n' });
    await changeFollowup(deps(), client(), { followupId: 'F1', change: { kind: 'block', reason: 'no <budget>' }, actor: 'U0A' });
    const { followups, events } = measureFollowups(db, FIXTURE.measureId);
    const text = JSON.stringify(followupSectionBlocks(followups, events, followupStrings.en));
    expect(text).toContain('F1');
    expect(text).toContain('no &lt;budget&gt;');
    expect(text).toContain('<@U0A>');
    expect(followupSectionBlocks([], [], followupStrings.en)).toEqual([]);
  });
});
