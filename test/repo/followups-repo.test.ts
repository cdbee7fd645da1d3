import { describe, expect, it } from 'vitest';
import {
  claimProcessed,
  claimReminder,
  findItemMessage,
  followupsInThread,
  getFollowup,
  insertFollowup,
  listEvents,
  listFollowups,
  pruneProcessed,
  releaseProcessed,
  rememberItemMessage,
  resolveItem,
  setSlackError,
  updateFollowup,
} from '../../src/repo/followups-repo.ts';
import { testDb } from '../helpers/db.ts';
import { dropFixture, FIXTURE, seedFollowupFixture } from '../helpers/followup-fixture.ts';

const NOW = '2026-11-22T01:00:00.000Z';
const input = (over: Partial<Parameters<typeof insertFollowup>[1]> = {}) => ({
  measureId: FIXTURE.measureId,
  taskId: FIXTURE.taskId,
  targetId: FIXTURE.targetId,
  assignee: 'U1',
  createdBy: 'U2',
  due: '2026-12-31',
  note: null,
  channel: 'C1',
  threadTs: '1.1',
  dedupeKey: null,
  ...over,
});

describe('followups repository', () => {
  it('numbers follow-ups F1, F2… and records who created them', () => {
    const db = testDb();
    const a = insertFollowup(db, input(), NOW);
    const b = insertFollowup(db, input({ assignee: 'U3' }), NOW);
    expect([a.followup.id, b.followup.id]).toEqual(['F1', 'F2']);
    expect(a.followup).toMatchObject({
      status: 'open',
      assignee: 'U1',
      createdBy: 'U2',
      due: '2026-12-31',
      channel: 'C1',
      threadTs: '1.1',
    });
    expect(listEvents(db, ['F1'])).toMatchObject([{ actor: 'U2', action: 'created', detail: { assignee: 'U1' } }]);
  });

  it('returns the existing follow-up for a repeated dedupe key', () => {
    const db = testDb();
    const first = insertFollowup(db, input({ dedupeKey: 'event:Ev1' }), NOW);
    const again = insertFollowup(db, input({ dedupeKey: 'event:Ev1', assignee: 'U9' }), NOW);
    expect(first.created).toBe(true);
    expect(again).toEqual({ followup: first.followup, created: false });
    expect(listFollowups(db)).toHaveLength(1);
  });

  it('keeps follow-ups whose measure vanished in a re-ingest, marked as such', () => {
    const db = testDb();
    seedFollowupFixture(db);
    insertFollowup(db, input(), NOW);
    expect(listFollowups(db)[0]).toMatchObject({ measureTitle: FIXTURE.measureTitle, measureMissing: false });
    dropFixture(db);
    expect(listFollowups(db)[0]).toMatchObject({ id: 'F1', measureTitle: null, measureMissing: true });
  });

  it('updates and logs each change; a new due date re-arms the reminder', () => {
    const db = testDb();
    insertFollowup(db, input(), NOW);
    expect(claimReminder(db, 'F1', '2026-11-22')).toBe(true);
    updateFollowup(
      db,
      'F1',
      { due: '2027-01-31', updatedAt: NOW },
      { actor: 'U1', action: 'due', detail: { to: '2027-01-31' } },
    );
    expect(getFollowup(db, 'F1')).toMatchObject({ due: '2027-01-31', lastRemindedOn: null });
    expect(listEvents(db, ['F1']).map((e) => e.action)).toEqual(['created', 'due']);
  });

  it('claims a reminder once a day and never for closed follow-ups', () => {
    const db = testDb();
    insertFollowup(db, input(), NOW);
    expect(claimReminder(db, 'F1', '2026-11-22')).toBe(true);
    expect(claimReminder(db, 'F1', '2026-11-22')).toBe(false);
    expect(claimReminder(db, 'F1', '2026-11-23')).toBe(true);
    updateFollowup(
      db,
      'F1',
      { status: 'done', closedAt: NOW, updatedAt: NOW },
      { actor: 'U1', action: 'status', detail: {} },
    );
    expect(claimReminder(db, 'F1', '2026-11-24')).toBe(false);
  });

  it('remembers processed deliveries', () => {
    const db = testDb();
    expect(claimProcessed(db, 'event:Ev1', NOW)).toBe(true);
    expect(claimProcessed(db, 'event:Ev1', NOW)).toBe(false);
  });

  it('resolves measure, task and target ids with their default due date', () => {
    const db = testDb();
    seedFollowupFixture(db);
    expect(resolveItem(db, FIXTURE.targetId)).toEqual({
      measureId: 'abcd-4',
      taskId: 'abcd-4.1',
      targetId: 'abcd-4.1.t1',
      due: '2026-12-31',
      title: FIXTURE.measureTitle,
    });
    expect(resolveItem(db, FIXTURE.taskId)).toMatchObject({
      measureId: 'abcd-4',
      taskId: 'abcd-4.1',
      targetId: null,
      due: '2026-12-31',
    });
    expect(resolveItem(db, FIXTURE.otherMeasureId)).toMatchObject({ measureId: 'abcd-5', taskId: null, due: null });
    expect(resolveItem(db, 'zzzz-1')).toBeUndefined();
  });

  it('maps bot messages and threads to items', () => {
    const db = testDb();
    rememberItemMessage(db, 'C1', '5.5', { measureId: 'abcd-4', taskId: null, targetId: null });
    expect(findItemMessage(db, 'C1', '5.5')).toEqual({ measureId: 'abcd-4', taskId: null, targetId: null });
    insertFollowup(db, input(), NOW);
    insertFollowup(db, input({ threadTs: '2.2' }), NOW);
    expect(followupsInThread(db, 'C1', '1.1').map((f) => f.id)).toEqual(['F1']);
  });
});

describe('two processes on one database', () => {
  it('a change based on a stale read (the other process changed it first) writes nothing and says unchanged', () => {
    const db = testDb();
    const { followup: stale } = insertFollowup(db, input(), NOW);
    const later = '2026-11-22T01:00:01.000Z';
    expect(
      updateFollowup(
        db,
        'F1',
        { status: 'in_progress', updatedAt: later },
        { actor: 'U1', action: 'status', detail: {} },
        stale,
      ),
    ).toMatchObject({ status: 'in_progress' });
    // The second click was read before the first was written.
    expect(
      updateFollowup(
        db,
        'F1',
        { status: 'in_progress', updatedAt: later },
        { actor: 'U1', action: 'status', detail: {} },
        stale,
      ),
    ).toBe('unchanged');
    expect(listEvents(db, ['F1']).map((e) => e.action)).toEqual(['created', 'status']);
  });

  it('releases a processed-delivery claim so a retry is acted on', () => {
    const db = testDb();
    expect(claimProcessed(db, 'event:Ev1', NOW)).toBe(true);
    releaseProcessed(db, 'event:Ev1');
    expect(claimProcessed(db, 'event:Ev1', NOW)).toBe(true);
  });
});

describe('slack errors and processed deliveries', () => {
  it('records a Slack error on the row and in the history together, or not at all', () => {
    const db = testDb();
    insertFollowup(db, input(), NOW);
    // The history insert fails (a full disk, a broken trigger…): the row must not keep a flag without its event.
    db.exec(
      "CREATE TEMP TRIGGER no_events BEFORE INSERT ON followup_events BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    expect(() => setSlackError(db, 'F1', 'not_in_channel', NOW)).toThrow(/disk full/);
    expect(getFollowup(db, 'F1')!.slackError).toBeNull();
    db.exec('DROP TRIGGER no_events');
    setSlackError(db, 'F1', 'not_in_channel', NOW);
    expect(getFollowup(db, 'F1')!.slackError).toBe('not_in_channel');
    expect(listEvents(db, ['F1']).map((e) => e.action)).toEqual(['created', 'slack_error']);
  });

  it('prunes processed deliveries claimed before a cut-off, and only those', () => {
    const db = testDb();
    claimProcessed(db, 'event:old', '2026-11-01T00:00:00.000Z');
    claimProcessed(db, 'event:new', '2026-11-20T00:00:00.000Z');
    expect(pruneProcessed(db, '2026-11-15T00:00:00.000Z')).toBe(1);
    expect(claimProcessed(db, 'event:old', NOW)).toBe(true);
    expect(claimProcessed(db, 'event:new', NOW)).toBe(false);
  });
});
