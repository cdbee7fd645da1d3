import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Digest } from '../../src/core/digest/types.ts';
import type { Db } from '../../src/db/open.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { getDigestPost, listDigestPosts } from '../../src/repo/digest-repo.ts';
import {
  DONE_FALLBACK_DAYS,
  deliverDigest,
  digestAsOf,
  digestForChannel,
  MAX_POST_ATTEMPTS,
  type PostDigest,
  RETRY_AFTER_MS,
  STALE_CLAIM_MINUTES,
} from '../../src/services/digest-service.ts';
import { channelAudience } from '../../src/services/subscription-service.ts';
import { claimChannelSlot, insertDoneFollowup, recordPostedDigest, tianjinTestDb } from '../helpers/digest-fixture.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const SLOT = new Date('2025-03-17T01:00:00.000Z');
const NOW = new Date('2025-03-17T01:00:02.000Z');

let db: Db;
beforeEach(() => {
  db = tianjinTestDb();
});

const config = (env: Record<string, string> = {}) => loadConfig({ DIGEST_AS_OF: '2022-12-05', ...env });

/** A PostDigest double: records what it was asked to post and what the database said at that moment. */
function recordingPoster(behaviour: (n: number) => string | Error = (n) => `1700000000.00000${n}`) {
  const calls: { channel: string; digest: Digest; statusAtPost: string | undefined }[] = [];
  const post: PostDigest = async (channel, digest) => {
    calls.push({ channel, digest, statusAtPost: getDigestPost(db, `env:${channel}`, SLOT.toISOString())?.status });
    const r = behaviour(calls.length);
    if (r instanceof Error) throw r;
    return r;
  };
  return { post, calls };
}

describe('digestForChannel', () => {
  beforeEach(() => {
    insertDoneFollowup(db, { id: 'F1', taskId: 'z8wv-4.1', assignee: 'U1', closedAt: '2025-03-05T00:00:00Z' });
    insertDoneFollowup(db, { id: 'F2', taskId: 'z8wv-5.5', assignee: 'U2', closedAt: '2025-03-14T00:00:00Z' });
  });
  // The follow-ups are closed in March 2025: a digest as of then (a replay of 2022 would not know them yet).
  const req = (channel: string | null, asOf = '2025-03-17') => ({
    channel,
    asOf,
    horizonDays: 28,
    now: NOW,
    segmenter: testSegmenter,
  });
  const settings = config({ DIGEST_CHANNELS: 'C1 C2' });

  it(`counts "done" over the last ${DONE_FALLBACK_DAYS} days when the channel has no posted digest`, () => {
    expect(digestForChannel(db, settings, req('C1')).done.map((d) => d.followupId)).toEqual(['F2']);
    expect(digestForChannel(db, settings, req(null)).done.map((d) => d.followupId)).toEqual(['F2']);
  });

  it('counts "done" from the channel\'s last posted digest, not another channel\'s', () => {
    recordPostedDigest(db, {
      asOf: '2022-12-05',
      channel: 'C1',
      slot: '2025-03-03T01:00:00.000Z',
      postedAt: '2025-03-03T01:00:01.000Z',
    });
    recordPostedDigest(db, {
      asOf: '2022-12-05',
      channel: 'C2',
      slot: '2025-03-10T01:00:00.000Z',
      postedAt: '2025-03-15T00:00:00.000Z',
    });
    expect(digestForChannel(db, settings, req('C1')).done.map((d) => d.followupId)).toEqual(['F2', 'F1']);
    expect(digestForChannel(db, settings, req('C2')).done.map((d) => d.followupId)).toEqual([]);
  });

  it('selects upcoming and overdue targets for the date asked', () => {
    const d = digestForChannel(db, settings, req('C1', '2022-12-05'));
    expect(d.upcoming.map((i) => i.taskId)).toEqual(['z8wv-4.1', 'z8wv-5.5', 'z8wv-6.1']);
    expect(d.overdue.map((i) => i.taskId)).toEqual(['z8wv-1.8']);
  });
});

describe('digestAsOf', () => {
  it('is the pinned DIGEST_AS_OF, else the date in DIGEST_TZ', () => {
    expect(digestAsOf(config(), SLOT)).toBe('2022-12-05');
    expect(digestAsOf({ DIGEST_AS_OF: undefined, DIGEST_TZ: 'Asia/Shanghai' }, new Date('2025-03-16T17:30:00Z'))).toBe(
      '2025-03-17',
    );
  });
});

describe('deliverDigest', () => {
  const deps = (post: PostDigest) => ({ db, logger: silentLogger, post, segmenter: testSegmenter });
  const audience = (channel: string, env: Record<string, string>) => channelAudience(channel, config(env));
  const deliver = (post: PostDigest, env: Record<string, string> = {}, channel = 'C1', now = NOW) => {
    const cfg = config(env);
    return deliverDigest(deps(post), {
      audience: audience(channel, env),
      slot: SLOT,
      asOf: digestAsOf(cfg, SLOT),
      now,
    });
  };

  it('claims the slot before posting, then records the ts', async () => {
    const poster = recordingPoster();
    expect(await deliver(poster.post)).toEqual({
      channel: 'C1',
      subscription: 'env:C1',
      outcome: 'posted',
      ts: '1700000000.000001',
    });
    expect(poster.calls.map((c) => [c.channel, c.statusAtPost])).toEqual([['C1', 'claimed']]);
    expect(poster.calls[0]!.digest.asOf).toBe('2022-12-05');
    expect(getDigestPost(db, 'env:C1', SLOT.toISOString())).toMatchObject({
      status: 'posted',
      ts: '1700000000.000001',
      postedAt: NOW.toISOString(),
    });
  });

  it('waits RETRY_AFTER_MS before retrying a failed post', async () => {
    const poster = recordingPoster(() => new Error('not_in_channel'));
    expect((await deliver(poster.post)).outcome).toBe('failed');
    expect((await deliver(poster.post, {}, 'C1', new Date(NOW.getTime() + RETRY_AFTER_MS - 1))).outcome).toBe(
      'already_claimed',
    );
    expect((await deliver(poster.post, {}, 'C1', new Date(NOW.getTime() + RETRY_AFTER_MS))).outcome).toBe('failed');
    expect(poster.calls).toHaveLength(2);
  });

  it('posts nothing for a slot already claimed', async () => {
    const poster = recordingPoster();
    await deliver(poster.post);
    expect(await deliver(poster.post)).toEqual({ channel: 'C1', subscription: 'env:C1', outcome: 'already_claimed' });
    expect(poster.calls).toHaveLength(1);
  });

  it(`leaves a fresh claim alone, and re-posts one abandoned for more than ${STALE_CLAIM_MINUTES} minutes (a crash, a post that never returned)`, async () => {
    claimChannelSlot(db, { channel: 'C1', slot: SLOT.toISOString(), asOf: '2022-12-05', nowIso: NOW.toISOString() });
    const poster = recordingPoster();
    const at = (minutes: number) => deliver(poster.post, {}, 'C1', new Date(NOW.getTime() + minutes * 60_000));
    expect((await at(STALE_CLAIM_MINUTES - 1)).outcome).toBe('already_claimed');
    expect(poster.calls).toEqual([]);
    expect((await at(STALE_CLAIM_MINUTES + 1)).outcome).toBe('posted');
    expect(poster.calls).toHaveLength(1);
    expect(getDigestPost(db, 'env:C1', SLOT.toISOString())).toMatchObject({ status: 'posted', attempts: 2 });
    expect((await at(STALE_CLAIM_MINUTES * 3)).outcome).toBe('already_claimed');
  });

  it(`records a failed post with its error and retries it at most ${MAX_POST_ATTEMPTS} times`, async () => {
    const poster = recordingPoster(() => new Error('not_in_channel'));
    const outcomes = [];
    // The retry tick comes back after RETRY_AFTER_MS each time.
    for (let i = 0; i < MAX_POST_ATTEMPTS + 2; i++) {
      outcomes.push((await deliver(poster.post, {}, 'C1', new Date(NOW.getTime() + i * RETRY_AFTER_MS))).outcome);
    }
    expect(outcomes).toEqual([...Array(MAX_POST_ATTEMPTS).fill('failed'), 'already_claimed', 'already_claimed']);
    expect(poster.calls).toHaveLength(MAX_POST_ATTEMPTS);
    expect(getDigestPost(db, 'env:C1', SLOT.toISOString())).toMatchObject({
      status: 'failed',
      error: 'not_in_channel',
      attempts: MAX_POST_ATTEMPTS,
    });
  });

  it('settles an empty week without posting under DIGEST_SKIP_EMPTY, and posts it otherwise', async () => {
    const poster = recordingPoster();
    expect(await deliver(poster.post, { DIGEST_AS_OF: '2021-06-01', DIGEST_SKIP_EMPTY: '1' })).toEqual({
      channel: 'C1',
      subscription: 'env:C1',
      outcome: 'skipped_empty',
    });
    expect(poster.calls).toEqual([]);
    expect(listDigestPosts(db).map((r) => r.status)).toEqual(['skipped']);
    const other = await deliver(poster.post, { DIGEST_AS_OF: '2021-06-01' }, 'C2');
    expect(other.outcome).toBe('posted');
    expect(poster.calls[0]!.digest.upcoming).toEqual([]);
  });

  it('posts what digestForChannel computes for the channel', async () => {
    insertDoneFollowup(db, { id: 'F3', taskId: 'z8wv-4.1', assignee: 'U1', closedAt: '2025-03-16T00:00:00Z' });
    const poster = recordingPoster();
    const expected = digestForChannel(db, config({ DIGEST_CHANNELS: 'C1' }), {
      channel: 'C1',
      asOf: '2022-12-05',
      horizonDays: 28,
      now: NOW,
      segmenter: testSegmenter,
    });
    await deliver(poster.post);
    expect(poster.calls[0]!.digest).toEqual(expected);
  });
});
