-- One row per (channel, scheduled slot), claimed before posting so that two processes or a restart never post
-- the same digest twice.
CREATE TABLE digest_posts (
  channel     TEXT NOT NULL,
  slot        TEXT NOT NULL,                   -- the scheduled instant the digest belongs to (ISO, UTC)
  as_of       TEXT NOT NULL,                   -- the date the digest was computed for
  status      TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'skipped')),
  ts          TEXT,                            -- Slack message ts of the thread parent
  attempts    INTEGER NOT NULL DEFAULT 1,      -- posting attempts; a failed slot is retried a bounded number of times
  claimed_at  TEXT NOT NULL,
  posted_at   TEXT,
  error       TEXT,
  PRIMARY KEY (channel, slot)
);
