-- The measure index: documents → items (numbered measures, Q&A answers, commentary proposals) → tasks
-- (clause groups with their own responsibility bracket) → departments and dated targets.
-- Ids are short, typeable and stable across re-ingests (assigned by the ingest service, not by SQLite).

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  file          TEXT NOT NULL UNIQUE,          -- source file's base name: the document's identity
  content_hash  TEXT NOT NULL,
  title         TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('policy', 'qa', 'commentary')),
  region        TEXT,
  issuer        TEXT,
  doc_number    TEXT,
  published_on  TEXT,                          -- YYYY-MM-DD
  effective_on  TEXT,
  expires_on    TEXT,
  authors       TEXT NOT NULL DEFAULT '[]',    -- JSON array of names
  ingested_at   TEXT NOT NULL                  -- ISO timestamp
);

CREATE TABLE measures (
  id            TEXT PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('measure', 'answer', 'proposal')),
  section       TEXT,
  label         TEXT NOT NULL,
  ordinal       INTEGER NOT NULL,
  title         TEXT NOT NULL,
  text          TEXT NOT NULL,
  author        TEXT,
  content_hash  TEXT NOT NULL,
  UNIQUE (document_id, position)
);

CREATE TABLE tasks (
  id              TEXT PRIMARY KEY,
  measure_id      TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  text            TEXT NOT NULL,
  responsibility  TEXT,
  departments_incomplete INTEGER NOT NULL DEFAULT 0,
  content_hash    TEXT NOT NULL,
  UNIQUE (measure_id, position)
);

CREATE TABLE task_departments (
  task_id   TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  role      TEXT NOT NULL CHECK (role IN ('lead', 'co')),
  PRIMARY KEY (task_id, position)
);
CREATE INDEX task_departments_name ON task_departments (name);

CREATE TABLE targets (
  id            TEXT PRIMARY KEY,
  task_id       TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  text          TEXT NOT NULL,
  due           TEXT NOT NULL,                 -- last day of the stated period
  precision     TEXT NOT NULL CHECK (precision IN ('year', 'half', 'quarter', 'month', 'day', 'period')),
  period_start  TEXT,
  quantity      TEXT,
  UNIQUE (task_id, position)
);
CREATE INDEX targets_due ON targets (due);
