import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { createSlackApp, type SlackApp } from '../../src/slack/app.ts';
import { ACTIONS, SHORTCUTS, VIEWS } from '../../src/slack/ids.ts';
import { RESULTS_PAGE_SIZE, SLASH_COMMAND_ACK_MS } from '../../src/slack/kit/limits.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import {
  envelope,
  type FakeSocketMode,
  type SocketConnection,
  startFakeSocketMode,
} from '../helpers/fake-socket-mode.ts';
import { SHARED_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';
import { buttonsOf, NOW, seededDb, TODAY, visibleText } from './harness.ts';

/**
 * Socket Mode end to end: the real Bolt app from createSlackApp({mode:'socket'}) fetches its WebSocket URL with
 * the app-level token, connects to a local fake Slack, and receives Slack's own envelope shapes
 * (slack-reference/socket-mode/*.json) over the socket; acks come back on the socket, answers go to the fake
 * Web API / response_url. The tests run in order on one connection (the last one replaces it).
 */

const REF = path.join(SHARED_DIR, 'slack-reference');
const fixture = (name: string): Record<string, any> => JSON.parse(fs.readFileSync(path.join(REF, name), 'utf8'));
/** The bot user the fake's auth.test reports: Bolt strips mentions of it. */
const BOT_USER_ID: string = fixture('web-api/examples/auth.test.success_with_bot_token.json').user_id;
const APP_TOKEN = 'xapp-test';
/**
 * The client waits this long before reconnecting after a disconnect (the library's default is 5 s). It is also
 * its pong deadline, so it stays well above any pause of the event loop this file causes: a missed pong would
 * close the connection under a test.
 */
const CLIENT_PING_TIMEOUT_MS = 1500;

let db: Db;
let fake: FakeSlack;
let socket: FakeSocketMode;
let slack: SlackApp;
let conn: SocketConnection;
const errors: string[] = [];

beforeAll(async () => {
  db = await seededDb();
  fake = await startFakeSlack();
  socket = await startFakeSocketMode(fake, APP_TOKEN);
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: socket.apiUrl,
    LOG_LEVEL: 'silent',
    DIGEST_TZ: 'Asia/Shanghai',
  });
  // Handlers swallow their errors (logged, user told): collect error lines so a test cannot pass over one.
  const logger = createLogger('error', (line) => errors.push(line));
  slack = createSlackApp(
    { db, clock: fixedClock(NOW), logger, config, segmenter: testSegmenter },
    { mode: 'socket', appToken: config.SLACK_APP_TOKEN!, clientPingTimeoutMs: CLIENT_PING_TIMEOUT_MS },
    config.SLACK_BOT_TOKEN!,
  );
  const started = slack.start();
  // A refused token or URL makes start() reject: fail at once rather than time out waiting for the socket.
  conn = await Promise.race([socket.waitForConnection(1), started.then(() => new Promise<never>(() => {}))]);
  // The client counts as connected (start() resolves) only once Slack says hello.
  await conn.send(fixture('socket-mode/hello.json'));
  await started;
});

afterAll(async () => {
  await slack?.stop();
  await socket?.stop();
  await fake?.stop();
  db?.close();
});

beforeEach(() => fake.reset());
afterEach(() => {
  fake.assertNoViolations();
  expect(errors).toEqual([]);
});

/** envelope.slash_commands.json with our command in it. */
function slashCommand(text: string, responseUrl: string) {
  const { payload } = fixture('socket-mode/envelope.slash_commands.json');
  return envelope('slash_commands', { ...payload, command: '/measures', text, response_url: responseUrl });
}

/** The ack frame must echo the envelope id; a bare ack() carries no payload text (no immediate reply). */
function expectBareAck(ack: Record<string, any>, env: { envelope_id: string }, ackMs: number) {
  expect(ack.envelope_id).toBe(env.envelope_id);
  expect(ack.payload ?? {}).toEqual({});
  expect(ackMs).toBeLessThan(SLASH_COMMAND_ACK_MS);
}

/**
 * A slash command's ack frame carries its answer (Slack posts the ack's payload as the reply); recorded in the
 * fake so its Block Kit is checked as Slack would check it.
 */
function answerInAck(ack: Record<string, any>, env: { envelope_id: string }, ackMs: number, responseUrl: string) {
  expect(ack.envelope_id).toBe(env.envelope_id);
  expect(ackMs).toBeLessThan(SLASH_COMMAND_ACK_MS);
  expect(ack.payload).toBeDefined();
  return fake.recordAck(responseUrl, ack.payload);
}

describe('Socket Mode', () => {
  it('opens the connection with the app-level token, not the bot token', () => {
    expect(socket.opens).toEqual([{ authorization: `Bearer ${APP_TOKEN}`, ticket: 1 }]);
    expect(conn.open).toBe(true);
  });

  it('/measures 冷链: answers with the search results in the envelope ack, within the deadline', async () => {
    const responseUrl = fake.responseUrl();
    const env = slashCommand('冷链', responseUrl);
    const { ack, ackMs } = await conn.deliver(env);
    const reply = answerInAck(ack, env, ackMs, responseUrl);
    // One exchange: nothing more goes to response_url.
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.callsTo('response_url').filter((c) => c.path === new URL(responseUrl).pathname)).toEqual([]);
    expect(reply.body.response_type).toBe('ephemeral');
    const expected = searchMeasures(db, { query: '冷链', limit: RESULTS_PAGE_SIZE, today: TODAY }, testSegmenter);
    expect(expected.hits.length).toBeGreaterThan(0);
    const text = visibleText(reply.body.blocks);
    for (const hit of expected.hits) expect(text).toContain(`\`${hit.measureId}\``);
    expect(text).toContain('*冷链*');
    const details = buttonsOf(reply.body.blocks)
      .filter((b) => b.actionId === ACTIONS.SHOW_MEASURE)
      .map((b) => b.value);
    expect(details).toEqual(expected.hits.map((h) => h.measureId));
  });

  it('block_actions "Details": acks, then answers with the detail view as a new ephemeral message', async () => {
    const hit = searchMeasures(db, { query: '冷链', limit: 1, today: TODAY }, testSegmenter).hits[0]!;
    const { payload } = fixture('socket-mode/envelope.interactive.block_actions.json');
    const responseUrl = fake.responseUrl();
    const env = envelope('interactive', {
      ...payload,
      response_url: responseUrl,
      actions: [{ ...payload.actions[0], action_id: ACTIONS.SHOW_MEASURE, value: hit.measureId }],
    });
    const { ack, ackMs } = await conn.deliver(env);
    expectBareAck(ack, env, ackMs);

    const reply = await fake.waitForPath(new URL(responseUrl).pathname);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(reply.body.blocks)).toContain(`\`${hit.measureId}\``);
    expect(reply.body.blocks[0].text.text).toContain(hit.title.slice(0, 20));
  });

  it('events_api app_mention: acks, then answers with chat.postMessage in the thread of the mention', async () => {
    const { payload } = fixture('socket-mode/envelope.events_api.app_mention.json');
    const env = envelope('events_api', {
      ...payload,
      event_id: 'EvSOCKET1',
      event: { ...payload.event, text: `<@${BOT_USER_ID}> 冷链` },
    });
    const { ack, ackMs } = await conn.deliver(env);
    expectBareAck(ack, env, ackMs);

    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: payload.event.channel, thread_ts: payload.event.ts });
    expect(visibleText(post!.body.blocks)).toContain('*冷链*');
  });

  it('message shortcut "Assign follow-up": acks, then opens the assign modal with the trigger', async () => {
    const payload = fixture('payloads/message-action.real-anon.json');
    const env = envelope('interactive', {
      ...payload,
      callback_id: SHORTCUTS.ASSIGN_FOLLOWUP_MESSAGE,
      trigger_id: '111.222.socket',
    });
    const { ack, ackMs } = await conn.deliver(env);
    expectBareAck(ack, env, ackMs);

    const [open] = await fake.waitFor('views.open');
    expect(open!.body.trigger_id).toBe('111.222.socket');
    expect(open!.body.view.callback_id).toBe(VIEWS.ASSIGN_FOLLOWUP_MODAL);
    expect(JSON.parse(open!.body.view.private_metadata)).toMatchObject({
      channel: payload.channel.id,
      threadTs: payload.message.ts,
    });
  });

  it('disconnect (refresh_requested): closes the socket, fetches a new URL, reconnects and keeps answering', async () => {
    await conn.send({ ...fixture('socket-mode/disconnect.json'), reason: 'refresh_requested' });
    expect(await conn.closed).toBe(1000);
    // @slack/socket-mode waits clientPingTimeout before reconnecting.
    const next = await socket.waitForConnection(2, CLIENT_PING_TIMEOUT_MS + 4000);
    expect(socket.opens).toHaveLength(2);
    expect(socket.opens[1]).toMatchObject({ authorization: `Bearer ${APP_TOKEN}`, ticket: 2 });
    await next.send(fixture('socket-mode/hello.json'));
    conn = next;

    const responseUrl = fake.responseUrl();
    const env = slashCommand('冷链', responseUrl);
    const { ack, ackMs } = await next.deliver(env);
    const reply = answerInAck(ack, env, ackMs, responseUrl);
    expect(visibleText(reply.body.blocks)).toContain('*冷链*');
  });

  it('stop() closes the socket with a normal closure', async () => {
    await slack.stop();
    expect(await conn.closed).toBe(1000);
    expect(socket.opens).toHaveLength(2);
  });
});
