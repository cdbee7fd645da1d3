import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT_BUSY_TIMEOUT_MS, type RunWrite, retryingWrite } from '../../../src/db/busy-retry.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../../src/db/open.ts';
import { listFollowups } from '../../../src/repo/followups-repo.ts';
import { commonStrings } from '../../../src/slack/kit/strings.ts';
import { FIXTURE, seedFollowupFixture } from '../../helpers/followup-fixture.ts';
import { eventBody, FORM, JSON_TYPE, signedHeaders, slashCommandBody } from '../../helpers/slack-request.ts';
import { botUserId, type Harness, SIGNING_SECRET, startHarness } from '../harness.ts';
import { ASSIGNEE, CHANNEL, CREATOR, mention } from './payloads.ts';

/**
 * While another process (a `measures ingest`) holds the write lock, the bot acks at once, keeps retrying its
 * write with timer pauses, and finishes it when the lock is released; past its retry budget it tells the person
 * the index is busy and writes nothing. The other process is a second connection to the same file.
 */

let dir = '';
let db: Db;
let other: Db;
let h: Harness;
let botId = '';
/** Retries the bot has made so far: the test waits on these, not on time. */
let retries = 0;
let write: RunWrite;
/** The bot's write collaborator with the given retry budget. */
const withBudget = (totalMs: number) =>
  retryingWrite({ totalMs, baseDelayMs: 2, maxDelayMs: 10, onRetry: () => void retries++ });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-busy-'));
  const file = path.join(dir, 'index.db');
  db = openDatabase(file, { busyTimeoutMs: BOT_BUSY_TIMEOUT_MS });
  migrate(db);
  seedFollowupFixture(db);
  other = openDatabase(file, { busyTimeoutMs: 0 });
  h = await startHarness(
    db,
    { BOT_LOCALE: 'en' },
    {
      write: (fn) => write(fn),
    },
  );
  botId = await botUserId(h);
});
afterAll(async () => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  await h.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  h.fake.reset();
  // Long while a test releases the lock itself; the "still busy" case shortens it.
  write = withBudget(30_000);
  retries = 0;
  db.exec('DELETE FROM followup_events; DELETE FROM followups; DELETE FROM processed_events;');
});

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}

async function slash(text: string): Promise<{ status: number; responseUrl: string }> {
  const responseUrl = h.fake.responseUrl();
  const body = slashCommandBody({ text, responseUrl, userId: CREATOR, channelId: CHANNEL });
  const res = await fetch(h.url, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, FORM), body });
  // An answer ready in time comes in the acknowledgement itself.
  const acked = await res.text();
  if (acked.trim() !== '') h.fake.recordAck(responseUrl, JSON.parse(acked));
  return { status: res.status, responseUrl };
}

async function deliver(event: Record<string, unknown>, eventId: string, retryNum?: number): Promise<number> {
  const body = eventBody(event, eventId);
  const headers = signedHeaders(SIGNING_SECRET, body, JSON_TYPE);
  if (retryNum) Object.assign(headers, { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_error' });
  const res = await fetch(h.url, { method: 'POST', headers, body });
  await res.text();
  return res.status;
}

/** A command's answers: in its acknowledgement or at its response_url. */
const repliesTo = (responseUrl: string) =>
  h.fake.calls.filter(
    (c) => (c.method === 'response_url' || c.method === 'command_ack') && c.path === new URL(responseUrl).pathname,
  );
const assignMention = (ts: string) =>
  mention(`<@${botId}> assign ${FIXTURE.measureId} <@${ASSIGNEE}|wang>`, { user: CREATOR, ts });

describe('writes while another process holds the write lock', () => {
  it('/measures assign is acked while the lock is held, and saved and answered once it is released', async () => {
    other.exec('BEGIN IMMEDIATE');
    const { status, responseUrl } = await slash(`assign ${FIXTURE.measureId} <@${ASSIGNEE}|wang>`);
    // The HTTP answer (the ack) came back while the other connection still holds the lock.
    expect(status).toBe(200);
    expect(other.inTransaction).toBe(true);
    await until(() => retries >= 3);
    expect(listFollowups(db)).toEqual([]);
    expect(repliesTo(responseUrl)).toEqual([]);

    other.exec('COMMIT');
    await until(() => repliesTo(responseUrl).length > 0);
    await h.idle();
    const [f] = listFollowups(db);
    expect(f).toMatchObject({ measureId: FIXTURE.measureId, assignee: ASSIGNEE, createdBy: CREATOR });
    expect(repliesTo(responseUrl)[0]!.body.text).toContain(f!.id);
  });

  it('an @mention assign is acked while the lock is held; the card is posted once it is released', async () => {
    other.exec('BEGIN IMMEDIATE');
    expect(await deliver(assignMention('1700000200.000100'), 'EvBUSY1')).toBe(200);
    expect(other.inTransaction).toBe(true);
    await until(() => retries >= 3);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);

    other.exec('COMMIT');
    await h.fake.waitFor('chat.postMessage');
    await h.idle();
    const [f] = listFollowups(db);
    expect(f).toMatchObject({ measureId: FIXTURE.measureId, assignee: ASSIGNEE });
    expect(h.fake.callsTo('chat.postMessage').some((c) => c.body.channel === CHANNEL)).toBe(true);
  });

  it('locked past the retry budget: the person is told the index is busy, nothing is saved, a retry works', async () => {
    write = withBudget(30);
    other.exec('BEGIN IMMEDIATE');
    const { status, responseUrl } = await slash(`assign ${FIXTURE.measureId} <@${ASSIGNEE}|wang>`);
    expect(status).toBe(200);
    expect(await deliver(assignMention('1700000300.000100'), 'EvBUSY2')).toBe(200);
    await h.idle();
    other.exec('ROLLBACK');

    expect(repliesTo(responseUrl).map((c) => c.body.text)).toEqual([commonStrings.en.busyError]);
    const told = h.fake.callsTo('chat.postEphemeral');
    expect(told.map((c) => [c.body.user, c.body.text])).toEqual([[CREATOR, commonStrings.en.busyError]]);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(listFollowups(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM processed_events').get()).toEqual({ n: 0 });

    // Nothing was claimed, so Slack's re-delivery of the event is acted on.
    write = withBudget(30_000);
    expect(await deliver(assignMention('1700000300.000100'), 'EvBUSY2', 1)).toBe(200);
    await h.fake.waitFor('chat.postMessage');
    await h.idle();
    expect(listFollowups(db)).toHaveLength(1);
  });
});
