import cron from 'node-cron';
import { describe, expect, it, vi } from 'vitest';
import { CronParseError, parseCron, previousOccurrence } from '../../../src/core/digest/cron-schedule.ts';

const SH = 'Asia/Shanghai';

describe('previousOccurrence', () => {
  it('finds the last Monday 09:00 in Asia/Shanghai (01:00 UTC) for the default DIGEST_CRON', () => {
    // Wednesday 2025-03-19 12:00 Shanghai
    expect(previousOccurrence('0 9 * * 1', new Date('2025-03-19T04:00:00Z'), SH)?.toISOString()).toBe(
      '2025-03-17T01:00:00.000Z',
    );
  });

  it('counts the scheduled instant itself, and one second before it belongs to the week before', () => {
    expect(previousOccurrence('0 9 * * 1', new Date('2025-03-17T01:00:00Z'), SH)?.toISOString()).toBe(
      '2025-03-17T01:00:00.000Z',
    );
    expect(previousOccurrence('0 9 * * 1', new Date('2025-03-17T00:59:59Z'), SH)?.toISOString()).toBe(
      '2025-03-10T01:00:00.000Z',
    );
  });

  it('reads the expression in the given zone, not UTC', () => {
    // Monday 2025-03-17 08:30 in Shanghai is still Monday 00:30 UTC, but 09:00 Shanghai has not come yet.
    const now = new Date('2025-03-17T00:30:00Z');
    expect(previousOccurrence('0 9 * * 1', now, SH)?.toISOString()).toBe('2025-03-10T01:00:00.000Z');
    expect(previousOccurrence('0 9 * * 1', now, 'UTC')?.toISOString()).toBe('2025-03-10T09:00:00.000Z');
  });

  it('supports lists, ranges, steps, names and 7 for Sunday', () => {
    const now = new Date('2025-03-19T04:07:00Z'); // Wed 12:07 Shanghai
    expect(previousOccurrence('*/15 9-17 * * 1-5', now, SH)?.toISOString()).toBe('2025-03-19T04:00:00.000Z');
    expect(previousOccurrence('0 9,18 * * *', now, SH)?.toISOString()).toBe('2025-03-19T01:00:00.000Z');
    expect(previousOccurrence('0 9 * * 7', now, SH)?.toISOString()).toBe('2025-03-16T01:00:00.000Z');
    expect(previousOccurrence('0 9 * * sun', now, SH)?.toISOString()).toBe('2025-03-16T01:00:00.000Z');
    expect(previousOccurrence('30 8 1 */3 *', now, SH)?.toISOString()).toBe('2025-01-01T00:30:00.000Z');
    expect(previousOccurrence('0 9 * JAN-FEB MON', now, SH)?.toISOString()).toBe('2025-02-24T01:00:00.000Z');
    expect(previousOccurrence('5/20 * * * *', now, SH)?.toISOString()).toBe('2025-03-19T04:05:00.000Z');
  });

  it('requires both a restricted day-of-month and day-of-week, as node-cron does', () => {
    // Friday the 13th: 2025-06-13 is the first after March.
    expect(previousOccurrence('0 9 13 * 5', new Date('2025-09-01T00:00:00Z'), 'UTC')?.toISOString()).toBe(
      '2025-06-13T09:00:00.000Z',
    );
  });

  it('finds Feb 29 years back and returns null for a date that never comes', () => {
    expect(previousOccurrence('0 0 29 2 *', new Date('2027-01-01T00:00:00Z'), 'UTC')?.toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
    expect(previousOccurrence('0 0 30 2 *', new Date('2027-01-01T00:00:00Z'), 'UTC')).toBeNull();
  });

  it('skips a wall time that daylight saving jumps over', () => {
    // 2025-03-09 02:30 does not exist in New York; the previous real 02:30 is on the 8th (EST, UTC−5).
    expect(previousOccurrence('30 2 * * *', new Date('2025-03-09T12:00:00Z'), 'America/New_York')?.toISOString()).toBe(
      '2025-03-08T07:30:00.000Z',
    );
  });

  it('accepts 6 fields with seconds first', () => {
    expect(previousOccurrence('30 0 9 * * 1', new Date('2025-03-19T04:00:00Z'), SH)?.toISOString()).toBe(
      '2025-03-17T01:00:30.000Z',
    );
  });

  it('agrees with node-cron: the result matches and node-cron’s next run after it is later than now', () => {
    const exprs = ['0 9 * * 1', '*/20 8-10 * * 1-5', '15 0 1,15 * *', '0 */6 * * 0,6', '45 23 * * 5'];
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    /** node-cron computes its next runs from the current time only: the clock is set to `from` for the call. */
    const nodeCronNextRun = (task: ReturnType<typeof cron.createTask>, from: Date): Date => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(from);
        return task.getNextRuns(1)[0]!;
      } finally {
        vi.useRealTimers();
      }
    };
    for (const expr of exprs) {
      const task = cron.createTask(expr, () => {}, { timezone: SH });
      try {
        for (let i = 0; i < 5; i++) {
          const now = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 730 * 86_400_000));
          const prev = previousOccurrence(expr, now, SH)!;
          expect(prev.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(task.match(prev), `${expr} at ${prev.toISOString()}`).toBe(true);
          // Nothing fires between the result and now: node-cron's next run after it is past now.
          const next = nodeCronNextRun(task, prev);
          expect(
            next.getTime(),
            `${expr}: ${next.toISOString()} fires between ${prev.toISOString()} and now`,
          ).toBeGreaterThan(now.getTime());
        }
      } finally {
        task.destroy();
      }
    }
  });
});

describe('parseCron', () => {
  it('rejects what it cannot read with the field named', () => {
    expect(() => parseCron('61 9 * * 1')).toThrow(CronParseError);
    expect(() => parseCron('61 9 * * 1')).toThrow(/minute/);
    expect(() => parseCron('0 9 * *')).toThrow(/5 fields/);
    expect(() => parseCron('0 9 * * 5-1')).toThrow(/backwards/);
  });
});
