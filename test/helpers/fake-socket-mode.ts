import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack.ts';

/**
 * A local fake of Slack's Socket Mode endpoints (slack-reference/socket-mode.md), in front of the fake Web API:
 *
 * - `POST /api/apps.connections.open` with the app-level token in `Authorization: Bearer` answers
 *   `{ok:true, url:'ws://127.0.0.1:<port>/link/?ticket=N&app_id=A111'}`; a wrong or missing token gets
 *   `invalid_auth`, as Slack answers it. Every other `/api/*` call is forwarded unchanged to the FakeSlack, so
 *   `apiUrl` is the app's single SLACK_API_URL and the FakeSlack still records and validates everything.
 * - The WebSocket at that URL. A ticket is single-use, like Slack's URLs: a reconnect must call
 *   apps.connections.open again. Nothing is sent on connect: the test sends `hello` (the client counts as
 *   connected only after it) and the envelopes, and reads the acks the app sends back.
 */

export const APP_ID = 'A111';

/** One WebSocket the app opened. */
export class SocketConnection {
  /** Every JSON frame the app sent (acks), in order. */
  readonly received: Record<string, any>[] = [];
  /** When each of `received` arrived (Date.now()), to check what the app did first. */
  readonly receivedAt: number[] = [];
  /** Resolves with the close code once the socket is closed (by either side). */
  readonly closed: Promise<number>;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly ticket: number,
    private readonly ws: WebSocket,
  ) {
    this.closed = new Promise((resolve) => ws.once('close', (code: number) => resolve(code)));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      this.received.push(JSON.parse(data.toString()) as Record<string, any>);
      this.receivedAt.push(Date.now());
      for (const w of this.waiters) w();
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends one JSON text frame to the app (hello, disconnect, an envelope). */
  send(message: unknown): Promise<void> {
    return new Promise((resolve, reject) =>
      this.ws.send(JSON.stringify(message), (err) => (err ? reject(err) : resolve())),
    );
  }

  /**
   * Sends an envelope and resolves with the app's ack for it (the frame echoing its envelope_id), when it arrived
   * and how long after sending.
   */
  async deliver(
    envelope: { envelope_id: string },
    timeoutMs = 3000,
  ): Promise<{ ack: Record<string, any>; ackAt: number; ackMs: number }> {
    const sentAt = Date.now();
    await this.send(envelope);
    const ack = await this.waitForMessage(
      (m) => m.envelope_id === envelope.envelope_id,
      timeoutMs,
      `the ack of envelope ${envelope.envelope_id}`,
    );
    const ackAt = this.receivedAt[this.received.indexOf(ack)]!;
    return { ack, ackAt, ackMs: ackAt - sentAt };
  }

  /** Resolves with the first frame from the app matching `pred` (already received or still to come). */
  waitForMessage(
    pred: (m: Record<string, any>) => boolean,
    timeoutMs = 3000,
    what = 'a message',
  ): Promise<Record<string, any>> {
    const found = this.received.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received: ${JSON.stringify(this.received)}`),
        );
      }, timeoutMs);
      const check = () => {
        const m = this.received.find(pred);
        if (!m) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(m);
      };
      this.waiters.add(check);
    });
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/** A Socket Mode envelope around `payload`, shaped like slack-reference/socket-mode/envelope.*.json. */
export function envelope(
  type: 'events_api' | 'interactive' | 'slash_commands',
  payload: Record<string, unknown>,
): Record<string, unknown> & { envelope_id: string } {
  return {
    envelope_id: randomUUID(),
    payload,
    type,
    accepts_response_payload: type === 'slash_commands',
    ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
  };
}

export class FakeSocketMode {
  /** Every apps.connections.open call: the Authorization header it carried and the ticket issued (if any). */
  readonly opens: { authorization: string | undefined; ticket?: number }[] = [];
  readonly connections: SocketConnection[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly unusedTickets = new Set<number>();
  private readonly waiters = new Set<() => void>();
  private server: http.Server | undefined;
  private base = '';
  private nextTicket = 0;

  constructor(
    private readonly web: FakeSlack,
    private readonly appToken: string,
  ) {}

  async start(): Promise<this> {
    // A forward that fails (the FakeSlack already stopped) drops the connection, as an unreachable Slack would.
    this.server = http.createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** SLACK_API_URL for the app: apps.connections.open here, everything else forwarded to the FakeSlack. */
  get apiUrl(): string {
    return `http://${this.base}/api/`;
  }

  /** Resolves with the `count`-th connection the app opened (1-based), once it is open. */
  waitForConnection(count = 1, timeoutMs = 5000): Promise<SocketConnection> {
    const got = this.connections[count - 1];
    if (got) return Promise.resolve(got);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for WebSocket connection #${count}; apps.connections.open calls: ${this.opens.length}`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        const c = this.connections[count - 1];
        if (!c) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(c);
      };
      this.waiters.add(check);
    });
  }

  /** Closes every socket and the server. Does not stop the FakeSlack (its owner does). */
  async stop(): Promise<void> {
    for (const c of this.connections) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = req.url ?? '/';
    if (url.split('?')[0] === '/api/apps.connections.open') {
      const authorization = req.headers.authorization;
      const entry: { authorization: string | undefined; ticket?: number } = { authorization };
      this.opens.push(entry);
      // Slack wants the app-level token in the header; a bot token or none is refused.
      if (authorization !== `Bearer ${this.appToken}`)
        return json(res, { ok: false, error: authorization ? 'invalid_auth' : 'not_authed' });
      entry.ticket = ++this.nextTicket;
      this.unusedTickets.add(entry.ticket);
      return json(res, { ok: true, url: `ws://${this.base}/link/?ticket=${entry.ticket}&app_id=${APP_ID}` });
    }
    // Everything else is the Web API: forward it to the FakeSlack as sent.
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'authorization'])
      if (typeof req.headers[h] === 'string') headers[h] = req.headers[h];
    const target = new URL(url, this.web.apiUrl).href;
    const upstream = await fetch(target, {
      method: req.method ?? 'POST',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const out: Record<string, string> = {};
    for (const h of ['content-type', 'retry-after']) {
      const v = upstream.headers.get(h);
      if (v) out[h] = v;
    }
    res.writeHead(upstream.status, out).end(Buffer.from(await upstream.arrayBuffer()));
  }

  private upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', `http://${this.base}`);
    const ticket = Number(url.searchParams.get('ticket'));
    // Single-use URLs: an unknown or reused ticket is refused, so a reconnect must fetch a new URL.
    if (url.pathname !== '/link/' || !this.unusedTickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connections.push(new SocketConnection(ticket, ws));
      for (const w of this.waiters) w();
    });
  }
}

function json(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** Starts a Socket Mode fake in front of `web` that accepts `appToken`. */
export function startFakeSocketMode(web: FakeSlack, appToken: string): Promise<FakeSocketMode> {
  return new FakeSocketMode(web, appToken).start();
}
