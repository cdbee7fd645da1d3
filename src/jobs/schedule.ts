import cron from 'node-cron';

/**
 * When jobs run is decided by a `Schedule`: the bot uses node-cron on the system clock; tests pass their own and
 * fire ticks themselves, so nothing depends on waiting for wall-clock time.
 */

export interface ScheduledTask {
  /** Stops future ticks (a run in flight is not interrupted). */
  stop(): void | Promise<void>;
}

export interface ScheduleOptions {
  /** IANA zone the expression is read in (DIGEST_TZ). */
  timezone: string;
  /** For logs and node-cron's task registry. */
  name: string;
}

/** Calls `tick` at every instant matching the cron expression. The promise `tick` returns is the run. */
export type Schedule = (cronExpression: string, tick: () => Promise<void>, options: ScheduleOptions) => ScheduledTask;

export const nodeCronSchedule: Schedule = (cronExpression, tick, options) => {
  const task = cron.schedule(cronExpression, tick, { timezone: options.timezone, name: options.name, noOverlap: true });
  return { stop: () => task.destroy() };
};
