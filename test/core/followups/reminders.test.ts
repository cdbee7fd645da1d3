import { describe, expect, it } from 'vitest';
import { compareByDue, needsReminder } from '../../../src/core/followups/reminders.ts';

describe('needsReminder', () => {
  const today = '2026-11-22';
  const f = (
    over: Partial<{
      status: 'open' | 'done' | 'cancelled' | 'blocked';
      due: string | null;
      lastRemindedOn: string | null;
    }>,
  ) => ({
    status: 'open' as const,
    due: '2026-11-25',
    lastRemindedOn: null,
    ...over,
  });
  it('reminds within the window and when overdue', () => {
    expect(needsReminder(f({ due: '2026-11-25' }), today, 3)).toBe(true);
    expect(needsReminder(f({ due: '2026-11-26' }), today, 3)).toBe(false);
    expect(needsReminder(f({ due: '2026-01-01', status: 'blocked' }), today, 3)).toBe(true);
  });
  it('never after done/cancelled, never without a due date, at most once a day', () => {
    expect(needsReminder(f({ status: 'done' }), today, 3)).toBe(false);
    expect(needsReminder(f({ status: 'cancelled' }), today, 3)).toBe(false);
    expect(needsReminder(f({ due: null }), today, 3)).toBe(false);
    expect(needsReminder(f({ lastRemindedOn: today }), today, 3)).toBe(false);
    expect(needsReminder(f({ lastRemindedOn: '2026-11-21' }), today, 3)).toBe(true);
  });
  it('orders by due date, undated last, then by id number', () => {
    const list = [
      { id: 'F10', due: null },
      { id: 'F2', due: '2026-12-01' },
      { id: 'F11', due: '2026-01-01' },
      { id: 'F9', due: '2026-12-01' },
    ];
    expect(list.sort(compareByDue).map((x) => x.id)).toEqual(['F11', 'F2', 'F9', 'F10']);
  });
});
