import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { nodeCronSchedule } from '../../src/jobs/schedule.ts';

describe('nodeCronSchedule', () => {
  it('registers a node-cron task read in the given time zone, and stop() destroys it', async () => {
    const name = `test-${process.pid}-${Date.now()}`;
    const task = nodeCronSchedule('0 9 * * 1', async () => {}, { timezone: 'Asia/Shanghai', name });
    const registered = [...cron.getTasks().values()].find((t) => t.name === name);
    expect(registered).toBeDefined();
    // Monday 09:00 in Shanghai is 01:00 UTC, whatever the machine's zone.
    const next = registered!.getNextRun()!;
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 1, 0]);
    await task.stop();
    expect([...cron.getTasks().values()].some((t) => t.name === name && t.getStatus() !== 'destroyed')).toBe(false);
  });
});
