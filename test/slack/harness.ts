import { type Config, loadConfig } from '../../src/config.ts';
import type { RunWrite } from '../../src/db/busy-retry.ts';
import type { Db } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import type { SearchThreads } from '../../src/services/search-threads.ts';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../src/slack/app.ts';
import { seededDb as seedIndex } from '../helpers/db.ts';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.ts';
import { testSegmenter } from '../helpers/segmenter.ts';
import {
  buttonPayload,
  eventBody,
  FORM,
  interactivityBody,
  JSON_TYPE,
  signedHeaders,
  slashCommandBody,
} from '../helpers/slack-request.ts';

/**
 * The Slack app under test, for real: Bolt's HTTP receiver on an ephemeral port, requests signed as Slack
 * signs them, Web API and response_url pointed at a local fake. Use one per test file (beforeAll).
 */

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export { SEEDS_DIR } from '../helpers/paths.ts';
/** A fixed "now": 2023-03-01 10:00 in Shanghai, so "past due" is stable. */
export const NOW = '2023-03-01T02:00:00Z';
export const TODAY = '2023-03-01';

export function seededDb(): Promise<Db> {
  return seedIndex(NOW);
}

export interface Harness {
  fake: FakeSlack;
  slack: SlackApp;
  config: Config;
  url: string;
  port: number;
  /** POSTs a raw body, signed (or as told), returns the HTTP status and body. */
  post(
    body: string,
    contentType: string,
    opts?: { timestampSec?: number; signature?: string },
  ): Promise<{ status: number; text: string }>;
  /**
   * Runs `/measures <text>` and returns its answer: the acknowledgement's message (recorded in the fake as
   * `command_ack`) or, when the work outlasted the acknowledgement, the first response_url post it caused.
   */
  command(
    text: string,
    opts?: { userId?: string; channelId?: string },
  ): Promise<{ status: number; reply: RecordedCall; responseUrl: string }>;
  /** Presses a button; returns the HTTP status (the effects arrive at the fake afterwards). */
  press(
    actionId: string,
    value: string,
    opts?: { channelId?: string },
  ): Promise<{ status: number; responseUrl: string }>;
  event(event: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number }>;
  /**
   * Resolves once no request is being handled: every handler of the requests posted so far has finished, with
   * all its Web API calls recorded. A positive signal for "nothing (more) happened" — handlers are async, so
   * requests do not finish in arrival order.
   */
  idle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Fakes of the running harnesses: each test fails if the app sent Slack a payload it would reject (the app
 * often only logs the error, so the test would pass). Imported lazily because the benchmarks (test/bench, run
 * by tsx, not vitest) use this harness too and vitest cannot be loaded outside its runner; fake.stop() still
 * throws there.
 */
const liveFakes = new Set<FakeSlack>();
const vitest = await import('vitest').catch(() => undefined);
vitest?.afterEach(() => {
  for (const fake of liveFakes) fake.assertNoViolations();
});

export async function startHarness(
  db: Db,
  env: Record<string, string> = {},
  opts: { write?: RunWrite; searchThreads?: SearchThreads; searchCacheEntries?: number } = {},
): Promise<Harness> {
  const fake = await startFakeSlack();
  liveFakes.add(fake);
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DIGEST_TZ: 'Asia/Shanghai',
    ...env,
  });
  const slack = createSlackApp(
    {
      db,
      clock: fixedClock(NOW),
      logger: silentLogger,
      config,
      segmenter: testSegmenter,
      ...(opts.write ? { write: opts.write } : {}),
      ...(opts.searchThreads ? { searchThreads: opts.searchThreads } : {}),
      ...(opts.searchCacheEntries === undefined ? {} : { searchCacheEntries: opts.searchCacheEntries }),
    },
    { mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
    config.SLACK_BOT_TOKEN!,
  );
  // Counts handlers in flight for idle(). The receiver calls app.processEvent for every verified request before
  // it answers Slack, so a request is counted before its HTTP response reaches the test.
  let inFlight = 0;
  const processEvent = slack.app.processEvent.bind(slack.app);
  slack.app.processEvent = async (event) => {
    inFlight++;
    try {
      return await processEvent(event);
    } finally {
      inFlight--;
    }
  };
  const { port } = await slack.start();
  const url = `http://127.0.0.1:${port!}${EVENTS_PATH}`;

  const post: Harness['post'] = async (body, contentType, opts = {}) => {
    const headers = signedHeaders(SIGNING_SECRET, body, contentType, opts.timestampSec);
    if (opts.signature) headers['x-slack-signature'] = opts.signature;
    const res = await fetch(url, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text() };
  };

  return {
    fake,
    slack,
    config,
    url,
    port: port!,
    post,
    async command(text, opts = {}) {
      const responseUrl = fake.responseUrl();
      const path = new URL(responseUrl).pathname;
      const { status, text: acked } = await post(slashCommandBody({ text, responseUrl, ...opts }), FORM);
      // The answer comes in the acknowledgement, or (slow work) later through response_url.
      if (acked.trim() !== '') return { status, reply: fake.recordAck(responseUrl, JSON.parse(acked)), responseUrl };
      const reply = await fake.waitForPath(path);
      return { status, reply, responseUrl };
    },
    async press(actionId, value, opts = {}) {
      const responseUrl = fake.responseUrl();
      const { status } = await post(interactivityBody(buttonPayload({ actionId, value, responseUrl, ...opts })), FORM);
      return { status, responseUrl };
    },
    async event(event, headers = {}) {
      const body = eventBody(event);
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...signedHeaders(SIGNING_SECRET, body, JSON_TYPE), ...headers },
        body,
      });
      await res.text();
      return { status: res.status };
    },
    async idle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      // One macrotask first: a response just read may still have continuations queued in the server.
      do {
        await new Promise((r) => setTimeout(r, 5));
        if (Date.now() > deadline) throw new Error(`harness not idle after ${timeoutMs} ms (${inFlight} in flight)`);
      } while (inFlight > 0);
    },
    async stop() {
      liveFakes.delete(fake);
      await slack.stop();
      await fake.stop();
    },
  };
}

/** All the text a user can read in a message: section texts, fields, context, header, button labels. */
export function visibleText(blocks: any[]): string {
  const out: string[] = [];
  for (const b of blocks ?? []) {
    if (b.text?.text) out.push(b.text.text);
    for (const f of b.fields ?? []) out.push(f.text);
    for (const e of b.elements ?? []) out.push(typeof e.text === 'string' ? e.text : (e.text?.text ?? ''));
    if (b.accessory?.text?.text) out.push(b.accessory.text.text);
  }
  return out.join('\n');
}

/** The buttons in a message: action id, value, label. */
export function buttonsOf(blocks: any[]): { actionId: string; value: string; label: string }[] {
  const out: { actionId: string; value: string; label: string }[] = [];
  for (const b of blocks ?? []) {
    const els = b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [];
    for (const e of els)
      if (e.type === 'button') out.push({ actionId: e.action_id, value: e.value, label: e.text.text });
  }
  return out;
}

/** The bot's user id, as auth.test at the harness's fake Slack reports it (Bolt strips mentions of it). */
export async function botUserId(h: Harness): Promise<string> {
  const res = await fetch(`${h.fake.apiUrl}auth.test`, { method: 'POST' });
  return ((await res.json()) as { user_id: string }).user_id;
}
