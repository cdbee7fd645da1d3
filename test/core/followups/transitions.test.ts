import { describe, expect, it } from 'vitest';
import { MAX_BLOCKED_REASON_CHARS } from '../../../src/core/followups/limits.ts';
import type { FollowupStatus } from '../../../src/core/followups/model.ts';
import { applyChange, availableChanges, type FollowupChange } from '../../../src/core/followups/transitions.ts';

const NOW = '2026-11-22T01:00:00.000Z';
const base = (status: FollowupStatus) => ({ status, due: '2026-12-31', assignee: 'U1' });

describe('follow-up state machine', () => {
  it('walks open → in_progress → done and records from/to', () => {
    const started = applyChange(base('open'), { kind: 'start' }, NOW);
    expect(started).toMatchObject({
      ok: true,
      patch: { status: 'in_progress', closedAt: null },
      event: { action: 'status', detail: { from: 'open', to: 'in_progress' } },
    });
    const done = applyChange(base('in_progress'), { kind: 'done' }, NOW);
    expect(done).toMatchObject({ ok: true, patch: { status: 'done', closedAt: NOW } });
  });

  it('refuses a blocked reason over the limit, counting characters (an emoji or 𠀀 counts once)', () => {
    expect(
      applyChange(base('open'), { kind: 'block', reason: '因'.repeat(MAX_BLOCKED_REASON_CHARS + 1) }, NOW),
    ).toEqual({ ok: false, refusal: 'reason_too_long' });
    expect(
      applyChange(base('open'), { kind: 'block', reason: '𠀀'.repeat(MAX_BLOCKED_REASON_CHARS) }, NOW),
    ).toMatchObject({ ok: true });
  });

  it('needs a reason to block and keeps it', () => {
    expect(applyChange(base('open'), { kind: 'block', reason: '   ' }, NOW)).toEqual({
      ok: false,
      refusal: 'empty_reason',
    });
    expect(applyChange(base('in_progress'), { kind: 'block', reason: ' 等待数据 ' }, NOW)).toMatchObject({
      ok: true,
      patch: { status: 'blocked', blockedReason: '等待数据' },
      event: { detail: { reason: '等待数据' } },
    });
  });

  it('clears the blocked reason when work resumes', () => {
    expect(applyChange(base('blocked'), { kind: 'start' }, NOW)).toMatchObject({
      ok: true,
      patch: { status: 'in_progress', blockedReason: null },
    });
  });

  it('only reopens closed follow-ups, and reopening clears closedAt', () => {
    expect(applyChange(base('open'), { kind: 'reopen' }, NOW)).toEqual({ ok: false, refusal: 'unchanged' });
    expect(applyChange(base('in_progress'), { kind: 'reopen' }, NOW)).toEqual({
      ok: false,
      refusal: 'not_allowed_from_status',
    });
    for (const from of ['done', 'cancelled'] as const) {
      expect(applyChange(base(from), { kind: 'reopen' }, NOW)).toMatchObject({
        ok: true,
        patch: { status: 'open', closedAt: null },
      });
    }
  });

  it('refuses changes to closed follow-ups other than reopen', () => {
    const changes: FollowupChange[] = [{ kind: 'start' }, { kind: 'block', reason: 'x' }, { kind: 'cancel' }];
    for (const c of changes) expect(applyChange(base('done'), c, NOW).ok).toBe(false);
    expect(applyChange(base('cancelled'), { kind: 'done' }, NOW)).toEqual({
      ok: false,
      refusal: 'not_allowed_from_status',
    });
    expect(applyChange(base('done'), { kind: 'due', due: '2027-01-01' }, NOW)).toEqual({
      ok: false,
      refusal: 'closed',
    });
    expect(applyChange(base('cancelled'), { kind: 'reassign', assignee: 'U2' }, NOW)).toEqual({
      ok: false,
      refusal: 'closed',
    });
  });

  it('treats a repeated click as no change (double-clicked Done)', () => {
    expect(applyChange(base('done'), { kind: 'done' }, NOW)).toEqual({ ok: false, refusal: 'unchanged' });
    expect(applyChange(base('open'), { kind: 'due', due: '2026-12-31' }, NOW)).toEqual({
      ok: false,
      refusal: 'unchanged',
    });
    expect(applyChange(base('open'), { kind: 'reassign', assignee: 'U1' }, NOW)).toEqual({
      ok: false,
      refusal: 'unchanged',
    });
  });

  it('changes due date and assignee while active', () => {
    expect(applyChange(base('blocked'), { kind: 'due', due: '2027-03-31' }, NOW)).toMatchObject({
      ok: true,
      patch: { due: '2027-03-31' },
      event: { action: 'due', detail: { from: '2026-12-31', to: '2027-03-31' } },
    });
    expect(applyChange(base('in_progress'), { kind: 'reassign', assignee: 'U2' }, NOW)).toMatchObject({
      ok: true,
      patch: { assignee: 'U2' },
      event: { action: 'reassign', detail: { from: 'U1', to: 'U2' } },
    });
  });

  it('offers exactly the changes applyChange accepts', () => {
    const all: FollowupChange[] = [
      { kind: 'start' },
      { kind: 'done' },
      { kind: 'block', reason: 'r' },
      { kind: 'cancel' },
      { kind: 'reopen' },
      { kind: 'due', due: '2030-01-01' },
      { kind: 'reassign', assignee: 'U9' },
    ];
    for (const status of ['open', 'in_progress', 'done', 'blocked', 'cancelled'] as const) {
      const accepted = all.filter((c) => applyChange(base(status), c, NOW).ok).map((c) => c.kind);
      expect(availableChanges(status).sort()).toEqual(accepted.sort());
    }
  });
});
