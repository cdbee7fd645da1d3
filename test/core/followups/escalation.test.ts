import { describe, expect, it } from 'vitest';
import { type EscalationInput, type LadderRow, nextEscalationStep } from '../../../src/core/followups/escalation.ts';
import { chinaWorkCalendar } from '../../../src/lib/work-calendar.ts';

// Due Friday 2022-09-30, just before the National Day week (10-01 … 10-07 off, Saturday 10-08 worked).
const base: EscalationInput = {
  status: 'open',
  due: '2022-09-30',
  today: '2022-10-08',
  calendar: chinaWorkCalendar,
  delaysWorkingDays: [1, 1, 1],
  ladder: [],
};
const step = (over: Partial<EscalationInput>) => nextEscalationStep({ ...base, ...over });
const sent = (step: number, on: string): LadderRow => ({ step, status: 'sent', sentOn: on });

describe('nextEscalationStep', () => {
  it('starts with the DM once the first delay in working days has passed', () => {
    expect(step({ today: '2022-10-05' })).toBeNull(); // a holiday: nothing is sent on days off
    expect(step({ today: '2022-10-08' })).toBe(1); // the 调休 Saturday is the first working day overdue
    expect(step({ today: '2022-10-08', delaysWorkingDays: [2, 1, 1] })).toBeNull();
    expect(step({ today: '2022-10-09', delaysWorkingDays: [2, 1, 1] })).toBe(1);
  });

  it('climbs one step per working day at most, each after its own delay', () => {
    expect(step({ today: '2022-10-08', ladder: [sent(1, '2022-10-08')] })).toBeNull(); // same day
    expect(step({ today: '2022-10-09', ladder: [sent(1, '2022-10-08')] })).toBe(2);
    expect(step({ today: '2022-10-10', ladder: [sent(1, '2022-10-08'), sent(2, '2022-10-09')] })).toBe(3);
    expect(
      step({
        today: '2022-10-10',
        ladder: [sent(1, '2022-10-08'), sent(2, '2022-10-09')],
        delaysWorkingDays: [1, 1, 2],
      }),
    ).toBeNull();
    expect(
      step({ today: '2022-10-20', ladder: [sent(1, '2022-10-08'), sent(2, '2022-10-09'), sent(3, '2022-10-10')] }),
    ).toBeNull();
  });

  it('counts a failed or skipped step as taken, and holds at a step still claimed', () => {
    expect(step({ today: '2022-10-09', ladder: [{ step: 1, status: 'failed', sentOn: '2022-10-08' }] })).toBe(2);
    expect(
      step({
        today: '2022-10-10',
        ladder: [sent(1, '2022-10-08'), { step: 2, status: 'skipped', sentOn: '2022-10-09' }],
      }),
    ).toBe(3);
    expect(step({ today: '2022-10-12', ladder: [{ step: 1, status: 'claimed', sentOn: null }] })).toBeNull();
  });

  it('stops at done or cancelled, and when the due date is not past', () => {
    expect(step({ status: 'done' })).toBeNull();
    expect(step({ status: 'cancelled' })).toBeNull();
    expect(step({ status: 'blocked' })).toBe(1);
    expect(step({ due: '2022-10-08' })).toBeNull();
    expect(step({ due: null })).toBeNull();
  });
});
