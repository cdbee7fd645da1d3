import { beforeEach, describe, expect, it } from 'vitest';
import { groupByDue, isEmptyDigest, selectDigest } from '../../../src/core/digest/select-digest.ts';
import type { Db } from '../../../src/db/open.ts';
import { listDigestFollowups, listDigestTargets } from '../../../src/repo/digest-repo.ts';
import {
  insertDoneFollowup,
  insertFollowup,
  TIANJIN,
  targetIdOf,
  tianjinTestDb,
} from '../../helpers/digest-fixture.ts';

let db: Db;
beforeEach(() => {
  db = tianjinTestDb();
});

const digestAt = (asOf: string, horizonDays = 28, doneSince: string | null = null) =>
  selectDigest({
    targets: listDigestTargets(db),
    followups: listDigestFollowups(db, '9999-12-31T00:00:00.000Z'),
    asOf,
    horizonDays,
    doneSince,
  });
const ids = (items: { taskId: string }[]) => items.map((i) => i.taskId);

describe('selectDigest on the Tianjin targets', () => {
  it('is empty before the first target comes into the horizon', () => {
    const d = digestAt('2021-06-01');
    expect(d.upcoming).toEqual([]);
    expect(d.overdue).toEqual([]);
    expect(isEmptyDigest(d)).toBe(true);
  });

  it('lists the 2021 target in December 2021, with its document, lead department and no follow-up', () => {
    const d = digestAt('2021-12-06');
    expect(ids(d.upcoming)).toEqual(['z8wv-1.8']);
    expect(d.upcoming[0]).toMatchObject({
      targetId: targetIdOf('z8wv-1.8'),
      measureId: 'z8wv-1',
      file: TIANJIN.file,
      region: '天津市',
      label: '（一）',
      due: '2021-12-31',
      precision: 'year',
      quantity: '全覆盖',
      departments: ['市商务局'],
      followups: [],
      documentExpired: false,
    });
    expect(d.overdue).toEqual([]);
  });

  it('includes both ends of the horizon and nothing past it', () => {
    expect(ids(digestAt('2021-12-31').upcoming)).toEqual(['z8wv-1.8']);
    expect(ids(digestAt('2021-12-03', 28).upcoming)).toEqual(['z8wv-1.8']);
    expect(ids(digestAt('2021-12-02', 28).upcoming)).toEqual([]);
    expect(ids(digestAt('2021-12-31', 0).upcoming)).toEqual(['z8wv-1.8']);
  });

  it('turns the target overdue on the first day of the next year', () => {
    const d = digestAt('2022-01-01');
    expect(d.upcoming).toEqual([]);
    expect(ids(d.overdue)).toEqual(['z8wv-1.8']);
  });

  it('groups the three end-of-2022 targets under one date, in document order, lead departments only', () => {
    const d = digestAt('2022-12-05');
    const groups = groupByDue(d.upcoming);
    expect(groups.map((g) => g.due)).toEqual(['2022-12-31']);
    expect(ids(groups[0]!.items)).toEqual(['z8wv-4.1', 'z8wv-5.5', 'z8wv-6.1']);
    expect(groups[0]!.items[0]!.departments).toEqual(['市工业和信息化局']);
    expect(ids(d.overdue)).toEqual(['z8wv-1.8']);
  });

  it('lists overdue targets most recent first after the target years, and keeps the 十四五 target for its period end', () => {
    const d = digestAt('2024-03-01');
    expect(ids(d.overdue)).toEqual(['z8wv-1.5', 'z8wv-2.1', 'z8wv-4.1', 'z8wv-5.5', 'z8wv-6.1', 'z8wv-1.8']);
    expect(d.upcoming).toEqual([]);
    const dec2025 = digestAt('2025-12-10');
    expect(ids(dec2025.upcoming)).toEqual(['z8wv-2.2']);
    expect(dec2025.upcoming[0]).toMatchObject({
      precision: 'period',
      periodStart: '2021-01-01',
      documentExpired: false,
    });
  });

  it('marks targets of a document no longer in force (Tianjin expires 2025-12-31)', () => {
    expect(digestAt('2025-12-31').upcoming.every((i) => !i.documentExpired)).toBe(true);
    const d = digestAt('2026-01-05');
    expect(d.overdue).toHaveLength(7);
    expect(d.overdue.every((i) => i.documentExpired)).toBe(true);
  });

  it('drops targets whose follow-up is done or cancelled from overdue, and shows open follow-ups', () => {
    insertDoneFollowup(db, { id: 'F1', taskId: 'z8wv-4.1', assignee: 'U1', closedAt: '2023-01-05T02:00:00Z' });
    insertFollowup(db, {
      id: 'F2',
      measureId: 'z8wv-5',
      taskId: 'z8wv-5.5',
      targetId: null,
      assignee: 'U2',
      status: 'in_progress',
    });
    // A measure-level follow-up owns every target under the measure.
    insertFollowup(db, {
      id: 'F3',
      measureId: 'z8wv-6',
      taskId: null,
      targetId: null,
      assignee: 'U3',
      status: 'cancelled',
      closedAt: '2023-01-06T02:00:00Z',
    });
    // A follow-up on another target of the same task's measure does not count for this one.
    insertDoneFollowup(db, { id: 'F4', taskId: 'z8wv-1.5', assignee: 'U4', closedAt: '2022-06-01T00:00:00Z' });
    const d = digestAt('2023-01-10', 28, '2023-01-01T00:00:00Z');
    expect(ids(d.overdue)).toEqual(['z8wv-5.5', 'z8wv-1.8']);
    expect(d.overdue[0]!.followups).toEqual([{ id: 'F2', assignee: 'U2', status: 'in_progress' }]);
    // Done since 2023-01-01: F3 then F1 (most recent first); F4 closed before.
    expect(d.done.map((x) => x.followupId)).toEqual(['F3', 'F1']);
    expect(d.done[1]).toMatchObject({
      targetId: targetIdOf('z8wv-4.1'),
      text: '到2022年底累计建成5G基站5万个',
      file: TIANJIN.file,
      status: 'done',
    });
    expect(d.done[0]).toMatchObject({ text: null, label: '（六）' });
  });

  it('lists no done follow-ups without a since instant', () => {
    insertDoneFollowup(db, { id: 'F1', taskId: 'z8wv-4.1', assignee: 'U1', closedAt: '2023-01-05T02:00:00Z' });
    expect(digestAt('2023-01-10').done).toEqual([]);
  });
});
