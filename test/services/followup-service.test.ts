import { describe, expect, it } from 'vitest';
import { MAX_NOTE_CHARS } from '../../src/core/followups/limits.ts';
import { getFollowup, listEvents } from '../../src/repo/followups-repo.ts';
import {
  type AssignRequest,
  assignFollowup,
  changeFollowup,
  checkRepost,
  listForScope,
  messageItemId,
  recordPosted,
  recordSlackError,
  rememberPostedItem,
  threadFollowup,
  threadItem,
} from '../../src/services/followup-service.ts';
import { testDb } from '../helpers/db.ts';
import {
  dropFixture,
  FIXTURE,
  FIXTURE_ADMIN,
  FIXTURE_TODAY,
  followupTestDeps,
  seedFollowupFixture,
} from '../helpers/followup-fixture.ts';

function setup() {
  const db = testDb();
  seedFollowupFixture(db);
  const deps = followupTestDeps(db);
  const assign = (over: Partial<AssignRequest> = {}) =>
    assignFollowup(deps, {
      itemId: FIXTURE.targetId,
      assignee: 'U0A',
      actor: 'U0C',
      note: null,
      where: { channel: 'C1', threadTs: '9.9' },
      dedupeKey: null,
      today: '2026-11-22',
      ...over,
    });
  return { db, deps, assign };
}

describe('followup service (no Slack)', () => {
  it('assigns with the target due date by default and keeps the intended channel even before anything is posted', () => {
    const { assign } = setup();
    expect(assign()).toMatchObject({
      ok: true,
      created: true,
      followup: { id: 'F1', due: FIXTURE.targetDue, channel: 'C1', threadTs: '9.9' },
    });
    expect(assign({ itemId: FIXTURE.otherMeasureId, where: { channel: 'C2', threadTs: null } })).toMatchObject({
      ok: true,
      followup: { id: 'F2', channel: 'C2', threadTs: null },
    });
    expect(assign({ itemId: 'zzzz-1' })).toEqual({ ok: false, error: 'unknown_item', id: 'zzzz-1' });
    expect(assign({ itemId: null })).toEqual({ ok: false, error: 'need_item' });
    expect(assign({ note: 'n'.repeat(MAX_NOTE_CHARS + 1) })).toEqual({
      ok: false,
      error: 'note_too_long',
      max: MAX_NOTE_CHARS,
    });
  });

  it('a second follow-up on the same item is refused, naming the one there is; a retry still returns it', () => {
    const { assign } = setup();
    assign({ dedupeKey: 'event:1' });
    expect(assign({ assignee: 'U0B' })).toMatchObject({
      ok: false,
      error: 'duplicate',
      existing: { id: 'F1', assignee: 'U0A' },
    });
    expect(assign({ dedupeKey: 'event:1' })).toMatchObject({ ok: true, created: false, followup: { id: 'F1' } });
    // The same measure's task is another item.
    expect(assign({ itemId: FIXTURE.taskId })).toMatchObject({ ok: true, created: true, followup: { id: 'F2' } });
  });

  it('never takes a passed target date silently: two weeks ahead instead, said; a past date given is kept and said', () => {
    const { assign } = setup();
    const later = '2027-02-01';
    expect(assign({ today: later })).toMatchObject({
      ok: true,
      followup: { due: '2027-02-15' },
      dueNote: { kind: 'target_passed', targetDue: FIXTURE.targetDue, due: '2027-02-15' },
    });
    const given = assign({ itemId: FIXTURE.taskId, due: '2026-01-31' });
    expect(given).toMatchObject({
      ok: true,
      followup: { due: '2026-01-31' },
      dueNote: { kind: 'given_past', due: '2026-01-31' },
    });
    const plain = assign({ itemId: FIXTURE.otherMeasureId, due: '2027-06-30' });
    expect(plain.ok && plain.dueNote).toBeUndefined();
  });

  it('records what Slack did: a failure stays on the row until a post succeeds', () => {
    const { db, deps, assign } = setup();
    assign({ where: { channel: 'C2', threadTs: null } });
    recordSlackError(deps, 'F1', 'not_in_channel');
    expect(getFollowup(db, 'F1')!.slackError).toBe('not_in_channel');
    const posted = recordPosted(deps, 'F1', { channel: 'C2', threadTs: '7.7', messageTs: '7.7' });
    expect(posted).toMatchObject({ slackError: null, threadTs: '7.7', messageTs: '7.7' });
    // The posted card is now "about" the target: `assign @x` in its thread needs no id.
    expect(threadItem(db, 'C2', '7.7')).toEqual({
      measureId: FIXTURE.measureId,
      taskId: FIXTURE.taskId,
      targetId: FIXTURE.targetId,
    });
    expect(listEvents(db, ['F1']).map((e) => e.action)).toEqual(['created', 'slack_error']);
  });

  it('admins may change any follow-up; others may not, and may not re-post it', () => {
    const { deps, assign } = setup();
    assign();
    expect(changeFollowup(deps, { followupId: 'f1', change: { kind: 'cancel' }, actor: 'U0STRANGER' })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(checkRepost(deps, { followupId: 'F1', actor: 'U0STRANGER' })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    const r = changeFollowup(deps, { followupId: 'f1', change: { kind: 'cancel' }, actor: FIXTURE_ADMIN });
    expect(r).toMatchObject({ ok: true, followup: { status: 'cancelled' }, previous: { status: 'open' } });
  });

  it('asks which follow-up when a thread holds several', () => {
    const { db, assign } = setup();
    assign();
    assign({ itemId: FIXTURE.otherMeasureId });
    expect(threadFollowup(db, 'C1', '9.9', null)).toEqual({ ok: false, error: 'ambiguous', ids: ['F1', 'F2'] });
    expect(threadFollowup(db, 'C1', '9.9', 'f2')).toMatchObject({ ok: true, followup: { id: 'F2' } });
  });

  it('lists overdue first and marks follow-ups whose measure vanished', () => {
    const { db, assign } = setup();
    assign({ due: '2026-12-31' });
    assign({ due: '2026-11-01', itemId: FIXTURE.otherMeasureId });
    expect(listForScope(db, { kind: 'overdue' }, FIXTURE_TODAY).map((f) => f.id)).toEqual(['F2']);
    expect(listForScope(db, { kind: 'all' }, FIXTURE_TODAY).map((f) => f.id)).toEqual(['F2', 'F1']);
    dropFixture(db);
    expect(listForScope(db, { kind: 'all' }, FIXTURE_TODAY).every((f) => f.measureMissing)).toBe(true);
  });

  it('finds the item a message is about: its metadata first, else a remembered post', () => {
    const { db } = setup();
    const meta = {
      event_type: 'measures_item',
      event_payload: { measureId: FIXTURE.measureId, taskId: FIXTURE.taskId, targetId: '' },
    };
    expect(messageItemId(db, { channel: 'C1', ts: '1.1', threadTs: null, metadata: meta })).toBe(FIXTURE.taskId);
    expect(messageItemId(db, { channel: 'C1', ts: '1.1', threadTs: null })).toBeNull();
    rememberPostedItem(db, 'C1', '0.5', FIXTURE.measureId);
    expect(messageItemId(db, { channel: 'C1', ts: '1.1', threadTs: '0.5' })).toBe(FIXTURE.measureId);
    expect(rememberPostedItem(db, 'C1', '0.6', 'nope-1')).toBeUndefined();
  });

  it('refuses to assign an item remembered from the thread once a re-ingest removed it', () => {
    const { db, assign } = setup();
    rememberPostedItem(db, 'C1', '0.5', FIXTURE.targetId);
    const item = threadItem(db, 'C1', '0.5')!;
    dropFixture(db);
    expect(assign({ itemId: null, item })).toEqual({ ok: false, error: 'unknown_item', id: FIXTURE.targetId });
    expect(listForScope(db, { kind: 'all' }, FIXTURE_TODAY)).toEqual([]);
  });

  it('a thread item still there gets its own due date by default', () => {
    const { db, assign } = setup();
    const item = rememberPostedItem(db, 'C1', '0.5', FIXTURE.targetId)!;
    expect(assign({ itemId: null, item })).toMatchObject({
      ok: true,
      followup: { targetId: FIXTURE.targetId, due: FIXTURE.targetDue },
    });
  });
});
