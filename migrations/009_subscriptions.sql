-- Channel subscriptions: a channel's digest holds only what its query matches, on its own weekly schedule.
-- `query` is the text as typed (the search grammar of src/core/search/query-text.ts); it is parsed again for
-- every digest, so a date filter such as 年:next 90d stays relative to the digest's date.
CREATE TABLE subscriptions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,   -- the <n> of /measures unsubscribe <n>; never reused
  channel       TEXT NOT NULL,
  query         TEXT NOT NULL DEFAULT '',            -- empty: everything
  weekday       INTEGER NOT NULL DEFAULT 1 CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 = Monday … 7 = Sunday
  time          TEXT NOT NULL DEFAULT '09:00' CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
  horizon_days  INTEGER CHECK (horizon_days IS NULL OR horizon_days BETWEEN 1 AND 366),  -- null: DIGEST_HORIZON_DAYS
  time_zone     TEXT,                                -- null: DIGEST_TZ
  skip_empty    INTEGER NOT NULL DEFAULT 0 CHECK (skip_empty IN (0, 1)),
  changes_only  INTEGER NOT NULL DEFAULT 0 CHECK (changes_only IN (0, 1)),
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX subscriptions_channel ON subscriptions (channel);

-- digest_posts was keyed by (channel, slot); a channel may now hold several subscriptions, so the claim is per
-- (subscription, slot). `subscription` is 's<id>' for a stored subscription and 'env:<channel>' for a
-- DIGEST_CHANNELS channel, which is what the existing rows were: they keep their claims across the upgrade.
CREATE TABLE digest_posts_v2 (
  subscription TEXT NOT NULL,
  channel     TEXT NOT NULL,
  slot        TEXT NOT NULL,                   -- the scheduled instant the digest belongs to (ISO, UTC)
  as_of       TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'skipped')),
  ts          TEXT,
  attempts    INTEGER NOT NULL DEFAULT 1,
  claimed_at  TEXT NOT NULL,
  posted_at   TEXT,
  error       TEXT,
  PRIMARY KEY (subscription, slot)
);
INSERT INTO digest_posts_v2 (subscription, channel, slot, as_of, status, ts, attempts, claimed_at, posted_at, error)
  SELECT 'env:' || channel, channel, slot, as_of, status, ts, attempts, claimed_at, posted_at, error FROM digest_posts;
DROP TABLE digest_posts;
ALTER TABLE digest_posts_v2 RENAME TO digest_posts;
CREATE INDEX digest_posts_channel ON digest_posts (channel, slot);

-- The escalation ladder of an overdue follow-up: one row per (follow-up, due date, step), inserted before the
-- step is sent, so two processes or a repeated tick send each step once. A new due date starts a new ladder.
CREATE TABLE followup_escalations (
  followup_id  TEXT NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
  due          TEXT NOT NULL,                  -- the due date the follow-up was overdue against
  step         INTEGER NOT NULL,               -- 1 DM the assignee, 2 thread reply to the creator, 3 channel post
  status       TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
  claimed_at   TEXT NOT NULL,
  sent_on      TEXT,                           -- YYYY-MM-DD in DIGEST_TZ: the next step waits for a later working day
  error        TEXT,
  PRIMARY KEY (followup_id, due, step)
);
