import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_PATH } from '../../src/slack/app.ts';
import { ACTIONS } from '../../src/slack/ids.ts';
import { MAX_REQUEST_BODY_BYTES } from '../../src/slack/request-guard.ts';
import { buttonPayload, FORM, interactivityBody, JSON_TYPE, slashCommandBody } from '../helpers/slack-request.ts';
import { type Harness, seededDb, startHarness } from './harness.ts';

/**
 * What reaches /slack/events before any listener: oversized bodies are refused without being read, signatures
 * dated too far either way are refused, and signed bodies Bolt cannot route get a 400 instead of a 500 or an
 * unhandled rejection (which vitest reports as a failure of this file, as it would have ended the bot).
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness(await seededDb());
});
afterAll(async () => {
  await h.stop();
});

/** Sends headers and then chunks until the server answers (or `maxBytes` were sent); resolves with the status. */
function streamPost(
  headers: Record<string, string | number>,
  chunkBytes: number,
  maxBytes: number,
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(h.url, { method: 'POST', headers }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(chunkBytes, 'a');
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const healthy = async () => (await fetch(`http://127.0.0.1:${h.port}${HEALTH_PATH}`)).status;

describe('request size', () => {
  it('refuses a declared Content-Length over the cap with 413 before reading the body', async () => {
    const r = await streamPost(
      { 'content-type': JSON_TYPE, 'content-length': 300 * 1024 * 1024 },
      16 * 1024,
      300 * 1024 * 1024,
    );
    expect(r.status).toBe(413);
    // Answered long before the 300 MB were sent.
    expect(r.sent).toBeLessThan(64 * 1024 * 1024);
    expect(await healthy()).toBe(200);
  });

  it('cuts a chunked body at the cap with 413', async () => {
    const r = await streamPost(
      { 'content-type': JSON_TYPE, 'transfer-encoding': 'chunked' },
      64 * 1024,
      200 * 1024 * 1024,
    );
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(64 * 1024 * 1024);
    expect(await healthy()).toBe(200);
  });

  it('still accepts a signed body just under the cap', async () => {
    const body = slashCommandBody({
      text: 'x'.repeat(MAX_REQUEST_BODY_BYTES - 2000),
      responseUrl: h.fake.responseUrl(),
    });
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_REQUEST_BODY_BYTES);
    expect((await h.post(body, FORM)).status).toBe(200);
    await h.idle();
  });
});

describe('signed bodies Bolt cannot route', () => {
  const button = (extra: Record<string, unknown>) => ({
    type: 'block_actions',
    api_app_id: 'A0KRD7HC3',
    team: { id: 'T0G9PQBBK' },
    actions: [],
    ...extra,
  });

  it.each([
    ['JSON null', 'null', JSON_TYPE],
    ['JSON array', '[]', JSON_TYPE],
    ['JSON number', '42', JSON_TYPE],
    ['form payload=null', 'payload=null', FORM],
    ['form payload=[]', 'payload=%5B%5D', FORM],
    ['block_actions without user', interactivityBody(button({})), FORM],
    ['block_actions with user null', interactivityBody(button({ user: null })), FORM],
    [
      'view_submission without view',
      interactivityBody({ type: 'view_submission', user: { id: 'U1' }, team: { id: 'T1' } }),
      FORM,
    ],
    [
      'event_callback without event',
      JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1' }),
      JSON_TYPE,
    ],
    ['not JSON', '{', JSON_TYPE],
  ])('%s → 400, and the bot keeps serving', async (_name, body, type) => {
    expect((await h.post(body, type)).status).toBe(400);
    expect(await healthy()).toBe(200);
  });

  it('a well-formed command right after still gets its answer', async () => {
    const { status, reply } = await h.command('冷链');
    expect(status).toBe(200);
    expect(reply.body.blocks?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('request timestamps', () => {
  const nowSec = () => Math.floor(Date.now() / 1000);
  const body = () => slashCommandBody({ text: 'help', responseUrl: h.fake.responseUrl() });

  it.each([
    ['one hour ahead', 3600],
    ['ten years ahead', 10 * 365 * 86_400],
    ['six minutes ahead', 6 * 60],
    ['ten minutes behind', -10 * 60],
  ])('refuses a correctly signed request dated %s with 401', async (_name, offsetSec) => {
    expect((await h.post(body(), FORM, { timestampSec: nowSec() + offsetSec })).status).toBe(401);
  });

  it('accepts one dated within a few minutes either way', async () => {
    expect((await h.post(body(), FORM, { timestampSec: nowSec() + 120 })).status).toBe(200);
    expect((await h.post(body(), FORM, { timestampSec: nowSec() - 120 })).status).toBe(200);
    await h.idle();
  });

  it('refuses a bad signature and an unsigned body', async () => {
    const b = body();
    expect((await h.post(b, FORM, { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': FORM }, body: b });
    expect(res.status).toBe(401);
  });

  /** Sends `body` unsigned to exactly `rawPath` (fetch would normalise `/./` and drop `#…`). */
  function postRaw(rawPath: string, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: h.port, path: rawPath, method: 'POST', headers: { 'content-type': FORM } },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => {
            text += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  // Bolt does not check signatures again (the guard is the one check), so no spelling of the events path may
  // reach Bolt's dispatch without passing the guard.
  it.each([
    '/slack/events?ssl_check=0',
    '/slack/events#x',
    '//slack/events',
    '/slack/events/',
    '/SLACK/EVENTS',
    '/slack/%65vents',
    '/slack/./events',
    '/slack/../slack/events',
  ])('answers an unsigned command posted to %s without running it', async (rawPath) => {
    const before = h.fake.calls.length;
    const res = await postRaw(rawPath, slashCommandBody({ text: '冷链', responseUrl: h.fake.responseUrl() }));
    expect([401, 404]).toContain(res.status);
    expect(res.text).not.toMatch(/冷链|blocks/);
    await h.idle();
    expect(h.fake.calls.length).toBe(before);
  });

  it("answers Slack's unsigned SSL check with 200 and runs nothing smuggled into its body", async () => {
    const responseUrl = h.fake.responseUrl();
    const button = interactivityBody(
      buttonPayload({ actionId: ACTIONS.SEARCH_MORE, value: JSON.stringify({ q: '冷链', o: 8 }), responseUrl }),
    );
    const before = h.fake.calls.length;
    for (const body of [
      'ssl_check=1&token=x',
      `ssl_check=1&${button}`,
      `ssl_check=1&${slashCommandBody({ text: '冷链', responseUrl })}`,
      `${slashCommandBody({ text: '冷链', responseUrl })}&ssl_check=1`,
    ]) {
      const res = await postRaw('/slack/events', body);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
    }
    await h.idle();
    expect(h.fake.calls.length).toBe(before);
  });
});
