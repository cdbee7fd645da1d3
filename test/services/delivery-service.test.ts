import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { oncePerDelivery, pruneDeliveries } from '../../src/services/delivery-service.ts';
import { testDb } from '../helpers/db.ts';

describe('oncePerDelivery', () => {
  it('acts on a delivery once, and again after a failed attempt released it', async () => {
    const deps = { db: testDb(), clock: fixedClock('2026-11-22T01:00:00Z') };
    let runs = 0;
    expect(await oncePerDelivery(deps, 'event:Ev1', async () => ++runs)).toBe(1);
    expect(await oncePerDelivery(deps, 'event:Ev1', async () => ++runs)).toBeUndefined();
    await expect(
      oncePerDelivery(deps, 'event:Ev2', async () => Promise.reject(new Error('slack down'))),
    ).rejects.toThrow('slack down');
    expect(await oncePerDelivery(deps, 'event:Ev2', async () => ++runs)).toBe(2);
  });

  it('forgets deliveries after a week', async () => {
    const db = testDb();
    await oncePerDelivery({ db, clock: fixedClock('2026-11-01T00:00:00Z') }, 'old', async () => 1);
    await oncePerDelivery({ db, clock: fixedClock('2026-11-21T00:00:00Z') }, 'new', async () => 1);
    expect(pruneDeliveries(db, new Date('2026-11-22T00:00:00Z'))).toBe(1);
    expect(await oncePerDelivery({ db, clock: fixedClock('2026-11-22T00:00:00Z') }, 'old', async () => 'again')).toBe(
      'again',
    );
  });
});
