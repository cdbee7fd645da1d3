import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { type HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../lib/logger.ts';

/**
 * The one check of requests to the events endpoint: Bolt's HTTPReceiver is built with its own signature check
 * off (src/slack/app.ts), and would otherwise buffer any body whole (unsigned ones included), accept
 * signatures dated in the future, and throw on a signed body that is valid JSON but not an object (`null`), or
 * on an interactivity payload without the fields it reads (`user`, `view`). This guard runs first: it reads the
 * body with a cap, answers Slack's unsigned SSL check itself, verifies every other body's signature within a
 * window both ways, checks the envelope's shape, and only then hands the request (body already buffered,
 * which Bolt then uses instead of reading again) to Bolt. It matches requests as Bolt does (method and path).
 */

/** Slack's payloads are a few KB; the largest (a view submission with every block) stays far below this. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
/** Slack's own rule: a request timestamp more than five minutes away from now (either way) is refused. */
export const MAX_REQUEST_CLOCK_SKEW_SEC = 5 * 60;

const FORM = 'application/x-www-form-urlencoded';

const userRef = z.object({ id: z.string().min(1) }).passthrough();
/** Interactivity payloads Bolt routes by reading `user` (and, for views, `view`) without checking them. */
const INTERACTIVE_TYPES = new Set([
  'block_actions',
  'block_suggestion',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
  'view_submission',
  'view_closed',
]);
const VIEW_TYPES = new Set(['view_submission', 'view_closed']);
const viewRef = z.object({ id: z.string().min(1), callback_id: z.string() }).passthrough();
const eventEnvelope = z.object({ event: z.object({ type: z.string().min(1) }).passthrough() }).passthrough();

/** Why a verified body is refused, or null when Bolt can route it. */
export function envelopeProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not an object';
  const b = body as Record<string, unknown>;
  const type = typeof b.type === 'string' ? b.type : undefined;
  if (type !== undefined && INTERACTIVE_TYPES.has(type)) {
    if (!userRef.safeParse(b.user).success) return `${type} without a user`;
    if (VIEW_TYPES.has(type) && !viewRef.safeParse(b.view).success) return `${type} without a view`;
  }
  if (type === 'event_callback' && !eventEnvelope.safeParse(b).success) return 'event_callback without an event';
  if (type === undefined && typeof b.command !== 'string' && b.ssl_check !== '1')
    return 'neither a payload, an event nor a command';
  return null;
}

/**
 * Bolt's own reading of a body (a form's `payload` field holds JSON; other forms are slash commands), from the
 * form's fields when it is a form.
 */
function parseBody(raw: string, form: ReturnType<typeof parseQuery> | null): unknown {
  if (form) return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
  return JSON.parse(raw);
}

type Read = { ok: true; body: Buffer } | { ok: false };

/** Reads at most `maxBytes`; stops reading (and says so) as soon as the body is longer. */
function readCapped(req: IncomingMessage, maxBytes: number): Promise<Read> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: Read) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        finish({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ ok: true, body: Buffer.concat(chunks) }));
    req.once('error', () => finish({ ok: false }));
    // The client went away before the end: nothing to hand on.
    req.once('close', () => finish({ ok: false }));
  });
}

/** Answers without reading the rest of the body, and closes the connection so the client stops sending it. */
function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: 'close', 'content-type': 'text/plain; charset=utf-8' });
  res.end();
  res.once('finish', () => res.req.destroy());
}

export interface RequestGuardOptions {
  signingSecret: string;
  endpoints: readonly string[];
  logger: Logger;
  maxBodyBytes?: number;
  /**
   * The wall clock in ms. Not the app's Clock: request timestamps are Slack's real time, and the app's clock
   * may be pinned (tests, replays).
   */
  wallClockMs?: () => number;
}

/**
 * Wraps a request listener: POSTs to `endpoints` are read (capped), verified and shape-checked before `next`
 * sees them; everything else goes straight to `next`.
 *
 * @example
 * receiver.requestListener = guardSlackRequests(receiver.requestListener, { signingSecret, endpoints: ['/slack/events'], logger });
 */
export function guardSlackRequests(next: RequestListener, opts: RequestGuardOptions): RequestListener {
  const maxBytes = opts.maxBodyBytes ?? MAX_REQUEST_BODY_BYTES;
  const nowMs = opts.wallClockMs ?? Date.now;
  const endpoints = new Set(opts.endpoints);
  const log = opts.logger;

  const check = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      log.warn('request refused: body too large', { contentLength: declared, maxBytes });
      refuse(res, 413);
      return false;
    }
    const read = await readCapped(req, maxBytes);
    if (!read.ok) {
      log.warn('request refused: body too large or cut off', { maxBytes });
      refuse(res, 413);
      return false;
    }
    const raw = read.body.toString('utf8');
    const form = req.headers['content-type'] === FORM ? parseQuery(raw) : null;
    if (form?.ssl_check === '1') {
      // Slack's SSL check is unsigned and wants only a 200. It is answered here and never reaches Bolt, which no
      // longer verifies signatures itself: whatever else such a body carries (a smuggled payload) is not run.
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
      return false;
    }
    const timestampSec = Number(req.headers['x-slack-request-timestamp']);
    const signature = req.headers['x-slack-signature'];
    const skewSec = Math.abs(Math.floor(nowMs() / 1000) - timestampSec);
    const valid =
      typeof signature === 'string' &&
      Number.isFinite(timestampSec) &&
      skewSec <= MAX_REQUEST_CLOCK_SKEW_SEC &&
      isValidSlackRequest({
        signingSecret: opts.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSec },
        nowMilliseconds: nowMs(),
      });
    if (!valid) {
      log.warn('request refused: bad signature or timestamp', {
        timestampSkewSec: Number.isFinite(skewSec) ? skewSec : null,
      });
      refuse(res, 401);
      return false;
    }
    let problem: string | null;
    try {
      problem = envelopeProblem(parseBody(raw, form));
    } catch {
      problem = 'the body is not valid JSON';
    }
    if (problem) {
      log.warn('request refused: malformed body', { problem });
      refuse(res, 400);
      return false;
    }
    // Bolt reads a request whose rawBody is already a Buffer from there instead of from the stream.
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = read.body;
    return true;
  };

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method?.toUpperCase() !== 'POST' || !endpoints.has(path)) {
      next(req, res);
      return;
    }
    check(req, res).then(
      (ok) => {
        if (!ok) return;
        try {
          next(req, res);
        } catch (err) {
          log.error('request handling failed', { error: (err as Error).message });
          if (!res.headersSent) refuse(res, 500);
        }
      },
      (err: unknown) => {
        log.error('request guard failed', { error: (err as Error).message });
        if (!res.headersSent) refuse(res, 500);
      },
    );
  };
}

/** Puts the guard in front of an HTTPReceiver's request handling (its server calls `requestListener`). */
export function guardHttpReceiver<R extends HTTPReceiver>(receiver: R, opts: RequestGuardOptions): R {
  receiver.requestListener = guardSlackRequests(receiver.requestListener, opts);
  return receiver;
}
