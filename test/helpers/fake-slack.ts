import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SHARED_DIR } from './paths.ts';

/**
 * A local fake of Slack's Web API and response_url endpoints. Records every call (form fields decoded, JSON
 * strings inside them parsed), answers with Slack's real response shapes (slack-reference/web-api/examples),
 * and can be told to fail the next call to a method with an error code or a 429.
 */

const EXAMPLES = path.join(SHARED_DIR, 'slack-reference/web-api/examples');

export interface RecordedCall {
  /** Web API method (chat.postMessage) or 'response_url'. */
  method: string;
  path: string;
  body: Record<string, any>;
  at: number;
  /** What the fake answered (e.g. the ts of a posted message). */
  response?: Record<string, any>;
}

type Failure = { kind: 'error'; error: string } | { kind: 'ratelimit'; retryAfterSec: number };

function example(name: string): Record<string, unknown> | undefined {
  const file = path.join(EXAMPLES, `${name}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

function decode(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private readonly waiters = new Set<(c: RecordedCall) => void>();
  private server: http.Server | undefined;
  private base = '';
  private responseSeq = 0;
  private ts = 1_503_435_956;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** SLACK_API_URL for the app under test. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A fresh response_url (Slack issues one per command or action). */
  responseUrl(): string {
    return `${this.base}/respond/${++this.responseSeq}`;
  }

  /** The next call to `method` fails with `{ok:false, error}` (e.g. not_in_channel). */
  failNext(method: string, error: string): void {
    this.push(method, { kind: 'error', error });
  }

  /** The next call to `method` gets HTTP 429 with Retry-After. */
  rateLimitNext(method: string, retryAfterSec = 1): void {
    this.push(method, { kind: 'ratelimit', retryAfterSec });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `count` calls to `method` were recorded (the app answers asynchronously after ack). */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const got = this.callsTo(method);
      if (got.length >= count) return got;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${count} × ${method}; saw: ${this.calls.map((c) => c.method).join(', ') || 'nothing'}`);
  }

  /** Resolves with the first call posted to `path` (e.g. a response_url's path), without polling. */
  waitForPath(path: string, timeoutMs = 10_000): Promise<RecordedCall> {
    const done = this.calls.find((c) => c.path === path);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`timed out waiting for a call to ${path}`));
      }, timeoutMs);
      const w = (c: RecordedCall) => {
        if (c.path !== path) return;
        clearTimeout(timer);
        this.waiters.delete(w);
        resolve(c);
      };
      this.waiters.add(w);
    });
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
  }

  private push(method: string, f: Failure): void {
    const list = this.failures.get(method) ?? [];
    list.push(f);
    this.failures.set(method, list);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const method = url.startsWith('/respond/') ? 'response_url' : url.replace(/^\/api\//, '').split('?')[0]!;
      let body: Record<string, any>;
      try {
        body = decode(raw, req.headers['content-type']);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const call: RecordedCall = { method, path: url, body, at: Date.now() };
      this.calls.push(call);
      for (const w of this.waiters) w(call);
      const failure = this.failures.get(method)?.shift();
      if (failure?.kind === 'ratelimit') {
        res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(failure.retryAfterSec) });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      const answer = failure?.kind === 'error' ? { ok: false, error: failure.error } : method === 'response_url' ? { ok: true } : this.success(method, body);
      call.response = answer;
      this.json(res, answer);
    });
  }

  private success(method: string, body: Record<string, any>): Record<string, unknown> {
    const ts = `${++this.ts}.000200`;
    switch (method) {
      case 'auth.test':
        return example('auth.test.success_with_bot_token')!;
      case 'chat.postMessage':
        return { ...example('chat.postMessage.success')!, channel: body.channel, ts, message: { type: 'message', text: body.text, ts, bot_id: 'BZYBOTHED' } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'views.publish':
      case 'views.open':
      case 'views.update':
      case 'views.push':
        return { ...(example(`${method}.success`) ?? { ok: true }), ok: true, view: { id: 'V0123456', ...(body.view ?? {}) } };
      default:
        return example(`${method}.success`) ?? { ok: true };
    }
  }

  private json(res: http.ServerResponse, obj: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(obj));
  }
}

export async function startFakeSlack(): Promise<FakeSlack> {
  return new FakeSlack().start();
}
