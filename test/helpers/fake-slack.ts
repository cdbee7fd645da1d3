import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { formatViolation, type Report, type Violation, validateMessage, validateView } from './block-kit-validator.ts';
import { SHARED_DIR } from './paths.ts';

/**
 * A local fake of Slack's Web API and response_url endpoints. Records every call (form fields decoded, JSON
 * strings inside them parsed), answers with Slack's real response shapes (slack-reference/web-api/examples),
 * and can be told to fail the next call to a method with an error code or a 429.
 *
 * Every message and view is checked with the Block Kit validator: an invalid one is answered as Slack answers it
 * (invalid_blocks / msg_blocks_too_long / invalid_arguments, or HTTP 400 on a response_url) AND recorded in
 * `violations`, because the app under test often swallows the error (logs it) and the test would still pass.
 * `stop()` throws while unreported violations remain, so every test file that starts a fake fails loudly.
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

/** A payload Slack would have rejected. */
export interface BlockKitViolation {
  method: string;
  path: string;
  /** What Slack would answer: invalid_blocks, msg_blocks_too_long or invalid_arguments. */
  error: string;
  errors: Violation[];
  body: Record<string, any>;
}

/** Methods whose `text`/`blocks` form a message. */
const MESSAGE_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.scheduleMessage',
  'response_url',
  'command_ack',
]);
/** Methods that carry a `view`. */
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

function check(method: string, body: Record<string, any>): Report | undefined {
  if (MESSAGE_METHODS.has(method)) return validateMessage(body);
  if (VIEW_METHODS.has(method)) return validateView(body.view);
  return undefined;
}

/** The error code Slack gives the whole call: per-block problems win over the cumulative-size one. */
function errorCode(method: string, errors: Violation[]): string {
  if (VIEW_METHODS.has(method)) return 'invalid_arguments';
  return errors.every((e) => e.code === 'msg_blocks_too_long') ? 'msg_blocks_too_long' : 'invalid_blocks';
}

type Failure =
  | { kind: 'error'; error: string }
  | { kind: 'ratelimit'; retryAfterSec: number }
  | { kind: 'reset' }
  | { kind: 'hang' };

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

/** A file the fake serves: files.info answers with it, and its url_private_download serves `bytes`. */
export interface FakeFile {
  id: string;
  name: string;
  bytes: Uint8Array;
  /** What files.info reports as `size` (default: the real length). */
  size?: number;
  /** Where it was shared: channel → message ts (files.info `shares`). */
  shares?: Record<string, string>;
}

/** Path prefix of the fake's file downloads (Slack's is files.slack.com/files-pri/…). */
const FILES_PATH = '/files-pri/';

export class FakeSlack {
  /** The token a file download must carry (Authorization: Bearer …); anything else gets Slack's sign-in page. */
  botToken = 'xoxb-test-token';
  private readonly files = new Map<string, FakeFile>();
  readonly calls: RecordedCall[] = [];
  /** Payloads Slack would have rejected (see the class comment). */
  readonly violations: BlockKitViolation[] = [];
  /** Accepted but dubious payloads (e.g. blocks without fallback `text`); informational. */
  readonly warnings: BlockKitViolation[] = [];
  /** How many of `violations` an assertion already reported (so stop() does not report them twice). */
  private reported = 0;
  private readonly failures = new Map<string, Failure[]>();
  private readonly waiters = new Set<(c: RecordedCall) => void>();
  private server: http.Server | undefined;
  private base = '';
  private responseSeq = 0;
  private ts = 1_503_435_956;

  /** Records a call, checks its Block Kit as Slack would and wakes waiters; returns the call and its violation. */
  private record(
    method: string,
    url: string,
    body: Record<string, any>,
  ): { call: RecordedCall; invalid: BlockKitViolation | undefined } {
    const call: RecordedCall = { method, path: url, body, at: Date.now() };
    this.calls.push(call);
    const report = check(method, body);
    if (report?.warnings.length)
      this.warnings.push({ method, path: url, error: 'warning', errors: report.warnings, body });
    const invalid = report?.errors.length
      ? { method, path: url, error: errorCode(method, report.errors), errors: report.errors, body }
      : undefined;
    if (invalid) this.violations.push(invalid);
    for (const w of this.waiters) w(call);
    return { call, invalid };
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Closes the server, then throws if any payload Slack would have rejected was not reported yet. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.assertNoViolations();
  }

  /** Throws (once per violation) listing every payload Slack would have rejected since the last check. */
  assertNoViolations(): void {
    const fresh = this.violations.slice(this.reported);
    this.reported = this.violations.length;
    if (fresh.length === 0) return;
    const lines = fresh.map(
      (v) => `${v.method} (${v.path}) → ${v.error}:\n${v.errors.map((e) => `    ${formatViolation(e)}`).join('\n')}`,
    );
    throw new Error(`Slack would reject ${fresh.length} payload(s) as invalid Block Kit:\n  ${lines.join('\n  ')}`);
  }

  /** For tests that send an invalid payload on purpose: returns the violations and forgets them. */
  takeViolations(): BlockKitViolation[] {
    const taken = this.violations.splice(0);
    this.reported = 0;
    return taken;
  }

  /** SLACK_API_URL for the app under test. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A fresh response_url (Slack issues one per command or action). */
  responseUrl(): string {
    return `${this.base}/respond/${++this.responseSeq}`;
  }

  /**
   * Records a slash command's acknowledgement that carried a message (Slack posts it to the user as it would a
   * response_url post), checked as Slack checks messages. Method `command_ack`, path the command's response_url.
   */
  recordAck(responseUrl: string, body: Record<string, any>): RecordedCall {
    const path = new URL(responseUrl).pathname;
    return this.record('command_ack', path, body).call;
  }

  /** The next call to `method` fails with `{ok:false, error}` (e.g. not_in_channel). */
  failNext(method: string, error: string): void {
    this.push(method, { kind: 'error', error });
  }

  /** The next call to `method` gets HTTP 429 with Retry-After. */
  rateLimitNext(method: string, retryAfterSec = 1): void {
    this.push(method, { kind: 'ratelimit', retryAfterSec });
  }

  /**
   * The next call to `method` is accepted (recorded, as if Slack posted it) but its connection is reset
   * before any answer: the caller cannot tell whether it went through.
   */
  resetAfterNext(method: string): void {
    this.push(method, { kind: 'reset' });
  }

  /** The next call to `method` is recorded and never answered (Slack unreachable mid-request). */
  hangNext(method: string): void {
    this.push(method, { kind: 'hang' });
  }

  /** Registers a file for files.info and its download URL. */
  addFile(file: FakeFile): void {
    this.files.set(file.id, file);
  }

  /** The download URL files.info gives for a file id. */
  downloadUrl(id: string): string {
    const f = this.files.get(id);
    return `${this.base}${FILES_PATH}T0001-${id}/download/${encodeURIComponent(f?.name ?? id)}`;
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
    throw new Error(
      `timed out waiting for ${count} × ${method}; saw: ${this.calls.map((c) => c.method).join(', ') || 'nothing'}`,
    );
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

  /** Forgets calls and queued failures, not violations: those must still fail the test file. */
  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
  }

  private push(method: string, f: Failure): void {
    const list = this.failures.get(method) ?? [];
    list.push(f);
    this.failures.set(method, list);
  }

  /** A file download, recorded as method `file_download` with the Authorization header it carried. */
  private download(req: http.IncomingMessage, res: http.ServerResponse, url: string): void {
    const id = /^\/files-pri\/T0001-([^/]+)\//.exec(url)?.[1] ?? '';
    const auth = req.headers.authorization ?? '';
    this.calls.push({ method: 'file_download', path: url, body: { authorization: auth }, at: Date.now() });
    const file = this.files.get(id);
    if (auth !== `Bearer ${this.botToken}`) {
      // What Slack does for a request without a valid token: its sign-in page, not the file.
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body>Sign in to Slack</body></html>');
      return;
    }
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from(file.bytes));
  }

  private fileInfo(body: Record<string, any>): Record<string, unknown> {
    const f = this.files.get(String(body.file ?? ''));
    if (!f) return { ok: false, error: 'file_not_found' };
    const shares: Record<string, Record<string, { ts: string }[]>> = {};
    for (const [channel, ts] of Object.entries(f.shares ?? {})) {
      const kind = channel.startsWith('C') ? 'public' : 'private';
      shares[kind] ??= {};
      shares[kind][channel] = [{ ts }];
    }
    return {
      ok: true,
      file: {
        id: f.id,
        name: f.name,
        title: f.name,
        size: f.size ?? f.bytes.byteLength,
        url_private: this.downloadUrl(f.id),
        url_private_download: this.downloadUrl(f.id),
        shares,
      },
    };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if ((req.url ?? '').startsWith(FILES_PATH)) {
      req.resume();
      this.download(req, res, req.url!);
      return;
    }
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
      const { call, invalid } = this.record(method, url, body);
      const failure = this.failures.get(method)?.shift();
      if (failure?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (failure?.kind === 'hang') return;
      if (failure?.kind === 'ratelimit') {
        res.writeHead(429, {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': String(failure.retryAfterSec),
        });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      if (!failure && invalid && method === 'response_url') {
        // Slack answers a bad response_url post with a plain-text 400 naming the error.
        call.response = { ok: false, error: invalid.error };
        res.writeHead(400, { 'content-type': 'text/plain' }).end(invalid.error);
        return;
      }
      const answer =
        failure?.kind === 'error'
          ? { ok: false, error: failure.error }
          : invalid
            ? slackError(invalid)
            : method === 'response_url'
              ? { ok: true }
              : this.success(method, body);
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
        return {
          ...example('chat.postMessage.success')!,
          channel: body.channel,
          ts,
          message: { type: 'message', text: body.text, ts, bot_id: 'BZYBOTHED' },
        };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'files.info':
        return this.fileInfo(body);
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'views.publish':
      case 'views.open':
      case 'views.update':
      case 'views.push':
        return {
          ...(example(`${method}.success`) ?? { ok: true }),
          ok: true,
          view: { id: 'V0123456', ...(body.view ?? {}) },
        };
      default:
        return example(`${method}.success`) ?? { ok: true };
    }
  }

  private json(res: http.ServerResponse, obj: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(obj));
  }
}

/** Slack's envelope for a rejected payload (web-api/examples/chat.postMessage.invalid_blocks.json). */
function slackError(v: BlockKitViolation): Record<string, unknown> {
  const messages = v.errors.map(formatViolation);
  return {
    ok: false,
    error: v.error,
    errors: messages,
    response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) },
  };
}

export async function startFakeSlack(): Promise<FakeSlack> {
  return new FakeSlack().start();
}
