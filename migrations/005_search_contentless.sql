-- The search index without a second copy of the text, ranked without joins.
-- measure_fts becomes contentless (the tokens are only ever matched, never read back; the text lives in
-- measures) with contentless_delete=1 so a measure's row can still be deleted or replaced by rowid.
-- search_rows.id is the FTS rowid; its low two bits carry the measure's kind class (src/core/search/ranking.ts),
-- so bm25 and the kind prior are computed inside FTS5 and only the rows shown are joined to measures.
-- document_id lets filters reach the (small) documents table from a match without reading the measure row.
-- The fingerprint is dropped so the next start (or CLI search, or ingest) rebuilds the index from measures.
DROP TABLE measure_fts;
DROP TABLE search_rows;

CREATE TABLE search_rows (
  id          INTEGER PRIMARY KEY,
  measure_id  TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL
);

CREATE VIRTUAL TABLE measure_fts USING fts5(
  title,
  departments,
  body,
  chars,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

-- A measure's index row goes with it however it is deleted (also through the documents cascade), so the index
-- never holds rows of measures that are gone and a start-up check only has to compare two counts.
CREATE TRIGGER measures_leave_index AFTER DELETE ON measures BEGIN
  DELETE FROM measure_fts WHERE rowid IN (SELECT id FROM search_rows WHERE measure_id = old.id);
  DELETE FROM search_rows WHERE measure_id = old.id;
END;

DELETE FROM meta WHERE key = 'search_index_fingerprint';
