-- Documents as teams add and revise them: who added a document, ids that must never come back, follow-ups whose
-- measure went away, and the change notes owed to follow-up threads.

-- Who first added the document (a Slack user id, or the OS user for the CLI) and when; ingested_at stays the time
-- of the latest (re)ingest.
ALTER TABLE documents ADD COLUMN added_by TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE documents ADD COLUMN added_at TEXT;
UPDATE documents SET added_at = ingested_at;
CREATE INDEX documents_doc_number ON documents (doc_number);

-- Ids of measures, tasks and targets (and documents) that vanished in a revision or with their document.
-- Follow-ups may still name them, so they are never handed to a different item. No foreign key: they outlive
-- their rows.
CREATE TABLE retired_ids (
  id           TEXT PRIMARY KEY,
  document_id  TEXT NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('document', 'measure', 'task', 'target')),
  retired_at   TEXT NOT NULL
);
CREATE INDEX retired_ids_document ON retired_ids (document_id);

-- A follow-up whose measure vanished (a revision dropped it, or its document was removed). The follow-up keeps
-- its measure id, which is retired; this says what it was about.
CREATE TABLE followup_orphans (
  followup_id     TEXT PRIMARY KEY REFERENCES followups(id) ON DELETE CASCADE,
  reason          TEXT NOT NULL CHECK (reason IN ('measure_removed', 'document_removed')),
  document_id     TEXT NOT NULL,
  document_title  TEXT NOT NULL,
  measure_label   TEXT NOT NULL,
  measure_title   TEXT NOT NULL,
  at              TEXT NOT NULL
);

-- A note owed to a follow-up's thread: its measure changed (text, deadline, units) or vanished. Written with the
-- revision; the Slack layer posts it and sets posted_at.
CREATE TABLE revision_notices (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  followup_id  TEXT NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
  document_id  TEXT NOT NULL,
  measure_id   TEXT NOT NULL,
  change       TEXT NOT NULL CHECK (change IN ('changed', 'removed', 'document_removed')),
  detail       TEXT NOT NULL,                  -- JSON: labels, titles, what changed, before/after
  created_at   TEXT NOT NULL,
  posted_at    TEXT
);
CREATE INDEX revision_notices_pending ON revision_notices (posted_at, id);
