import { describe, expect, it } from 'vitest';
import { parseCron } from '../../../src/core/digest/cron-schedule.ts';
import { dueSlot } from '../../../src/core/digest/slot.ts';
import { chinaWorkCalendar, listedWorkCalendar } from '../../../src/lib/work-calendar.ts';

const MONDAY_9 = parseCron('0 9 * * 1');
const SH = 'Asia/Shanghai';
const slotAt = (iso: string, cal = chinaWorkCalendar) => {
  const d = dueSlot(MONDAY_9, SH, new Date(iso), cal);
  return d && { slot: d.slot.toISOString(), postAt: d.postAt.toISOString() };
};

// The 2025 National Day holiday: 10-01 … 10-08 off (Monday 10-06 inside it); Thursday 10-09 is the next working day.
describe('dueSlot', () => {
  it('is the Monday slot on a working Monday, posted at once', () => {
    expect(slotAt('2025-03-17T01:00:00Z')).toEqual({
      slot: '2025-03-17T01:00:00.000Z',
      postAt: '2025-03-17T01:00:00.000Z',
    });
  });

  it('moves a slot on a public holiday to the same time on the next working day', () => {
    expect(slotAt('2025-10-06T01:00:00Z')).toBeNull(); // Monday in the holiday: not yet
    expect(slotAt('2025-10-08T05:00:00Z')).toBeNull();
    expect(slotAt('2025-10-09T00:59:00Z')).toBeNull(); // Thursday 08:59
    const moved = { slot: '2025-10-06T01:00:00.000Z', postAt: '2025-10-09T01:00:00.000Z' };
    expect(slotAt('2025-10-09T01:00:00Z')).toEqual(moved);
    expect(slotAt('2025-10-10T03:00:00Z')).toEqual(moved); // the same slot later that week: claimed once
    // The next Monday is its own slot.
    expect(slotAt('2025-10-13T01:00:00Z')?.slot).toBe('2025-10-13T01:00:00.000Z');
  });

  it('merges a moved slot that lands on the next slot into one post', () => {
    // A holiday every day from Monday to Sunday: the slot moves onto the next Monday, which has its own slot.
    const cal = listedWorkCalendar({
      holidays: ['2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21'],
    });
    expect(slotAt('2025-03-19T01:00:00Z', cal)).toBeNull();
    expect(slotAt('2025-03-24T01:00:00Z', cal)).toEqual({
      slot: '2025-03-24T01:00:00.000Z',
      postAt: '2025-03-24T01:00:00.000Z',
    });
  });

  it('never catches up a slot of an earlier week', () => {
    expect(slotAt('2025-03-24T00:00:00Z')).toBeNull(); // Monday 08:00: last week's slot is gone, this one not yet due
  });
});
