-- Follow-ups: an owner and a state for a measure, task or target, living in a Slack thread.
-- No foreign keys to measures/tasks/targets on purpose: follow-ups must survive re-ingests, and one whose
-- measure vanished stays (shown as such) instead of being deleted with it.

CREATE TABLE followups (
  id            TEXT PRIMARY KEY,              -- short typeable id, e.g. F12
  seq           INTEGER NOT NULL UNIQUE,
  measure_id    TEXT NOT NULL,
  task_id       TEXT,
  target_id     TEXT,
  assignee      TEXT NOT NULL,                 -- Slack user id
  created_by    TEXT NOT NULL,
  due           TEXT,                          -- YYYY-MM-DD
  status        TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'blocked', 'cancelled')),
  blocked_reason TEXT,
  note          TEXT,
  channel       TEXT,                          -- where the thread lives (null until the bot could post)
  thread_ts     TEXT,                          -- the thread's root message
  message_ts    TEXT,                          -- the bot's follow-up card in that thread (kept up to date)
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  closed_at     TEXT,
  last_reminded_on TEXT,                       -- YYYY-MM-DD in the configured time zone
  slack_error   TEXT,                          -- last Web API failure while posting about it (null when fine)
  dedupe_key    TEXT UNIQUE                    -- event_id / trigger / view id that created it
);
CREATE INDEX followups_assignee ON followups (assignee, status);
CREATE INDEX followups_measure ON followups (measure_id);
CREATE INDEX followups_thread ON followups (channel, thread_ts);

CREATE TABLE followup_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  followup_id  TEXT NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,                  -- created, status, due, reassign, note, reminded, slack_error
  detail       TEXT NOT NULL DEFAULT '{}'      -- JSON
);
CREATE INDEX followup_events_followup ON followup_events (followup_id, id);

-- Slack delivers events at least once; a processed event_id / action id is remembered here.
CREATE TABLE processed_events (
  key   TEXT PRIMARY KEY,
  at    TEXT NOT NULL
);

-- Which measure/task/target a bot message is about, so that "@bot assign @user" in its thread needs no id.
-- Written by whoever posts such a message (shared detail views, digest, follow-up cards). The only source: reading
-- the thread's parent from Slack would need the *:history scopes, which the app does not ask for.
CREATE TABLE item_messages (
  channel     TEXT NOT NULL,
  ts          TEXT NOT NULL,
  measure_id  TEXT NOT NULL,
  task_id     TEXT,
  target_id   TEXT,
  PRIMARY KEY (channel, ts)
);
