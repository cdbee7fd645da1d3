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
  /** A file "uploaded" in `channel`: files.info describes it and its url_private_download serves it. */
  addFile(name: string, bytes: Uint8Array, channel: string): { id: string; ts: string };
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

const FILES_PATH = '/files-pri/';

export async function startLocalSlack(onOutput: (o: LocalOutput) => void): Promise<LocalSlack> {
  let seq = 0;
  // Message timestamps keep growing across sessions (threads and follow-ups are keyed by them).
  let ts = Math.floor(Date.now() / 1000);
  const files = new Map<string, { id: string; name: string; bytes: Uint8Array; channel: string; ts: string }>();
  let base = '';
  const fileInfo = (id: unknown) => {
    const f = files.get(String(id));
    if (!f) return { ok: false, error: 'file_not_found' };
    const url = `${base}${FILES_PATH}${f.id}/${encodeURIComponent(f.name)}`;
    return {
      ok: true,
      file: {
        id: f.id,
        name: f.name,
        size: f.bytes.byteLength,
        url_private_download: url,
        shares: { private: { [f.channel]: [{ ts: f.ts }] } },
      },
    };
  };
  const server = http.createServer((req, res) => {
    if ((req.url ?? '').startsWith(FILES_PATH)) {
      req.resume();
      const f = files.get(decodeURIComponent((req.url ?? '').slice(FILES_PATH.length).split('/')[0] ?? ''));
      if (!f) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(f.bytes));
      return;
    }
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
        case 'files.info':
          return send(fileInfo(body.file));
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
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: () => `${base}/respond/${++seq}`,
    addFile(name, bytes, channel) {
      const file = { id: `FLOCAL${files.size + 1}`, name, bytes, channel, ts: `${++ts}.000100` };
      files.set(file.id, file);
      return { id: file.id, ts: file.ts };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
