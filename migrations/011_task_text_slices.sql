-- migrate: foreign_keys off
-- A task's text is a stretch of its measure's text (the measure split at its responsibility brackets), so it is
-- stored as that stretch: text_from/text_to are character offsets into measures.text (SQLite's substr counts
-- characters, as these do), and text holds a copy only for a task whose text is not found in its measure. The
-- table is rebuilt because text loses its NOT NULL (SQLite cannot alter a column's constraint).
CREATE TABLE tasks_new (
  id              TEXT PRIMARY KEY,
  measure_id      TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  text            TEXT,
  text_from       INTEGER,
  text_to         INTEGER,
  responsibility  TEXT,
  departments_incomplete INTEGER NOT NULL DEFAULT 0,
  content_hash    TEXT NOT NULL,
  UNIQUE (measure_id, position),
  CHECK ((text IS NULL) = (text_from IS NOT NULL AND text_to IS NOT NULL AND text_from <= text_to))
);

INSERT INTO tasks_new (id, measure_id, position, text, text_from, text_to, responsibility, departments_incomplete,
                       content_hash)
SELECT t.id, t.measure_id, t.position,
       CASE WHEN s.ok THEN NULL ELSE t.text END,
       CASE WHEN s.ok THEN s.at - 1 END,
       CASE WHEN s.ok THEN s.at - 1 + length(t.text) END,
       t.responsibility, t.departments_incomplete, t.content_hash
  FROM tasks t JOIN measures m ON m.id = t.measure_id
  -- A stretch only where reading it back gives the text exactly (substr and instr disagree past a NUL).
  JOIN (SELECT t2.id,
               instr(m2.text, t2.text) AS at,
               instr(m2.text, t2.text) > 0
                 AND substr(m2.text, instr(m2.text, t2.text), length(t2.text)) = t2.text AS ok
          FROM tasks t2 JOIN measures m2 ON m2.id = t2.measure_id) s ON s.id = t.id;

DROP TABLE tasks;
ALTER TABLE tasks_new RENAME TO tasks;
