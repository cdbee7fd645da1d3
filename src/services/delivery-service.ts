import { type RunWrite, retryingWrite } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import { MS_PER_DAY } from '../lib/dates.ts';
import * as repo from '../repo/followups-repo.ts';

/**
 * Slack delivers events at least once and people double-submit: a delivery key (event_id, view id…) is claimed
 * before acting, so a retry or a duplicate is not acted on twice, and given back when the work fails, so
 * Slack's retry of it is.
 */

/** How long a claimed delivery is remembered: Slack retries within minutes, a week is generous. */
export const PROCESSED_EVENTS_KEEP_DAYS = 7;

export function firstDelivery(deps: { db: Db; clock: Clock }, key: string): boolean {
  return repo.claimProcessed(deps.db, key, deps.clock().toISOString());
}

export function releaseDelivery(deps: { db: Db }, key: string): void {
  repo.releaseProcessed(deps.db, key);
}

/**
 * Runs `work` once per delivery key: skipped (undefined) when already claimed; on failure the claim is released.
 * The claim and its release go through `deps.write` (retried while another process holds the lock by default).
 */
export async function oncePerDelivery<T>(
  deps: { db: Db; clock: Clock; write?: RunWrite },
  key: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const write = deps.write ?? retryingWrite();
  if (!(await write(() => firstDelivery(deps, key)))) return undefined;
  try {
    return await work();
  } catch (err) {
    // A failed release (the disk that failed the work, again) must not hide why the work failed.
    try {
      await write(() => releaseDelivery(deps, key));
    } catch {}
    throw err;
  }
}

/** Forgets deliveries older than PROCESSED_EVENTS_KEEP_DAYS (the daily reminder job calls it); returns how many. */
export function pruneDeliveries(db: Db, now: Date): number {
  return repo.pruneProcessed(db, new Date(now.getTime() - PROCESSED_EVENTS_KEEP_DAYS * MS_PER_DAY).toISOString());
}
