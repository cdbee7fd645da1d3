import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Slack when the bot runs without credentials (the local console). It answers the Web API
 * methods the bot calls and receives response_url posts, handing every message and view to `onOutput` so the
 * console can print it. The bot itself is unchanged: its WebClient points here through SLACK_API_URL and its
 * respond() posts to the response_url this server hands out.
 */
export interface LocalOutput {
  /** 'response' = via response_url; 'message' = chat.postMessage/postEphemeral/update; 'view' = views.*. */
  via: 'response' | 'message' | 'view';
  method: string;
  body: Record<string, unknown>;
}

export interface LocalSlack {
  apiUrl: string;
  /** A fresh response_url (Slack gives one per command or action). */
  responseUrl(): string;
  close(): Promise<void>;
}

const BOT = {
  user_id: 'UMEASURESBOT',
  bot_id: 'BMEASURES',
  team_id: 'TLOCAL',
  team: 'local',
  user: 'measures',
  url: 'https://local.slack.invalid/',
};

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The WebClient sends blocks / view / attachments as JSON strings inside the form.
    out[k] = k === 'blocks' || k === 'view' || k === 'attachments' ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export async function startLocalSlack(onOutput: (o: LocalOutput) => void): Promise<LocalSlack> {
  let seq = 0;
  // Message timestamps keep growing across sessions (threads and follow-ups are keyed by them).
  let ts = Math.floor(Date.now() / 1000);
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const body = parseBody(raw, req.headers['content-type']);
      const url = req.url ?? '/';
      const send = (obj: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(obj));
      };
      if (url.startsWith('/respond/')) {
        onOutput({ via: 'response', method: 'response_url', body });
        return send({ ok: true });
      }
      const method = url.replace(/^\/api\//, '').split('?')[0]!;
      const nextTs = `${++ts}.000100`;
      switch (method) {
        case 'auth.test':
          return send({ ok: true, ...BOT });
        case 'chat.postMessage':
        case 'chat.postEphemeral':
        case 'chat.update':
          onOutput({ via: 'message', method, body });
          return send({
            ok: true,
            channel: body.channel,
            ts: body.ts ?? nextTs,
            message_ts: nextTs,
            message: { text: body.text, ts: nextTs },
          });
        case 'views.publish':
        case 'views.open':
        case 'views.push':
        case 'views.update':
          onOutput({ via: 'view', method, body });
          return send({ ok: true, view: { id: `V${nextTs}`, ...(body.view as object) } });
        case 'users.info':
          return send({ ok: true, user: { id: body.user, name: 'you', real_name: 'You', tz: 'Asia/Shanghai' } });
        case 'conversations.replies':
          return send({ ok: true, messages: [], has_more: false });
        case 'chat.getPermalink':
          return send({
            ok: true,
            channel: body.channel,
            permalink: `https://local.slack.invalid/archives/${String(body.channel)}/p${String(body.message_ts).replace('.', '')}`,
          });
        default:
          return send({ ok: true });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: () => `${base}/respond/${++seq}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
