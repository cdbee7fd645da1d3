import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DatabaseError, STORAGE_ADVICE } from '../../src/db/errors.ts';
import type { IntegrityStatus, IntegrityWatch } from '../../src/db/health.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { healthHandler } from '../../src/slack/health.ts';
import { testDb } from '../helpers/db.ts';

/** GET /healthz over a real HTTP server, with the integrity check in a given state. */
async function get(integrity: IntegrityStatus): Promise<{ status: number; body: Record<string, unknown> }> {
  const watch: IntegrityWatch = { status: () => integrity, done: Promise.resolve(integrity) };
  const handler = healthHandler({
    db: testDb(),
    logger: silentLogger,
    config: { DATABASE_PATH: ':memory:' },
    integrity: watch,
  });
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } finally {
    server.close();
  }
}

describe('/healthz and the background integrity check', () => {
  it('while a large file is being checked: healthy, and says the check is running', async () => {
    const r = await get({ state: 'checking' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, database: 'ok', integrity: 'checking' });
  });

  it('once it passed: healthy, nothing more said', async () => {
    const r = await get({ state: 'ok' });
    expect(r.status).toBe(200);
    expect(r.body.integrity).toBeUndefined();
  });

  it('when it could not run: healthy (nothing is known to be wrong), and says so', async () => {
    const r = await get({ state: 'unchecked', reason: 'the file was locked' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, integrity: 'unchecked' });
  });

  it('a storage problem it met is named as such, not as damage', async () => {
    const r = await get({ state: 'damaged', error: new DatabaseError('/srv/m.db', 'io', 'disk I/O error') });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ ok: false, database: 'io', error: STORAGE_ADVICE.io });
  });

  it('when it found damage: 503 corrupt with what to do', async () => {
    const r = await get({ state: 'damaged', error: new DatabaseError('/srv/m.db', 'corrupt', 'page 12 is damaged') });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ ok: false, database: 'corrupt', error: STORAGE_ADVICE.corrupt });
  });
});
