import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import {
  claimDigestSlot,
  getDigestPost,
  lastPostedDigest,
  markDigestFailed,
  markDigestPosted,
} from '../../src/repo/digest-repo.ts';

const opened: Db[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Two connections on one file: what two bot processes sharing DATABASE_PATH see. */
function twoConnections(): [Db, Db] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-repo-'));
  dirs.push(dir);
  const file = path.join(dir, 'measures.db');
  const a = openDatabase(file);
  migrate(a);
  const b = openDatabase(file);
  migrate(b);
  opened.push(a, b);
  return [a, b];
}

/** A claim at 01:00:01; claims made before `staleBefore` count as abandoned. */
const claim = (db: Db, slot = '2025-03-17T01:00:00.000Z', channel = 'C1', staleBefore = '2025-03-17T00:45:01.000Z') =>
  claimDigestSlot(db, {
    subscription: `env:${channel}`,
    channel,
    slot,
    asOf: '2025-03-17',
    nowIso: '2025-03-17T01:00:01.000Z',
    maxAttempts: 3,
    staleBeforeIso: staleBefore,
  });

describe('digest slot claims', () => {
  it('lets exactly one of two connections claim a (subscription, slot)', () => {
    const [a, b] = twoConnections();
    expect(claim(a)).toBe(true);
    expect(claim(b)).toBe(false);
    expect(claim(a)).toBe(false);
    // Another subscription or another slot is a different claim.
    expect(claim(b, '2025-03-17T01:00:00.000Z', 'C2')).toBe(true);
    expect(claim(b, '2025-03-24T01:00:00.000Z')).toBe(true);
  });

  it('re-claims an abandoned claim once (counted as an attempt), never a fresh one or a posted slot', () => {
    const [a, b] = twoConnections();
    claim(a);
    expect(claim(b)).toBe(false); // still 'claimed' and fresh: the first process may be posting right now
    expect(claim(b, undefined, undefined, '2025-03-17T01:15:02.000Z')).toBe(true); // abandoned: older than the stale limit
    expect(getDigestPost(b, 'env:C1', '2025-03-17T01:00:00.000Z')).toMatchObject({ status: 'claimed', attempts: 2 });
    expect(claim(a)).toBe(false);
    markDigestPosted(a, 'env:C1', '2025-03-17T01:00:00.000Z', '1710000000.000100', '2025-03-17T01:00:02.000Z');
    expect(claim(b)).toBe(false);
    expect(getDigestPost(b, 'env:C1', '2025-03-17T01:00:00.000Z')).toMatchObject({
      status: 'posted',
      ts: '1710000000.000100',
    });
  });

  it('re-claims a failed slot once per retry, up to the attempt limit', () => {
    const [a, b] = twoConnections();
    expect(claim(a)).toBe(true);
    markDigestFailed(a, 'env:C1', '2025-03-17T01:00:00.000Z', 'not_in_channel');
    expect(claim(b)).toBe(true);
    expect(claim(a)).toBe(false); // b holds the retry
    markDigestFailed(b, 'env:C1', '2025-03-17T01:00:00.000Z', 'not_in_channel');
    expect(claim(a)).toBe(true);
    markDigestFailed(a, 'env:C1', '2025-03-17T01:00:00.000Z', 'not_in_channel');
    expect(claim(b)).toBe(false); // 3 attempts made
    expect(getDigestPost(a, 'env:C1', '2025-03-17T01:00:00.000Z')).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: 'not_in_channel',
    });
  });

  it('finds the previous posted digest of a channel', () => {
    const [a] = twoConnections();
    claim(a, '2025-03-10T01:00:00.000Z');
    markDigestPosted(a, 'env:C1', '2025-03-10T01:00:00.000Z', '1.1', '2025-03-10T01:00:05.000Z');
    claim(a, '2025-03-17T01:00:00.000Z');
    markDigestFailed(a, 'env:C1', '2025-03-17T01:00:00.000Z', 'x');
    expect(lastPostedDigest(a, 'env:C1', '2025-03-24T01:00:00.000Z')?.postedAt).toBe('2025-03-10T01:00:05.000Z');
    expect(lastPostedDigest(a, 'env:C2', '2025-03-24T01:00:00.000Z')).toBeUndefined();
  });

  it('waits retryAfterMs before re-claiming a failed slot', () => {
    const [a] = twoConnections();
    const at = (nowIso: string) =>
      claimDigestSlot(a, {
        subscription: 's1',
        channel: 'C1',
        slot: '2025-03-17T01:00:00.000Z',
        asOf: '2025-03-17',
        nowIso,
        maxAttempts: 3,
        staleBeforeIso: '2025-03-17T00:00:00.000Z',
        retryAfterMs: 10 * 60_000,
      });
    expect(at('2025-03-17T01:00:00.000Z')).toBe(true);
    markDigestFailed(a, 's1', '2025-03-17T01:00:00.000Z', 'not_in_channel');
    expect(at('2025-03-17T01:09:59.000Z')).toBe(false);
    expect(at('2025-03-17T01:10:00.000Z')).toBe(true);
  });
});
