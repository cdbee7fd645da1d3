import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Digest } from '../../src/core/digest/types.ts';
import type { Db } from '../../src/db/open.ts';
import { isTimeZone } from '../../src/lib/dates.ts';
import { digestFor } from '../../src/services/digest-service.ts';
import {
  audienceOf,
  digestAudiences,
  listSubscriptions,
  subscribe,
  unsubscribe,
} from '../../src/services/subscription-service.ts';
import { seededDb } from '../helpers/db.ts';
import { insertFollowup } from '../helpers/digest-fixture.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const settings = loadConfig({ DIGEST_CHANNELS: 'C0' });
const NOW = new Date('2026-11-23T01:00:00Z');
const nowIso = NOW.toISOString();

let db: Db;
beforeAll(async () => {
  db = await seededDb();
});

const sub = (channel: string, text: string, user = 'U1') =>
  subscribe(db, { channel, user, text, today: '2026-11-23', nowIso, isTimeZone });
const targetIds = (d: Digest) => ({
  upcoming: d.upcoming.map((i) => i.targetId),
  overdue: d.overdue.map((i) => i.targetId),
});

describe('subscriptions', () => {
  it('gives two channels with different filters different digests', () => {
    const c1 = sub('C1', '地区:天津');
    const c2 = sub('C2', '类型:问答 周五');
    if (!c1.ok || !c2.ok) throw new Error('subscribe failed');
    const asOf = '2022-12-05';
    // Written from the seeds: the Tianjin plan's targets due by 2023-01-02 and its one overdue 2021 target; the
    // national Q&A's one answer with a 2022 target.
    expect(
      targetIds(
        digestFor(db, { audience: audienceOf(c1.subscription, settings), asOf, now: NOW, segmenter: testSegmenter }),
      ),
    ).toEqual({
      upcoming: ['z8wv-4.1.t1', 'z8wv-5.5.t1', 'z8wv-6.1.t1'],
      overdue: ['z8wv-1.8.t1'],
    });
    expect(
      targetIds(
        digestFor(db, { audience: audienceOf(c2.subscription, settings), asOf, now: NOW, segmenter: testSegmenter }),
      ),
    ).toEqual({
      upcoming: ['a4bd-q2.1.t1'],
      overdue: [],
    });
    // DIGEST_CHANNELS keeps getting everything, on DIGEST_CRON.
    const c0 = digestAudiences(db, settings).find((a) => a.channel === 'C0')!;
    expect(c0).toMatchObject({ key: 'env:C0', query: '', cron: '0 9 * * 1' });
    expect(targetIds(digestFor(db, { audience: c0, asOf, now: NOW, segmenter: testSegmenter })).upcoming).toEqual([
      'a4bd-q2.1.t1',
      'z8wv-4.1.t1',
      'z8wv-5.5.t1',
      'z8wv-6.1.t1',
    ]);
    expect(audienceOf(c2.subscription, settings)).toMatchObject({
      cron: '0 9 * * 5',
      timeZone: 'Asia/Shanghai',
      horizonDays: 28,
    });
  });

  it('matches keywords with the search of /measures', () => {
    const r = sub('C3', '5G基站');
    if (!r.ok) throw new Error('subscribe failed');
    expect(
      targetIds(
        digestFor(db, {
          audience: audienceOf(r.subscription, settings),
          asOf: '2022-12-05',
          now: NOW,
          segmenter: testSegmenter,
        }),
      ).upcoming,
    ).toEqual(['z8wv-4.1.t1']);
  });

  it('lists a channel’s subscriptions; only the creator or an admin removes one', () => {
    const r = sub('C4', '部门:商务', 'U_CREATOR');
    if (!r.ok) throw new Error('subscribe failed');
    const id = r.subscription.id;
    expect(listSubscriptions(db, 'C4').map((s) => [s.id, s.query, s.weekday, s.time])).toEqual([
      [id, '部门:商务', 1, '09:00'],
    ]);
    expect(unsubscribe(db, { channel: 'C4', user: 'U_OTHER', id, admins: [] })).toEqual({
      ok: false,
      error: 'not_allowed',
    });
    expect(unsubscribe(db, { channel: 'C5', user: 'U_CREATOR', id, admins: [] })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(unsubscribe(db, { channel: 'C4', user: 'U_ADMIN', id, admins: ['U_ADMIN'] }).ok).toBe(true);
    expect(listSubscriptions(db, 'C4')).toEqual([]);
  });

  it('refuses a bad filter without storing anything', () => {
    expect(sub('C6', '类型:报纸')).toEqual({ ok: false, error: { problem: 'bad_kind', value: '报纸' } });
    expect(listSubscriptions(db, 'C6')).toEqual([]);
  });
});

describe('only changes since the last digest', () => {
  it('keeps targets new since then, those whose follow-ups were created or re-dated since, and those newly overdue', () => {
    const r = sub('C7', '地区:天津 仅变化');
    if (!r.ok) throw new Error('subscribe failed');
    const audience = audienceOf(r.subscription, settings);
    expect(audience.changesOnly).toBe(true);
    // The seeds were ingested at 2026-11-22T00:00Z. A digest posted after that: nothing is new.
    db.prepare(
      `INSERT INTO digest_posts (subscription, channel, slot, as_of, status, ts, attempts, claimed_at, posted_at)
       VALUES (?, 'C7', '2026-11-22T01:00:00.000Z', '2022-11-28', 'posted', '1.1', 1, '2026-11-22T01:00:00.000Z', '2026-11-22T01:00:00.000Z')`,
    ).run(audience.key);
    const asOf = '2022-12-05';
    // Nothing changed since that digest: no target is new, no follow-up was touched, none fell overdue since.
    expect(targetIds(digestFor(db, { audience, asOf, now: NOW, segmenter: testSegmenter }))).toEqual({
      upcoming: [],
      overdue: [],
    });
    // A follow-up created after the last digest brings its target back.
    insertFollowup(db, {
      id: 'F201',
      measureId: 'z8wv-5',
      taskId: 'z8wv-5.5',
      targetId: 'z8wv-5.5.t1',
      assignee: 'U1',
      status: 'open',
    });
    db.prepare("UPDATE followups SET created_at = '2026-11-22T05:00:00Z' WHERE id = 'F201'").run();
    const later = new Date('2026-11-23T01:00:00Z');
    // As of a date after the follow-up was made (a replay of 2022 would not know it).
    expect(
      targetIds(
        digestFor(db, { audience, asOf: '2026-11-23', horizonDays: 366, now: later, segmenter: testSegmenter }),
      ),
    ).toEqual({
      upcoming: [],
      overdue: ['z8wv-5.5.t1'],
    });
    // Without the option, the same subscription would list every overdue Tianjin target.
    const all = targetIds(
      digestFor(db, {
        audience: { ...audience, changesOnly: false },
        asOf: '2026-11-23',
        now: later,
        segmenter: testSegmenter,
      }),
    );
    expect(all.overdue.length).toBeGreaterThan(1);
  });
});

describe('replays', () => {
  it('leave out follow-ups created after the date and show later closings as still open', () => {
    const c0 = digestAudiences(db, settings).find((a) => a.channel === 'C0')!;
    const at = (asOf: string) => digestFor(db, { audience: c0, asOf, now: NOW, segmenter: testSegmenter });
    // Created in 2026 on a 2022 target: unknown to a 2022 replay.
    insertFollowup(db, {
      id: 'F101',
      measureId: 'z8wv-4',
      taskId: 'z8wv-4.1',
      targetId: 'z8wv-4.1.t1',
      assignee: 'U1',
      status: 'open',
    });
    db.prepare("UPDATE followups SET created_at = '2026-01-05T00:00:00Z' WHERE id = 'F101'").run();
    // Created in 2022, done in 2026: a 2022 replay shows the overdue target unsettled and nothing done.
    insertFollowup(db, {
      id: 'F102',
      measureId: 'z8wv-1',
      taskId: 'z8wv-1.8',
      targetId: 'z8wv-1.8.t1',
      assignee: 'U2',
      status: 'done',
      closedAt: '2026-11-20T00:00:00Z',
    });
    db.prepare("UPDATE followups SET created_at = '2022-11-01T00:00:00Z' WHERE id = 'F102'").run();
    db.prepare(
      `INSERT INTO followup_events (followup_id, at, actor, action, detail) VALUES ('F102', '2026-11-20T00:00:00Z', 'U2', 'status', '{"from":"open","to":"done"}')`,
    ).run();

    const replay = at('2022-12-05');
    expect(replay.upcoming.find((i) => i.targetId === 'z8wv-4.1.t1')!.followups).toEqual([]);
    expect(replay.overdue.find((i) => i.targetId === 'z8wv-1.8.t1')!.followups).toEqual([
      { id: 'F102', assignee: 'U2', status: 'open' },
    ]);
    expect(replay.done).toEqual([]);

    // Today both are known, and F102 is done (closed within the last week).
    const today = at('2026-11-23');
    expect(today.done.map((d) => d.followupId)).toEqual(['F102']);
  });
});
