import type { IsoWeekday, Subscription, SubscriptionOptions } from '../core/subscriptions/model.ts';
import type { Db } from '../db/open.ts';

/** Channel subscriptions (table `subscriptions`). */

const COLUMNS = `id, channel, query, weekday, time, horizon_days AS horizonDays, time_zone AS timeZone,
  skip_empty AS skipEmpty, changes_only AS changesOnly, created_by AS createdBy, created_at AS createdAt`;

interface Row extends Omit<Subscription, 'skipEmpty' | 'changesOnly' | 'weekday'> {
  weekday: number;
  skipEmpty: number;
  changesOnly: number;
}

const fromRow = (r: Row): Subscription => ({
  ...r,
  weekday: r.weekday as IsoWeekday,
  skipEmpty: r.skipEmpty === 1,
  changesOnly: r.changesOnly === 1,
});

export interface NewSubscription extends SubscriptionOptions {
  channel: string;
  query: string;
  createdBy: string;
}

export function insertSubscription(db: Db, s: NewSubscription, nowIso: string): Subscription {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO subscriptions (channel, query, weekday, time, horizon_days, time_zone, skip_empty, changes_only, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      s.channel,
      s.query,
      s.weekday,
      s.time,
      s.horizonDays,
      s.timeZone,
      s.skipEmpty ? 1 : 0,
      s.changesOnly ? 1 : 0,
      s.createdBy,
      nowIso,
    );
  return getSubscription(db, Number(lastInsertRowid))!;
}

export function getSubscription(db: Db, id: number): Subscription | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** A channel's subscriptions (or every channel's), oldest first. */
export function listSubscriptions(db: Db, channel?: string): Subscription[] {
  const rows = (
    channel === undefined
      ? db.prepare(`SELECT ${COLUMNS} FROM subscriptions ORDER BY id`).all()
      : db.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE channel = ? ORDER BY id`).all(channel)
  ) as Row[];
  return rows.map(fromRow);
}

/** Removes a subscription of this channel; false when there is none with that id here. */
export function deleteSubscription(db: Db, id: number, channel: string): boolean {
  return db.prepare('DELETE FROM subscriptions WHERE id = ? AND channel = ?').run(id, channel).changes === 1;
}
