import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DownloadError,
  downloadFile,
  downloadOrigins,
  SLACK_FILES_ORIGIN,
} from '../../../src/slack/documents/download.ts';

/** A file host that does what its path says: serve, stall, redirect elsewhere, or stream more than declared. */
let server: http.Server;
let origin = '';
/** Another host (another origin): it answers with the Authorization header it received. */
let other: http.Server;
let otherOrigin = '';
const stalled: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/file')
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from('政策'));
    else if (req.url === '/stall') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write('partial');
      stalled.push(res);
    } else if (req.url === '/redirect-away') res.writeHead(302, { location: `${otherOrigin}/echo` }).end();
    else if (req.url === '/redirect-here') res.writeHead(302, { location: '/echo' }).end();
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/echo') res.writeHead(200).end(req.headers.authorization ?? '');
    else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(64 * 1024));
    } else if (req.url === '/chunked') {
      // No content-length: only counting while reading can tell it is too big.
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 4; i++) res.write(Buffer.alloc(512));
      res.end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  other = http.createServer((req, res) => res.writeHead(200).end(req.headers.authorization ?? ''));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const r of stalled) r.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await new Promise<void>((r) => other.close(() => r()));
});

const opts = (extra: Partial<Parameters<typeof downloadFile>[1]> = {}) => ({
  token: 'xoxb-t',
  maxBytes: 1024,
  allowedOrigins: [origin],
  ...extra,
});

async function problemOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (err) {
    return err instanceof DownloadError ? err.problem : `other: ${(err as Error).message}`;
  }
}

describe('downloadFile', () => {
  it('returns the bytes', async () => {
    expect(Buffer.from(await downloadFile(`${origin}/file`, opts())).toString('utf8')).toBe('政策');
  });

  it('never sends the token to a host that is not Slack (or SLACK_API_URL)', async () => {
    expect(await problemOf(downloadFile('https://evil.example/file', opts()))).toBe('not_slack');
    expect(downloadOrigins(undefined)).toEqual([SLACK_FILES_ORIGIN]);
    expect(downloadOrigins('http://127.0.0.1:9/api/')).toEqual([SLACK_FILES_ORIGIN, 'http://127.0.0.1:9']);
  });

  it('follows a redirect, with the token only while it stays on an allowed origin; a loop is cut off', async () => {
    const text = async (p: string) => Buffer.from(await downloadFile(`${origin}${p}`, opts())).toString('utf8');
    expect(await text('/redirect-here')).toBe('Bearer xoxb-t');
    expect(await text('/redirect-away')).toBe('');
    expect(await problemOf(downloadFile(`${origin}/loop`, opts()))).toBe('failed');
  });

  it('refuses by the reported size without fetching, and stops reading past the limit', async () => {
    expect(await problemOf(downloadFile('https://evil.example/never', opts({ reportedBytes: 2048 })))).toBe(
      'too_large',
    );
    expect(await problemOf(downloadFile(`${origin}/big`, opts({ reportedBytes: 10 })))).toBe('too_large');
    expect(await problemOf(downloadFile(`${origin}/chunked`, opts({ reportedBytes: 10 })))).toBe('too_large');
    expect((await downloadFile(`${origin}/chunked`, opts({ maxBytes: 2048 }))).byteLength).toBe(2048);
  });

  it('gives up on a stalled transfer at its deadline', async () => {
    expect(await problemOf(downloadFile(`${origin}/stall`, opts({ timeoutMs: 300 })))).toBe('timeout');
  });
});
